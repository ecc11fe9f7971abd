"""Sphinx's gettext translation of notebook pages (the Russian edition, ``tools/build_ru.py``).

* Glue in translated text: ``{glue:text}`key``` in a catalog's msgstr takes the page's own value.
  Sphinx parses each translated message as a small document of its own, which has none of the
  notebook's glue data, so myst-nb's role would fail there ("No key ... found in glue data"). In a
  translated message, a key without a document is read as ``<this notebook>::key``: myst-nb's
  pending glue reference, resolved from the glue data the notebook's execution saved.
* The table of contents' part captions (``_toc.yml``): sphinx-external-toc adds the toctrees after
  Sphinx translated the page, so their captions are translated here, from the root page's catalog.
* The theme's strings: the templates' strings (``_()``) are in ``sphinx.po`` (``make catalogs``);
  sphinx-book-theme's own catalog lacks some (its launch buttons, and the search box's text that
  Jupyter Book sets), which ``booktheme.po`` adds (kept by hand: no template names them).
* Cell outputs are not prose: a table a cell displays as Markdown is computed (in the edition's
  language, ``REDREV_LANG``), so its text is kept out of the catalogs and never replaced by one.
"""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from docutils import nodes
from myst_nb.ext.glue.roles import PasteTextRole
from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

TRANSLATED = "<translated>"   # how Sphinx names the source of a translated message


def own_notebook_key(text: str, docpath: str) -> str:
    """``key[:format]`` as ``<docpath's file>::key:format``; a key that names a document is kept.

    The format is then required (myst-nb would read ``doc::key`` as key ``doc:`` with format ``:key``);
    ``s`` is the role's own default."""
    if "::" in text:
        return text
    return f"{posixpath.basename(docpath)}::{text}" + ("" if ":" in text else ":s")


class TranslatedPasteText(PasteTextRole):
    """myst-nb's ``glue:text`` role, which also works inside translated messages."""

    def run(self):
        if TRANSLATED in (self.source or "") and "nb_renderer" not in self.document:
            env = self.document.settings.env
            self.text = own_notebook_key(self.text, str(env.doc2path(env.docname, False)))
        return super().run()


class UntranslatedOutputs(SphinxTransform):
    """Marks the text of every cell output untranslatable (before Sphinx's Locale transform)."""

    default_priority = 10

    def apply(self, **kwargs) -> None:
        for output in self.document.findall(nodes.container):
            if output.get("nb_element") == "cell_code_output":
                for text in output.findall(nodes.TextElement):
                    text["translatable"] = False


class TranslatedTocCaptions(SphinxTransform):
    """Translates the captions of the toctrees sphinx-external-toc inserts (at its priority 100)."""

    default_priority = 101

    def apply(self, **kwargs) -> None:
        toctrees = [t for t in self.document.findall(addnodes.toctree) if t.get("caption")]
        if not toctrees or not self.config.language or self.config.language == "en":
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        folders = [os.path.join(self.env.srcdir, folder) for folder in self.config.locale_dirs]
        catalog, found = init_locale(folders, self.config.language, domain)
        if found:
            for toctree in toctrees:
                toctree["caption"] = toctree["rawcaption"] = catalog.gettext(toctree["caption"])


THEME_CATALOG = "booktheme"          # sphinx-book-theme's message catalog
SEARCH_BAR_TEXT = "Search this book..."


def add_theme_catalog(app) -> None:
    """Our ``booktheme.po`` behind the theme's own catalog (a fallback for the strings it lacks)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    language = app.config.language
    for folder in app.config.locale_dirs:
        po = Path(app.srcdir, folder, language or "", "LC_MESSAGES", f"{THEME_CATALOG}.po")
        if not language or not po.is_file():
            continue
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source))
        app.add_message_catalog(THEME_CATALOG, str(Path(app.srcdir, folder)))


def translate_search_bar(app, pagename, templatename, context, doctree) -> None:
    from sphinx.locale import get_translation

    if context.get("theme_search_bar_text") == SEARCH_BAR_TEXT:
        context["theme_search_bar_text"] = get_translation(THEME_CATALOG)(SEARCH_BAR_TEXT)


def setup(app) -> None:
    app.connect("builder-inited", add_theme_catalog)
    app.connect("html-page-context", translate_search_bar)
    app.add_role_to_domain("glue", "text", TranslatedPasteText(), override=True)
    app.add_transform(UntranslatedOutputs)
    app.add_transform(TranslatedTocCaptions)
