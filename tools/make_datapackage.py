"""Write data/datapackage.json: the one description of every table (types, enums, keys).

The codebook (data/README.md) and the loader's validation are both read from its output.
Run after changing a column: python tools/make_datapackage.py
"""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

ID = r"[a-z0-9_]+"
IDS = rf"{ID}(;{ID})*"
PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
FLAG = r"(impossible_date|date_received|year_implied|month_implied|date_approximate|spelling_variant|inferred_sender|inferred_recipient|struck_out|unquoted|author_paraphrase|contradicts:D\d{3})"
CASES = ["az-1920-04", "am-1920-05", "am-1920-11", "ge-1920-05", "ge-1921-02"]
COUNTRIES = ["azerbaijan", "armenia", "georgia", "russia", "turkey", "other"]
DOC_COUNTRIES = ["azerbaijan", "armenia", "georgia", "several", "other"]
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


def id_list(name, resource, description):
    return field(name, description + f" Ids from {resource}.csv, ';'-separated.", pattern=IDS,
                 **{"x-list": True, "x-list-of": resource})


NOTE = field("note", "The article's bracketed note number, e.g. 10 for [10, л. 6-8].", type="integer", minimum=1, maximum=65)
FOLIO = field("folio", "Folio(s) (л./лл.) where the article gives them, e.g. '6-8' or '2/об.' (verso).")
PAGE = field("page", "Page(s) (с.) of a published collection where the article gives them.")
EVIDENCE = field("evidence_ru", "A short verbatim fragment of the article (Russian) that locates the record; traced by trace_quotes.py.")
COMMENT = field("comment_en", "Our note: ambiguities, what the flags mean here, the author's reading against the document's own words.")
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
        partial_date("start", "First dated step of the episode.", required=True),
        partial_date("end", "Last dated step of the episode.", required=True),
        field("outcome", "Whether Soviet power was established.", enum=["sovietised", "aborted"], required=True),
        field("summary_en", "What happened, in our words.", required=True),
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
        field("place", "Where it happened (places.csv id)."),
        field("staged", "Whether the article shows the stage arranged from outside (prepared in advance, formed abroad, written before the fact).", enum=["yes", "no", "unclear"]),
        field("outside_capital", "Whether the stage happened outside the republic's capital.", enum=["yes", "no"]),
        field("notes", "The article's note numbers of the evidence, ';'-separated.", pattern=r"\d+(;\d+)*", **{"x-list": True}),
        id_list("evidence_docs", "documents", "Documents that evidence the stage."),
        EVIDENCE,
        field("summary_en", "What happened at this stage, or why nothing is recorded.", required=True),
        COMMENT,
    ], ["case", "stage"], [fk("case", "cases"), fk("place", "places")]),
    resource("people", "Persons and bodies named in the article", [
        field("id", "Person or body id (ASCII, lower case).", required=True),
        field("kind", "A person or a collective body.", enum=["person", "body"], required=True),
        field("name_en", "English form (common scholarly transliteration).", required=True),
        field("name_ru", "Russian form, nominative, with the capitals the PDF lost restored.", required=True),
        field("name_ru_variants", "Other spellings as the article prints them, ';'-separated.", **{"x-list": True}),
        field("roles_en", "Roles in 1920-21 that the article gives, in our words."),
        EVIDENCE,
        field("note", "A note number near a mention, if any.", type="integer", minimum=1, maximum=65),
        FLAGS,
        COMMENT,
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
        field("country", "Which republic it is about.", enum=DOC_COUNTRIES),
        CASE,
        STAGE,
        NOTE | {"constraints": {"required": True, "minimum": 1, "maximum": 65}},
        FOLIO,
        PAGE,
        field("quote_ru", "The document's words as the article quotes them (verbatim; elisions as [...])."),
        field("quote_en", "Our English translation of quote_ru, elisions kept."),
        EVIDENCE,
        field("summary_en", "What the document says or does, in our words.", required=True),
        FLAGS,
        COMMENT,
    ], ["id"], [fk("case", "cases")]),
    resource("events", "Dated happenings that are not documents", [
        field("id", "Stable event id.", pattern=r"E\d{3}", required=True),
        partial_date("start", "When it began.", required=True),
        partial_date("end", "When it ended, where the article gives a range."),
        DATE_PRINTED,
        field("kind", "Kind of event.", enum=EVENT_KINDS, required=True),
        field("summary_en", "What happened, in our words.", required=True),
        CASE,
        STAGE,
        COUNTRY,
        field("place", "Where (places.csv id)."),
        id_list("actors", "people", "Who acted."),
        id_list("evidence_docs", "documents", "Documents that report it."),
        NOTE,
        FOLIO,
        PAGE,
        EVIDENCE,
        FLAGS,
        COMMENT,
    ], ["id"], [fk("case", "cases"), fk("place", "places")]),
]


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


if __name__ == "__main__":
    main()
