"""Sphinx extension for the book: offline pages with no script errors, and the module's styles.

* Jupyter Book always loads sphinx-thebe, which declares ``const THEBE_JS_URL`` twice on every
  page (a JavaScript error) and names a CDN. This book has no thebe (``launch_buttons.thebe:
  false``), so its scripts are dropped from every page.
* ``redrev.css`` styles the source cards, chart figures and self-checks.
"""
from __future__ import annotations

from pathlib import Path

WEB = Path(__file__).resolve().parent / "web"


def _is_thebe(script) -> bool:
    body = script.attributes.get("body", "") if hasattr(script, "attributes") else ""
    return str(script).endswith("sphinx-thebe.js") or "THEBE_JS_URL" in body


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]
    if "css_files" in context:
        context["css_files"] = [c for c in context["css_files"] if not str(c).endswith("sphinx-thebe.css")]


def add_static(app) -> None:
    app.config.html_static_path.append(str(WEB / "static"))


def setup(app):
    app.connect("builder-inited", add_static)
    app.add_css_file("redrev.css")
    app.connect("html-page-context", drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
