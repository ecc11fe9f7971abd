"""Valid HTML from the upstream parts of the build (checked by the Nu HTML checker, tests/test_html_valid.py).

Each fix is made where the markup is made, and only falls back on rewriting a page's body where
no node, template or event reaches it:

* myst-nb's "Show code cell outputs" toggle puts ``<p>`` elements in its ``<summary>`` (only
  phrasing content is allowed there): its HTML visitor is replaced by one that writes ``<span>``s
  (styled like myst-nb's paragraphs in ``redrev.css``) and no ``aria-label`` that would hide the
  visible text (axe ``label-content-name-mismatch``).
* MyST-Parser stores Markdown links HTML-escaped, so a query string's ``&`` reaches the page as
  ``&amp;amp;`` and the link breaks (executablebooks/MyST-Parser#760): link targets are unescaped
  once in the doctree.
* docutils writes the header cells of Markdown tables as ``<th class="head">`` with no ``scope``:
  the page body gets ``scope="col"`` (``scope="row"`` for a stub column's cells).
* sphinx-external-toc writes ``index.html`` as a bare ``<meta>`` redirect (no doctype, no title):
  it is written first, as a complete page.
* pydata-sphinx-theme and sphinx-book-theme copy their Jinja macro files (``webpack-macros.html``)
  into ``_static/``, where they look like broken pages (pydata/pydata-sphinx-theme#1122); nothing
  links to them, and they are removed.

The general index is ``templates/genindex.html`` (lists, not a layout table with inline styles).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes

MACRO_FILES = ("_static/webpack-macros.html", "_static/sbt-webpack-macros.html")
_HEAD_CELL = re.compile(r'<th class="(head|stub)((?: [^"]*)?)"')


def visit_hide_toggle(self, node) -> None:
    """myst-nb's HideCodeCellNode, with phrasing content only in its summary."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n'
                     f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n'
                     f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n'
                     "</summary>\n")


def depart_hide_toggle(self, node) -> None:
    self.body.append("</details>\n")


def unescape_link_targets(app, doctree, docname) -> None:
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if "&amp;" in uri:
            ref["refuri"] = uri.replace("&amp;", "&")


def scope_table_headers(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "<th class=" in body:
        context["body"] = _HEAD_CELL.sub(
            lambda m: f'<th class="{m[1]}{m[2]}" scope="{"col" if m[1] == "head" else "row"}"', body)


def redirect_page(title: str, target: str, language: str) -> str:
    """A complete HTML page that sends the reader on to ``target`` (a relative URL)."""
    title, target = html.escape(title), html.escape(target)
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n"
            f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
            f'<body>\n<p><a href="{target}">{title}</a></p>\n</body>\n</html>\n')


def write_index_and_drop_macros(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    if app.config.root_doc != "index":
        page = redirect_page(app.config.html_title or app.config.project, f"{app.config.root_doc}.html",
                             app.config.language or "en")
        (out / "index.html").write_text(page, encoding="utf-8")
    for name in MACRO_FILES:
        (out / name).unlink(missing_ok=True)


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_toggle, depart_hide_toggle))
    app.connect("doctree-resolved", unescape_link_targets)
    app.connect("html-page-context", scope_table_headers)
    # Before sphinx-external-toc's own (priority 500), which then finds index.html there.
    app.connect("build-finished", write_index_and_drop_macros, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
