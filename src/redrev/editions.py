"""The book's editions (English at the site root, Russian under ``ru/``) and the links between them.

Every page links the same page of the other edition: a switcher in the article header
(``templates/language-switcher.html``) and ``<link rel="alternate" hreflang>`` tags in the head, one
per edition (itself included). The link to the other edition carries that edition's ``lang``, so
the word "English" on a Russian page is marked as English.
"""
from __future__ import annotations

import posixpath
from html import escape

# language -> (its name in itself, the folder of its pages in the site)
EDITIONS = {"en": ("English", ""), "ru": ("Русский", "ru/")}
DEFAULT = "en"


def page_path(language: str, pagename: str) -> str:
    """Where a page of an edition is in the site, e.g. ``ru/book/index.html``."""
    return f"{EDITIONS[language][1]}{pagename}.html"


def edition_links(pagename: str, language: str) -> list[dict]:
    """The same page in every edition, relative to this page: ``lang``, ``name``, ``href``, ``current``."""
    if language not in EDITIONS:
        raise ValueError(f"no edition for language {language!r}; the editions are {', '.join(EDITIONS)}")
    here = posixpath.dirname(page_path(language, pagename)) or "."
    return [{"lang": lang, "name": name, "current": lang == language,
             "href": posixpath.relpath(page_path(lang, pagename), here)}
            for lang, (name, _folder) in EDITIONS.items()]


def alternate_tags(links: list[dict]) -> str:
    """``<link rel="alternate" hreflang>`` for each edition, and ``x-default`` for the default one."""
    tags = [f'<link rel="alternate" hreflang="{link["lang"]}" href="{escape(link["href"])}" />' for link in links]
    default = next(link for link in links if link["lang"] == DEFAULT)
    tags.append(f'<link rel="alternate" hreflang="x-default" href="{escape(default["href"])}" />')
    return "\n".join(tags)


def add_edition_context(app, pagename, templatename, context, doctree) -> None:
    language = app.config.language if app.config.language in EDITIONS else DEFAULT
    links = edition_links(pagename, language)
    context["redrev_editions"] = links
    context["metatags"] = context.get("metatags", "") + "\n" + alternate_tags(links) + "\n"


def add_switcher(app, config) -> None:
    """The switcher follows the theme's own buttons at the end of the article header."""
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if "language-switcher.html" not in end:
        options["article_header_end"] = [*end, "language-switcher.html"]


def setup(app) -> None:
    app.connect("config-inited", add_switcher)
    app.connect("html-page-context", add_edition_context)
