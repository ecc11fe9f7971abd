"""The Russian edition: complete catalogs that match the English prose, the same markup in each
translation, no sentence of the article, and the build machinery (editions, glue in translations)."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from redrev import editions, translation

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale" / "ru" / "LC_MESSAGES"
CATALOGS = sorted(LOCALE.rglob("*.po"))
COPY_CHECK = ROOT.parent / "shared" / "tools" / "copy_check.py"


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def entries(catalog):
    return [m for m in catalog if m.id]   # the header has an empty msgid


# --- editions and glue in translated text (units) -------------------------------------------------

@pytest.mark.parametrize("language, pagename, other, href", [
    ("en", "book/02-context", "ru", "../ru/book/02-context.html"),
    ("ru", "book/02-context", "en", "../../book/02-context.html"),
    ("en", "search", "ru", "ru/search.html"),
    ("ru", "genindex", "en", "../genindex.html"),
])
def test_edition_links_lead_to_the_same_page(language, pagename, other, href):
    links = {link["lang"]: link for link in editions.edition_links(pagename, language)}
    assert links[other]["href"] == href and not links[other]["current"]
    assert links[language]["current"] and links[language]["href"] == f"{pagename.rsplit('/', 1)[-1]}.html"


def test_alternate_tags_name_every_edition():
    tags = editions.alternate_tags(editions.edition_links("book/index", "ru"))
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', tags) == [
        ("en", "../../book/index.html"), ("ru", "index.html"), ("x-default", "../../book/index.html")]


def test_unknown_edition_is_a_clear_error():
    with pytest.raises(ValueError, match="no edition for language 'fr'"):
        editions.edition_links("book/index", "fr")


@pytest.mark.parametrize("text, key", [
    ("n_people", "10-people.ipynb::n_people:s"),
    ("share:.0%", "10-people.ipynb::share:.0%"),
    ("02-context.ipynb::treaty_date:s", "02-context.ipynb::treaty_date:s"),
])
def test_glue_key_in_translation_names_its_notebook(text, key):
    assert translation.own_notebook_key(text, "book/10-people.ipynb") == key


# --- catalogs ---------------------------------------------------------------------------------------

def test_catalogs_exist_for_every_page():
    from browser import toc_files

    pages = {f"book/{p.stem}" for p in (LOCALE / "book").glob("*.po")}
    assert pages == set(toc_files()), "one catalog per page of _toc.yml (run `make catalogs`)"
    assert (LOCALE / "sphinx.po").is_file(), "the theme's and the templates' strings: locale/ru/LC_MESSAGES/sphinx.po"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalog_fully_translated(path):
    """No entry is empty or fuzzy: a changed English sentence fails the suite until it is translated."""
    missing = [m.id for m in entries(read_catalog(path)) if not m.string or m.fuzzy]
    assert missing == [], f"{path.name}: {len(missing)} untranslated or fuzzy (translate them after `make catalogs`): {missing[:3]}"


@pytest.fixture(scope="module")
def templates(built_book) -> Path:
    """The message templates (.pot) of the current English prose: the gettext builder, as `make catalogs` runs it."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_ru.py"), "--gettext"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"gettext build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return ROOT / "_build" / "gettext"


def test_catalogs_hold_every_current_message(templates):
    """Every message of the English pages, as they are now, has its translation: the catalogs did not
    fall behind the prose (else `make catalogs`, then translate)."""
    behind = {}
    for pot in sorted(templates.rglob("*.pot")):
        relative = pot.relative_to(templates).with_suffix(".po")
        po = LOCALE / relative
        assert po.is_file(), f"no catalog {po.relative_to(ROOT)} (run `make catalogs`)"
        translated = {m.id for m in entries(read_catalog(po)) if m.string and not m.fuzzy}
        new = [m.id for m in entries(read_catalog(pot)) if m.id not in translated]
        if new:
            behind[str(relative)] = new
    assert behind == {}, "messages without a translation (run `make catalogs`, then translate): " + "; ".join(
        f"{name}: {len(ids)}, e.g. {ids[0][:80]!r}" for name, ids in behind.items())


# --- markup: the same roles, targets and links in each translation ---------------------------------

ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
TEXT_ONLY_ROLES = {"download-data", "abbr", "sub", "sup"}
LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")


def markup(text: str) -> Counter:
    """What a message links to: glue keys (with format), glossary terms, citation keys, other roles'
    targets, and link addresses. Visible words may change in translation; these may not."""
    found = Counter()
    for role, body in ROLE.findall(text):
        target = re.search(r"<([^<>]+)>\s*$", body)
        value = (target.group(1) if target else body).strip()
        if role == "term":
            found[("term", value.lower())] += 1
        elif role.startswith("cite"):
            for key in value.split(","):
                found[("cite", key.strip())] += 1
        elif role.startswith("glue"):
            found[(role, value)] += 1
        else:   # a role whose text is all visible words (a download link) counts, its text may change
            found[(role, "" if role in TEXT_ONLY_ROLES else value)] += 1
    for bracket, angle in LINK.findall(text):
        found[("link", bracket or angle)] += 1
    return found


def test_markup_of_a_message():
    english = "The {term}`Kavbyuro` met {glue:text}`n:d` times ({cite:p}`kva16,lenin`), see [the data](codebook.md)."
    russian = "Как пишет автор ({cite:p}`kva16,lenin`), {term}`Кавбюро <Kavbyuro>` собиралось {glue:text}`n:d` раз; см. [данные](codebook.md)."
    assert markup(english) == markup(russian)
    assert markup(russian.replace("<Kavbyuro>", "<Revkom>")) != markup(english)
    assert markup(russian.replace("n:d", "n:s")) != markup(english)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(LOCALE)))
def test_translation_keeps_the_markup(path):
    """Each translation has the msgid's {term}s (same targets), glue names, cite keys, roles and links."""
    wrong = [f"{m.id[:60]!r}: missing {dict(markup(m.id) - markup(m.string))}, extra {dict(markup(m.string) - markup(m.id))}"
             for m in entries(read_catalog(path)) if m.string and markup(m.id) != markup(m.string)]
    assert wrong == [], f"{path.name}: {len(wrong)} translations whose markup differs:\n" + "\n".join(wrong[:8])


# --- the no-copy rule ---------------------------------------------------------------------------------

def russian_columns() -> list[str]:
    """copy_check arguments for the data's *_ru columns: each table with a Russian column, other columns skipped."""
    args, skip = [], set()
    for table in sorted((ROOT / "data").glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        if any(c.endswith("_ru") for c in header):
            args.append(str(table))
            skip |= {c for c in header if not c.endswith("_ru")}
    return args + [a for column in sorted(skip) for a in ("--skip-column", column)]


def test_no_sentence_of_the_article():
    """copy_check (../shared/tools) finds no run of 8 words shared with the article in the catalogs and
    the data's Russian columns (quotations in «» excepted)."""
    if not COPY_CHECK.is_file():
        pytest.skip(f"{COPY_CHECK} is absent (the project's shared tools are not next to this checkout)")
    result = subprocess.run([sys.executable, str(COPY_CHECK), *map(str, CATALOGS), *russian_columns()],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"the article's wording in the Russian texts:\n{result.stdout[-4000:]}"
    assert re.search(r"\b0 runs\b", result.stdout), result.stdout[-500:]
