"""Sphinx's gettext translation of notebook pages (the Russian edition, ``tools/build_ru.py``).

* Glue in translated text: ``{glue:text}`key``` in a catalog's msgstr takes the page's own value.
  Sphinx parses each translated message as a small document of its own, which has none of the
  notebook's glue data, so myst-nb's role would fail there ("No key ... found in glue data"). In a
  translated message, a key without a document is read as ``<this notebook>::key``: myst-nb's
  pending glue reference, resolved from the glue data the notebook's execution saved.
* Cell outputs are not prose: a table a cell displays as Markdown is computed (in the edition's
  language, ``REDREV_LANG``), so its text is kept out of the catalogs and never replaced by one.
"""
from __future__ import annotations

import posixpath

from docutils import nodes
from myst_nb.ext.glue.roles import PasteTextRole
from sphinx.transforms import SphinxTransform

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


def setup(app) -> None:
    app.add_role_to_domain("glue", "text", TranslatedPasteText(), override=True)
    app.add_transform(UntranslatedOutputs)
