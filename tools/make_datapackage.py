"""Write data/datapackage.json (every table's types, enums and keys) and the codebook data/README.md.

The loader's validation reads datapackage.json; the codebook is generated from the same fields.
Run after changing a column: python tools/make_datapackage.py
"""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

ID = r"[a-z0-9_]+"
PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
FLAG = r"(impossible_date|date_received|year_implied|month_implied|date_approximate|spelling_variant|inferred_sender|inferred_recipient|struck_out|unquoted|author_paraphrase|contradicts:[DE]\d{3})"
CASES = ["az-1920-04", "am-1920-05", "am-1920-11", "ge-1920-05", "ge-1921-02"]
COUNTRIES = ["azerbaijan", "armenia", "georgia", "several", "russia", "turkey", "other"]
DOC_TYPES = ["telegram", "letter", "note", "direct_wire", "resolution", "order", "ultimatum", "treaty",
             "diplomatic_note", "appeal", "report", "directive", "decree", "memorandum", "speech", "other"]
EVENT_KINDS = ["border_crossing", "uprising", "coup", "revkom_formed", "city_taken", "government_fell",
               "troops_entered", "arrival", "battle", "meeting", "appointment", "other"]
PLACE_KINDS = ["city", "town", "village", "district", "region", "country", "river", "bridge", "station", "other"]


def field(name, description, type="string", required=False, enum=None, pattern=None,
          minimum=None, maximum=None, **extra):
    """One Frictionless field; extra keys (x-list-of, x-partial-date) drive the loader's checks."""
    constraints = {"required": required, "enum": enum, "pattern": pattern, "minimum": minimum, "maximum": maximum}
    constraints = {k: v for k, v in constraints.items() if v not in (None, False)}
    spec = {"name": name, "type": type, "description": description, **extra}
    if constraints:
        spec["constraints"] = constraints
    return spec


def partial_date(name, description, required=False):
    return field(name, description + " ISO 8601 at the precision the article gives: YYYY, YYYY-MM or YYYY-MM-DD.",
                 required=required, pattern=PARTIAL_DATE, **{"x-partial-date": True})


def id_list(name, resource, description, id_pattern=ID):
    return field(name, description + f" Ids from {resource}.csv, ';'-separated.", pattern=rf"{id_pattern}(;{id_pattern})*",
                 **{"x-list": True, "x-list-of": resource})


NOTE = field("note", "The article's bracketed note number, e.g. 10 for [10, л. 6-8].", type="integer", minimum=1, maximum=65)
FOLIO = field("folio", "Folio(s) (л./лл.) where the article gives them, e.g. '6-8' or '2/об.' (verso).")
PAGE = field("page", "Page(s) (с.) of a published collection where the article gives them.")
EVIDENCE = field("evidence_ru", "A short verbatim fragment of the article (Russian) that locates the record; traced by trace_quotes.py.")
COMMENT = field("comment_en", "Our note: ambiguities, what the flags mean here, the author's reading against the document's own words.")


def russian(english: str) -> dict:
    """The Russian sibling of an English prose column, shown in the Russian edition."""
    name = english.removesuffix("_en") + "_ru"
    return field(name, f"Russian text of `{english}` for the Russian edition: the project's own Russian, "
                 f"not the article's; quotations of the documents in «…», verbatim. Filled wherever `{english}` is.",
                 **{"x-russian-of": english})


COMMENT_RU = russian("comment_en")
FLAGS = field("flags", "Problems of the source, ';'-separated (see the flag vocabulary).", pattern=rf"{FLAG}(;{FLAG})*", **{"x-list": True})
DATE_PRINTED = field("date_printed", "The date exactly as the article prints it, kept only where it is problematic (impossible, implicit, ambiguous).")
CASE = field("case", "The episode (cases.csv id), if any.")
STAGE = field("stage", "Stage of the red-revolution model (1-5) the record belongs to, if any.", type="integer", minimum=1, maximum=5)
COUNTRY = field("country", "Country the record concerns.", enum=COUNTRIES)


def fk(column, resource, ref="id"):
    return {"fields": column, "reference": {"resource": resource, "fields": ref}}


def resource(name, title, fields, primary_key, foreign_keys=()):
    schema = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    return {"name": name, "path": f"{name}.csv", "title": title, "profile": "tabular-data-resource",
            "format": "csv", "encoding": "utf-8", "mediatype": "text/csv", "schema": schema}


RESOURCES = [
    resource("cases", "Episodes: each attempt to bring Soviet power to a republic", [
        field("id", "Episode id: country code, year, month of the attempt.", required=True),
        field("country", "The republic.", enum=["azerbaijan", "armenia", "georgia"], required=True),
        field("label_en", "Short English label.", required=True),
        russian("label_en"),
        partial_date("start", "First dated step of the episode.", required=True),
        partial_date("end", "Last dated step of the episode.", required=True),
        field("outcome", "Whether Soviet power was established.", enum=["sovietised", "aborted"], required=True),
        field("summary_en", "What happened, in our words.", required=True),
        russian("summary_en"),
        field("notes", "The article's note numbers that document the episode, ';'-separated.", pattern=r"\d+(;\d+)*", **{"x-list": True}),
        EVIDENCE,
    ], ["id"]),
    resource("stages", "The five stages of the model, recorded for each episode", [
        field("case", "Episode (cases.csv id).", required=True),
        field("stage", "Stage: 1 coup, 2 revkom, 3 appeal for help, 4 Red Army enters, 5 greeting from Moscow.", type="integer", minimum=1, maximum=5, required=True),
        field("status", "Whether the article documents this stage for this episode.", enum=["documented", "not_documented", "ambiguous"], required=True),
        partial_date("date", "Date of the stage, empty where the article documents none."),
        partial_date("date_end", "End of the stage where the article gives a range."),
        DATE_PRINTED,
        id_list("places", "places", "Where it happened."),
        field("staged", "Whether the article shows the stage arranged from outside (prepared in advance, formed abroad, written before the fact).", enum=["yes", "no", "unclear"]),
        field("outside_capital", "Whether the stage happened outside the republic's capital.", enum=["yes", "no"]),
        field("notes", "The article's note numbers of the evidence, ';'-separated.", pattern=r"\d+(;\d+)*", **{"x-list": True}),
        id_list("evidence_docs", "documents", "Documents that evidence the stage.", r"D\d{3}"),
        EVIDENCE,
        field("summary_en", "What happened at this stage, or why nothing is recorded.", required=True),
        russian("summary_en"),
        COMMENT,
        COMMENT_RU,
    ], ["case", "stage"], [fk("case", "cases")]),
    resource("people", "Persons and bodies named in the article", [
        field("id", "Person or body id (ASCII, lower case).", required=True),
        field("kind", "A person or a collective body.", enum=["person", "body"], required=True),
        field("name_en", "English form (common scholarly transliteration).", required=True),
        field("name_ru", "Russian form, nominative, with the capitals the PDF lost restored.", required=True),
        field("name_ru_variants", "Other spellings as the article prints them, ';'-separated.", **{"x-list": True}),
        field("roles_en", "Roles in 1920-21 that the article gives, in our words."),
        russian("roles_en"),
        EVIDENCE,
        field("note", "A note number near a mention, if any.", type="integer", minimum=1, maximum=65),
        FLAGS,
        COMMENT,
        COMMENT_RU,
    ], ["id"]),
    resource("places", "Places named in the article", [
        field("id", "Place id (ASCII slug of the 1920 English form).", required=True),
        field("name_en", "English form in use in 1920, e.g. Tiflis.", required=True),
        field("name_modern", "Modern name, e.g. Tbilisi."),
        field("name_ru", "Russian form, nominative.", required=True),
        field("kind", "Kind of place.", enum=PLACE_KINDS, required=True),
        field("lat", "Approximate latitude (WGS84).", type="number", minimum=30, maximum=60),
        field("lon", "Approximate longitude (WGS84).", type="number", minimum=20, maximum=60),
        field("coord_source", "Where the coordinates come from."),
        EVIDENCE,
        COMMENT,
        COMMENT_RU,
    ], ["id"]),
    resource("documents", "Primary documents of 1920-21 that the article cites or quotes", [
        field("id", "Stable document id.", pattern=r"D\d{3}", required=True),
        partial_date("date", "Date of the document (our reasoned reading where the printed date is impossible)."),
        DATE_PRINTED,
        field("date_basis", "What the date is: of sending, of receipt, or deduced from context.", enum=["sent", "received", "implied"]),
        field("time", "Time of day (HH:MM) where the article gives one.", pattern=r"\d{2}:\d{2}"),
        field("type", "Kind of document.", enum=DOC_TYPES, required=True),
        id_list("senders", "people", "Who sent or issued it."),
        id_list("recipients", "people", "To whom."),
        field("country", "Which republic it is about.", enum=COUNTRIES),
        CASE,
        STAGE,
        NOTE,
        FOLIO,
        PAGE,
        field("quote_ru", "The document's words as the article quotes them (verbatim; elisions as [...])."),
        field("quote_en", "Our English translation of quote_ru, elisions kept."),
        EVIDENCE,
        field("summary_en", "What the document says or does, in our words.", required=True),
        russian("summary_en"),
        FLAGS,
        COMMENT,
        COMMENT_RU,
    ], ["id"], [fk("case", "cases")]),
    resource("events", "Dated happenings that are not documents", [
        field("id", "Stable event id.", pattern=r"E\d{3}", required=True),
        partial_date("start", "When it began; empty where the article gives no date (see comment_en)."),
        partial_date("end", "When it ended, where the article gives a range."),
        DATE_PRINTED,
        field("kind", "Kind of event.", enum=EVENT_KINDS, required=True),
        field("summary_en", "What happened, in our words.", required=True),
        russian("summary_en"),
        CASE,
        STAGE,
        COUNTRY,
        id_list("places", "places", "Where it happened."),
        id_list("actors", "people", "Who acted."),
        id_list("evidence_docs", "documents", "Documents that report it.", r"D\d{3}"),
        NOTE,
        FOLIO,
        PAGE,
        EVIDENCE,
        FLAGS,
        COMMENT,
        COMMENT_RU,
    ], ["id"], [fk("case", "cases")]),
]




FLAG_MEANINGS = {
    "impossible_date": "the printed date cannot exist (e.g. «31 ноября»); `date_printed` keeps it, `date` holds our reasoned reading, `comment_en` gives the reasoning",
    "date_received": "the date (and time) is when the document arrived, not when it was sent",
    "year_implied": "the article gives day and month only; the year comes from the context",
    "month_implied": "the month comes from the context",
    "date_approximate": "the article gives no date; `date` is our approximate reading from the sequence of events",
    "spelling_variant": "a name is spelled in more than one way in the article",
    "inferred_sender": "the text implies the sender but does not name them",
    "inferred_recipient": "the text implies the recipient but does not name them",
    "struck_out": "the article reports words struck out by hand before sending; they are kept in the quotation",
    "unquoted": "the article mentions the document without quoting it",
    "author_paraphrase": "what we know of the document is the author's paraphrase, not its own words",
    "contradicts:<id>": "the record contradicts another document (D…) or event (E…), named by its id",
}

CODEBOOK_HEAD = """# Codebook: the Red Revolutions dataset

This folder holds the module's evidence: every primary document of 1920–21 that the source article
cites, the dated events it reports, the persons, bodies and places it names, and the five stages
of the author's "red revolution" model recorded for each episode. `datapackage.json` (Frictionless
Data) is the formal description: types, enums, required fields, primary and foreign keys. This page
is generated from it by `tools/make_datapackage.py`; edit the script, not this file.

**Source.** А. В. Квашонкин, «Технология „красных революций“ в Закавказье в начале XX в.»,
*Политика и общество (NOTA BENE)*, 2016, № 4, DOI 10.7256/1812-8696.2016.4.15095. The article's
reference list is missing from the text we hold, so every record cites the article's bracketed
note number (`note`) and the folio (`folio`, from «л.»/«лл.») or page (`page`, from «с.») where
given. The notes point mostly to RGASPI f. 85 (G. K. Ordzhonikidze) and f. 558 (I. V. Stalin), and
to published collections of Lenin's documents.

**Three things kept apart.** `quote_ru` / `quote_en` are what a document says (its own words, as
the article quotes them, and our translation). `summary_en` says what the document does, in our
words. The author's conclusions are not data: where a record rests on the author's paraphrase or
reading, `flags` says so (`author_paraphrase`) and `comment_en` separates his reading from the
document's words.

**Traceability.** Every Russian fragment (`quote_ru`, `evidence_ru`) occurs verbatim in the
article, normalised only for PDF hyphenation and letter case (`../shared/tools/trace_quotes.py`
checks it in the tests). `evidence_ru` is a short locator of a few words, not a quotation of the
article's prose. All English text is the project's own.

**Russian edition.** Every English prose column (`summary_en`, `comment_en`, …) has a Russian
sibling ending in `_ru` right after it, filled wherever the English is (the loader checks it). These
Russian texts are the project's own, written from the records, not taken from the article; where they
quote a document they do so in «…», verbatim from `quote_ru` or `evidence_ru`. The Russian edition
shows `quote_ru`, the original, instead of `quote_en`; names keep their own Russian columns (`name_ru`).

**Transliteration.** English names follow the common scholarly forms (Ordzhonikidze, Chicherin,
Tiflis (Tbilisi), Erivan (Yerevan), Elisavetpol (Ganja)); 1920 place names are used, with the
modern name in `name_modern`. Russian forms are kept in `name_ru` (nominative, capitals restored)
and, exactly as the article prints them, in `name_ru_variants`.

**Dates.** ISO 8601 at the precision the article gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Most
day-and-month dates in the article leave the year implicit (`year_implied`). The loader
(`redrev.load()`) turns each date column into a timestamp at the start of the period plus a
`<column>_precision` column (`day`, `month`, `year`), and checks that every date exists and lies in
1917–1921. `date_basis` says whether a document's date is of sending (`sent`), of receipt
(`received`) or deduced (`implied`).

**Lists.** Cells holding several ids or values are `;`-separated with no spaces; the loader turns
them into Python lists.

## Flag vocabulary (`flags`)

| flag | meaning |
|---|---|
"""

CODEBOOK_TAIL = """
## How to cite

Cite the dataset as: The Red Revolutions module team (2026), *Red Revolutions in Transcaucasia,
1920–21: dataset*, version 0.1.0, CC BY 4.0, with the source article above (see `CITATION.cff`
at the repository root). Quote a document by its id and the article's note: e.g. "D020
(Kvashonkin 2016, note 10)".

## Licence

The data in this folder is licensed under Creative Commons Attribution 4.0 International
(CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
"""


def codebook(package: dict) -> str:
    lines = [CODEBOOK_HEAD.rstrip("\n")]  # no blank line between the table head and its rows
    lines += [f"| `{flag}` | {meaning} |" for flag, meaning in FLAG_MEANINGS.items()]
    for res in package["resources"]:
        schema = res["schema"]
        lines += ["", f"## `{res['path']}`: {res['title']}", "",
                  f"Primary key: {', '.join(f'`{k}`' for k in schema['primaryKey'])}."]
        refs = [f"`{fk['fields']}` → `{fk['reference']['resource']}.csv`" for fk in schema.get("foreignKeys", [])]
        refs += [f"`{f['name']}` (list) → `{f['x-list-of']}.csv`" for f in schema["fields"] if f.get("x-list-of")]
        if refs:
            lines.append("References: " + "; ".join(refs) + ".")
        lines += ["", "| column | type | required | description | values |", "|---|---|---|---|---|"]
        for f in schema["fields"]:
            c = f.get("constraints", {})
            values = ", ".join(f"`{v}`" for v in c.get("enum", []))
            if not values and "pattern" in c:
                values = "pattern `" + c["pattern"].replace("|", "\\|") + "`"
            if "minimum" in c:
                values = f"{c['minimum']}–{c['maximum']}"
            kind = "partial date" if f.get("x-partial-date") else ("list" if f.get("x-list") else f["type"])
            lines.append(f"| `{f['name']}` | {kind} | {'yes' if c.get('required') else ''} | {f['description']} | {values} |")
    return "\n".join(lines) + "\n" + CODEBOOK_TAIL


def main() -> None:
    package = {
        "name": "red-revolutions-transcaucasia",
        "title": "Red Revolutions in Transcaucasia, 1920-21: documents, events, people, places and the model",
        "description": "Extracted from A. V. Kvashonkin, 'Tekhnologiya \"krasnykh revolyutsiy\" v Zakavkaz'ye', Politika i obshchestvo, 2016, no. 4. See README.md (the codebook).",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "Kvashonkin 2016", "path": "https://doi.org/10.7256/1812-8696.2016.4.15095"}],
        "resources": RESOURCES,
    }
    (DATA / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (DATA / "README.md").write_text(codebook(package), encoding="utf-8")


if __name__ == "__main__":
    main()
