"""One setting for a fork: every launch link and the repository button come from `_config.yml`.

The configuration is read when the test runs and the links of every built page (both editions,
every HTML file under _build/html) are compared with what :mod:`redrev.launch` derives from it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from redrev import launch

ROOT = Path(__file__).resolve().parents[1]
CFG = launch.config(ROOT / "_config.yml")
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for folder in ("book", "exercises") for p in (ROOT / folder).glob("*.ipynb"))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.relative_to(html).parts)


def source_notebook(html: Path, page: Path) -> str | None:
    """The repository path of the notebook a page was made from (an edition's folder, e.g. ru/, dropped)."""
    rel = page.relative_to(html).with_suffix(".ipynb")
    for candidate in (rel, Path(*rel.parts[1:]) if len(rel.parts) > 1 else None):
        if candidate is not None and candidate.as_posix() in NOTEBOOKS:
            return candidate.as_posix()
    return None


def launch_hosts(cfg: dict) -> set[str]:
    buttons = cfg["launch_buttons"]
    return {urlparse(buttons[k]).netloc for k in ("binderhub_url", "jupyterhub_url", "colab_url") if buttons.get(k)}


def repository_path(cfg: dict) -> str:
    return urlparse(cfg["repository"]["url"]).path.strip("/")


def is_launch_or_repository_link(href: str, cfg: dict) -> bool:
    """A link to a launch service of the configuration, or anything naming the repository."""
    parsed = urlparse(href)
    return parsed.netloc in launch_hosts(cfg) or (bool(parsed.netloc) and repository_path(cfg) in href)


def test_every_launch_link_derives_from_the_configuration(built_book):
    expected = {link for nb in NOTEBOOKS for link in launch.links(nb, CFG).values()} | {CFG["repository"]["url"]}
    stray = {}
    for page in pages(built_book):
        found = {h for h in links_of(page) if is_launch_or_repository_link(h, CFG)}
        if found - expected:
            stray[page.relative_to(built_book).as_posix()] = sorted(found - expected)
    assert not stray, f"links not derived from repository.url / launch_buttons in _config.yml: {stray}"


def test_every_chapter_page_launches_its_own_notebook(built_book):
    chapters = 0
    for page in pages(built_book):
        notebook = source_notebook(built_book, page)
        if notebook:
            chapters += 1
            own = set(launch.links(notebook, CFG).values())
            missing = own - set(links_of(page))
            assert not missing, f"{page.relative_to(built_book)} lacks its launch links {sorted(missing)}"
    assert chapters >= len(list((ROOT / "book").glob("*.ipynb")))


def test_every_page_has_the_repository_button(built_book):
    themed = [p for p in pages(built_book) if 'class="bd-article"' in p.read_text(encoding="utf-8")]
    assert len(themed) > len(NOTEBOOKS) // 2
    for page in themed:
        assert CFG["repository"]["url"] in links_of(page), f"{page.relative_to(built_book)}: no repository button"


def test_a_fork_gets_its_own_links():
    fork = {**CFG, "repository": {"url": "https://github.com/someone/my-fork", "branch": "spring"}}
    links = launch.links("book/04-azerbaijan.ipynb", fork)
    assert set(links) == {"Binder", "JupyterHub", "Colab"}
    for name, link in links.items():
        assert "someone/my-fork" in link or "someone%2Fmy-fork" in link, (name, link)
        assert "spring" in link and launch.PROJECT_REPOSITORY.split("github.com/")[1] not in link, (name, link)


def test_fork_notice_only_for_the_project_default():
    assert "repository.url" in launch.fork_notice(launch.PROJECT_REPOSITORY)
    assert launch.fork_notice(launch.PROJECT_REPOSITORY + "/") is not None
    assert launch.fork_notice("https://github.com/someone/my-fork") is None
    assert launch.fork_notice(None) is None


@pytest.mark.parametrize("url, says", [(launch.PROJECT_REPOSITORY, True), ("https://github.com/someone/my-fork", False)])
def test_the_build_says_when_the_url_is_the_default(tmp_path, url, says):
    """A small Sphinx build with the module's extension: an information line, never a warning."""
    (tmp_path / "conf.py").write_text(f"extensions = ['redrev.sphinxext']\nhtml_theme_options = {{'repository_url': {url!r}}}\n"
                                      "suppress_warnings = ['config.theme']\n")
    (tmp_path / "index.rst").write_text("Title\n=====\n\nText.\n")
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", str(tmp_path), str(tmp_path / "_build")],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert run.returncode == 0, run.stderr
    assert ("redrev: repository.url in _config.yml is the module's own repository" in run.stdout) is says, run.stdout
    assert "redrev" not in run.stderr, run.stderr   # information, not a warning: a strict build passes
