"""Valid HTML: the Nu HTML checker (vnu.jar, pinned, from the npm registry; `make vnu`) on every
HTML page under _build/html, both editions. One JVM checks every page (it is slow to start)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Errors that may stay, each a (page glob, message regex) pair as narrow as possible, with why.
# Upstream errors that cannot be fixed from outside are listed in README.md too. An entry that no
# longer matches anything fails the test: remove it.
ALLOWED: list[tuple[str, str, str]] = []   # (page glob, message pattern, why): none needed today


def vnu_jar() -> Path:
    run = subprocess.run(["make", "--no-print-directory", "-s", "vnu"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, f"`make vnu` could not fetch the Nu HTML checker:\n{run.stdout}\n{run.stderr}"
    return ROOT / run.stdout.strip().splitlines()[-1]


def pages(html: Path) -> list[Path]:
    """Every HTML file of the built site (an edition's folder such as ru/ included)."""
    return sorted(html.rglob("*.html"))


@pytest.fixture(scope="session")
def vnu_messages(built_book) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless (`.ci/run` does) to run the Nu HTML checker")
    files = pages(built_book)
    run = subprocess.run([java, "-Xss2m", "-jar", str(vnu_jar()), "--format", "json", "--stdout", *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        pytest.fail(f"the Nu HTML checker gave no report (exit {run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    for message in report["messages"]:
        message["page"] = Path(message.get("url", "").removeprefix("file:")).resolve().relative_to(built_book.resolve()).as_posix() \
            if message.get("url") else "?"
    return report["messages"]


def allowed_by(message: dict) -> int | None:
    for n, (glob, pattern, _why) in enumerate(ALLOWED):
        if Path(message["page"]).match(glob) and re.search(pattern, message["message"]):
            return n
    return None


def describe(errors: list[dict]) -> str:
    lines = [f"{len(errors)} errors on {len({e['page'] for e in errors})} pages"]
    for e in errors[:80]:
        lines.append(f"  {e['page']}:{e.get('lastLine', '?')}: {e['message']}  [{e.get('extract', '').strip()[:80]!r}]")
    return "\n".join(lines)


def test_every_page_is_checked(built_book, vnu_messages):
    files = pages(built_book)
    assert any(p.name == "04-azerbaijan.html" for p in files) and (built_book / "index.html") in files
    opened = {m["page"] for m in vnu_messages if m["type"] == "non-document-error"}
    assert not opened, f"the checker could not read: {sorted(opened)}"


def test_nu_html_checker_finds_no_error(vnu_messages):
    errors = [m for m in vnu_messages if m["type"] == "error"]
    unexplained = [e for e in errors if allowed_by(e) is None]
    assert not unexplained, describe(unexplained)
    used = Counter(allowed_by(e) for e in errors)
    stale = [ALLOWED[n] for n in range(len(ALLOWED)) if not used[n]]
    assert not stale, f"allowed errors that no longer occur (remove them from ALLOWED): {stale}"


def test_the_checker_catches_an_error(tmp_path):
    """The same command on a page with known errors reports them (the test above can fail)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless")
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
                    '<style scoped>p{}</style><table><tr><th halign="left">a</th></tr></table>'
                    "<details><summary><p>x</p></summary></details></body></html>", encoding="utf-8")
    run = subprocess.run([java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", str(page)],
                         capture_output=True, text=True, timeout=300)
    messages = [m["message"] for m in json.loads(run.stdout)["messages"] if m["type"] == "error"]
    assert any("scoped" in m for m in messages) and any("halign" in m for m in messages)
    assert any("summary" in m for m in messages), messages
