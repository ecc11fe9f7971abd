"""Build the Russian edition of the book into ``_build/html/ru/`` (``make html`` runs it after the English one).

The same sources and ``_config.yml`` as the English build, with Sphinx's ``language`` set to ``ru``:
the prose comes from the gettext catalogs in ``locale/ru/LC_MESSAGES/`` (``make catalogs``), the
theme's strings from Sphinx's and the theme's own Russian catalogs, and search uses Sphinx's Russian
stemmer. The notebook kernels run with ``REDREV_LANG=ru``, so the package glues Russian values and
draws Russian charts. Nothing is shared with the English build: Sphinx works in ``_build/ru/``
(its environment, myst-nb's executed notebooks and glue data, the pages) with its own execution
cache ``_build/.jupyter_cache_ru``; the pages are then mirrored into ``_build/html/ru/``. Strict like
``make html``: any warning, broken reference or failing cell fails it (exit status 1).

    python tools/build_ru.py             # the Russian edition
    python tools/build_ru.py --gettext   # the message templates (.pot) of every page, in _build/gettext
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
LANGUAGE = "ru"
WORK = BUILD / LANGUAGE                # Sphinx's own folders for the edition
SITE = BUILD / "html" / LANGUAGE       # where readers find it, beside the English pages
sys.path.insert(0, str(ROOT / "src"))  # this checkout's package (its Sphinx extension), also from a worktree


def overrides(language: str) -> dict:
    """Sphinx settings of the edition on top of ``_config.yml`` (strict: nitpicky like ``-n``)."""
    return {"language": language, "nitpicky": True, "external_toc_path": (ROOT / "_toc.yml").as_posix(),
            "latex_individualpages": False,   # what `jupyter-book build` passes for a book
            "nb_execution_cache_path": str(BUILD / f".jupyter_cache_{language}")}


def sphinx(builder: str, outdir: Path, doctrees: Path, settings: dict) -> int:
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(ROOT, outdir, use_external_toc=True, noconfig=True, path_config=ROOT / "_config.yml",
                          confoverrides=settings, doctreedir=doctrees, builder=builder,
                          warningiserror=True, keep_going=True, quiet=True)
    if isinstance(result, Exception):
        print(f"the {builder} build failed: {result}", file=sys.stderr)
        return 1
    return int(result)


def mirror(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source``: changed files copied, files no longer built removed."""
    wanted = set()
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        wanted.add(relative)
        copy = target / relative
        if path.is_dir():
            copy.mkdir(parents=True, exist_ok=True)
        elif not copy.is_file() or copy.stat().st_size != path.stat().st_size or copy.stat().st_mtime < path.stat().st_mtime:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.relative_to(target) not in wanted:
            path.rmdir() if path.is_dir() else path.unlink()


def build_edition(language: str = LANGUAGE) -> int:
    os.environ["REDREV_LANG"] = language            # read by redrev.i18n in the notebook kernels
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    status = sphinx("html", WORK / "html", WORK / ".doctrees", overrides(language))
    if status == 0:
        mirror(WORK / "html", SITE)
    return status


def build_templates() -> int:
    """The English messages of every page (gettext builder), cells executed from the English cache.

    From a fresh environment each time: Sphinx would not re-read pages after a change of the extension."""
    shutil.rmtree(BUILD / "gettext", ignore_errors=True)
    settings = {"nitpicky": True, "external_toc_path": (ROOT / "_toc.yml").as_posix(), "latex_individualpages": False,
                "nb_execution_cache_path": str(BUILD / ".jupyter_cache")}
    return sphinx("gettext", BUILD / "gettext", BUILD / "gettext" / ".doctrees", settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gettext", action="store_true", help="write the message templates (.pot) instead")
    args = parser.parse_args()
    if args.gettext:
        sys.exit(build_templates())
    status = build_edition()
    if status == 0:
        print(f"The Russian edition is built: open {SITE / 'index.html'}")
    sys.exit(status)


if __name__ == "__main__":
    main()
