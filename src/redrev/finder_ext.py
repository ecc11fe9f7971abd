"""Sphinx side of the reader's tools (loaded by :mod:`redrev.sphinxext`).

* ``{document-finder}`` (directive): the document finder of :mod:`redrev.finder`, in the build's
  language; the page that has it also loads ``reader/finder.js``, and not vega or the widget manager.
* ``{selfcheck-progress}`` (directive): the home page's table of self-check progress per chapter
  (titles and links resolved once every page is read), with a "forget my answers" button.
* ``{compare}`D103 D105``` (role): a link to the side-by-side view of two records in the finder.
* Every page loads ``reader/progress.js`` (answers kept in localStorage) with the strings of
  :mod:`redrev.reader_text` in the build's language, and ``reader/reader.css``.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .finder import PAGE, finder_html
from .reader_text import text

READER = "../reader/"   # web/reader/ is copied to the root of the build (html_extra_path); relative to _static
PROGRESS_KEYS = ("progress", "progress_kept", "progress_off", "forgotten")
PAIR = re.compile(r"^([DE][0-9]{3})\s+([DE][0-9]{3})$")


class DocumentFinder(SphinxDirective):
    """The finder's HTML, from the data folder of the book."""

    def run(self):
        from .data import load

        root = Path(self.env.srcdir)
        for name in ("documents", "events", "people", "cases", "stages"):
            self.env.note_dependency(str(root / "data" / f"{name}.csv"))
        body = finder_html(load(root / "data"), self.config.language)
        return [nodes.raw("", body, format="html")]


class progress_table(nodes.General, nodes.Element):
    """Placeholder for the progress table, filled in at ``doctree-resolved``."""


class SelfcheckProgress(SphinxDirective):
    def run(self):
        return [progress_table()]


def fill_progress(app, doctree, docname) -> None:
    from .checks import bank

    t = text(app.config.language)
    checks = bank().get("selfcheck", {})
    for node in doctree.findall(progress_table):
        rows = []
        for chapter, entry in checks.items():
            target = f"book/{chapter}"
            if target not in app.env.titles:
                continue
            title = html.escape(app.env.titles[target].astext())
            uri = html.escape(app.builder.get_relative_uri(docname, target))
            salts = " ".join(q["salt"] for q in entry["questions"])
            rows.append(f'<tr data-chapter="{html.escape(chapter)}" data-salts="{html.escape(salts)}">'
                        f'<th scope="row"><a href="{uri}">{title}</a></th>'
                        f'<td class="redrev-progress-correct">–</td><td class="redrev-progress-answered">–</td></tr>')
        body = (f'<div class="redrev-progress-home"><p class="redrev-progress-nojs">{html.escape(t["progress_nojs"])}</p>'
                f'<table class="redrev-progress-table"><caption>{html.escape(t["progress_caption"])}</caption>'
                f'<thead><tr><th scope="col">{html.escape(t["progress_chapter"])}</th>'
                f'<th scope="col">{html.escape(t["progress_correct"])}</th>'
                f'<th scope="col">{html.escape(t["progress_answered"])}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>'
                f'<p><button type="button" class="redrev-progress-forget" hidden>{html.escape(t["forget"])}</button></p>'
                f'<p class="redrev-progress-message" role="status"></p></div>')
        node.replace_self(nodes.raw("", body, format="html"))


def compare_role(name, rawtext, content, lineno, inliner, options=None, _=None):
    """``{compare}`D103 D105```: a link to ``documents.html#compare-D103-D105``, relative to the page."""
    match = PAIR.match(content.strip())
    if not match:
        msg = inliner.reporter.error(f"{{compare}} needs two record ids, e.g. `D103 D105`; got {content!r}",
                                     line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    env = inliner.document.settings.env
    a, b = match.groups()
    uri = posixpath.relpath(f"{PAGE}.html", posixpath.dirname(env.docname) or ".") + f"#compare-{a}-{b}"
    label = text(env.config.language)["compare"].format(a=a, b=b)
    return [nodes.reference(rawtext, label, refuri=uri, classes=["redrev-compare"])], []


def add_assets(app) -> None:
    strings = {k: v for k, v in text(app.config.language).items() if k in PROGRESS_KEYS}
    app.add_js_file(None, body="window.RedrevReaderText = " + json.dumps(strings, ensure_ascii=False) + ";")
    app.add_js_file(READER + "progress.js", defer="defer")
    app.add_css_file(READER + "reader.css")


# Libraries the finder page does not use (it has no chart and no widget): left out there, they would
# hold up its first second (vega blocks parsing; the 1.9 MB widget manager runs before finder.js).
UNUSED_ON_FINDER = ("vendor/vega", "vendor/html-manager")


def add_finder_script(app, pagename, templatename, context, doctree) -> None:
    if 'class="redrev-finder"' not in (context.get("body") or ""):
        return
    # Before the body is parsed: the cards start hidden (no layout of every card, then a hide).
    app.add_js_file(None, body="document.documentElement.classList.add('redrev-js');", priority=1)
    app.add_js_file(READER + "finder.js", defer="defer")
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"]
                                   if not any(lib in str(getattr(s, "filename", s) or "") for lib in UNUSED_ON_FINDER)]


def setup(app):
    app.add_directive("document-finder", DocumentFinder)
    app.add_directive("selfcheck-progress", SelfcheckProgress)
    app.add_node(progress_table)
    app.add_role("compare", compare_role)
    app.connect("builder-inited", add_assets)
    app.connect("doctree-resolved", fill_progress)
    app.connect("html-page-context", add_finder_script, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
