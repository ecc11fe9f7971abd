"""Source criticism computed from the data: the flags as a historian's checklist.

* :data:`QUESTIONS` groups the flag vocabulary by the question a historian asks of a source
  (sourcing, corroboration, close reading, the author's reading).
* :func:`flag_rows` gives one row per flagged record (document or event) and flag.
* :func:`contradiction_pairs` turns the ``contradicts:<id>`` flags into one row per pair.
* :func:`pair_html` shows the two records of a pair side by side as source cards.
"""
from __future__ import annotations

import html

import pandas as pd

from .cards import card_html
from .i18n import label, partial_date, tr, value

# Flag -> the historian's question it belongs to. The order is the order of the chapter.
QUESTIONS = {
    "date_received": "sourcing",
    "year_implied": "sourcing",
    "month_implied": "sourcing",
    "date_approximate": "sourcing",
    "inferred_sender": "sourcing",
    "inferred_recipient": "sourcing",
    "contradicts": "corroboration",
    "impossible_date": "close reading",
    "struck_out": "close reading",
    "spelling_variant": "close reading",
    "unquoted": "author's reading",
    "author_paraphrase": "author's reading",
}
FLAGS = list(QUESTIONS)
NO_CASE = "no episode"


def flag_kind(flag: str) -> str:
    """The kind of a flag: ``contradicts:D026`` -> ``contradicts``, others unchanged."""
    return flag.split(":", 1)[0]


def has_flag(frame: pd.DataFrame, kind: str) -> pd.Series:
    """Boolean mask of the rows carrying a flag of this kind (``contradicts`` matches any target)."""
    return frame["flags"].map(lambda flags: any(flag_kind(f) == kind for f in flags)).astype(bool)


def flag_rows(documents: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per record and flag kind: ``id, table, case, country, flag, question``.

    A record with two ``contradicts:`` flags counts once under ``contradicts``.
    """
    rows = []
    for table, frame in (("document", documents), ("event", events)):
        for rec in frame.itertuples(index=False):
            for kind in dict.fromkeys(flag_kind(f) for f in rec.flags):
                rows.append({"id": rec.id, "table": table,
                             "case": rec.case if isinstance(rec.case, str) else NO_CASE,
                             "country": rec.country if isinstance(rec.country, str) else "other",
                             "flag": kind, "question": QUESTIONS.get(kind, "other")})
    return pd.DataFrame(rows, columns=["id", "table", "case", "country", "flag", "question"])


def _records(documents: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    docs = pd.DataFrame({"id": documents["id"], "table": "document", "date": documents["date"],
                         "precision": documents["date_precision"], "case": documents["case"],
                         "summary": documents["summary_en"], "flags": documents["flags"]})
    evs = pd.DataFrame({"id": events["id"], "table": "event", "date": events["start"],
                        "precision": events["start_precision"], "case": events["case"],
                        "summary": events["summary_en"], "flags": events["flags"]})
    return pd.concat([docs, evs], ignore_index=True).set_index("id", drop=False)


def contradiction_pairs(documents: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Every pair of records linked by a ``contradicts:`` flag, once per pair.

    Columns: ``a``, ``b`` (ids, ``a`` < ``b``), ``flagged_by`` (``both``, or the id of the one
    record that carries the flag: the data need not record a contradiction from both sides),
    ``a_table``/``b_table`` (document or event), ``a_date``/``b_date`` (ISO text at the
    record's precision, empty when undated), ``same_case`` and ``case`` (the episode of ``a``, or
    ``a's case / b's case`` when they differ), ``a_summary``/``b_summary``.
    Sorted by the earlier date of the pair.
    """
    records = _records(documents, events)
    flagged: dict[tuple[str, str], set[str]] = {}
    for rec in records.itertuples(index=False):
        for f in rec.flags:
            if flag_kind(f) == "contradicts":
                target = f.split(":", 1)[1]
                flagged.setdefault(tuple(sorted((rec.id, target))), set()).add(rec.id)

    def iso(rec) -> str:
        if pd.isna(rec["date"]):
            return ""
        return rec["date"].strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[rec["precision"]])

    def case(rec) -> str:
        return rec["case"] if isinstance(rec["case"], str) else NO_CASE

    rows = []
    for (a, b), by in flagged.items():
        ra, rb = records.loc[a], records.loc[b]
        same = case(ra) == case(rb)
        rows.append({"a": a, "b": b, "flagged_by": "both" if len(by) == 2 else next(iter(by)),
                     "a_table": ra["table"], "b_table": rb["table"], "a_date": iso(ra), "b_date": iso(rb),
                     "same_case": same, "case": case(ra) if same else f"{case(ra)} / {case(rb)}",
                     "a_summary": ra["summary"], "b_summary": rb["summary"],
                     "_first": min(d for d in (ra["date"], rb["date"], pd.Timestamp.max) if pd.notna(d))})
    columns = ["a", "b", "flagged_by", "a_table", "b_table", "a_date", "b_date", "same_case", "case",
               "a_summary", "b_summary"]
    if not rows:
        return pd.DataFrame(columns=columns)
    return (pd.DataFrame(rows).sort_values(["_first", "a", "b"]).reset_index(drop=True)[columns])


def event_card_html(row) -> str:
    """A card for an event row, in the style of the document cards (HTML-escaped)."""
    e = lambda v: html.escape("" if v is None or v is pd.NA else str(v))
    when = partial_date(row["start"], row["start_precision"])
    flags = "".join(f'<li>{e(label(f))}</li>' for f in row["flags"])
    note = tr("Kvashonkin 2016, ") + (tr("note {n}", n=row["note"]) if pd.notna(row["note"]) else tr("no note number"))
    comment = value(row, "comment")
    return (
        f'<article class="redrev-card" aria-labelledby="card-{e(row["id"])}">'
        f'<h3 id="card-{e(row["id"])}">{e(row["id"])} · {e(tr("event: {kind}", kind=label(row["kind"])))} · {e(when)}</h3>'
        f'<p class="redrev-card-summary">{e(value(row, "summary"))}</p>'
        + (f'<p><em>{e(tr("Our note:"))}</em> {e(comment)}</p>' if pd.notna(row["comment_en"]) else "")
        + (f'<p><strong>{e(tr("Source problems flagged:"))}</strong></p><ul>{flags}</ul>' if flags else "")
        + f'<p class="redrev-card-cite"><cite>{e(note)}</cite></p></article>'
    )


def pair_html(documents: pd.DataFrame, events: pd.DataFrame, people: pd.DataFrame, a: str, b: str,
              caption: str | None = None) -> str:
    """HTML of two records side by side (documents as source cards, events as event cards)."""
    docs = documents.set_index("id", drop=False)
    evs = events.set_index("id", drop=False)

    def one(i: str) -> str:
        if i in docs.index:
            return card_html(docs.loc[i], people)
        if i in evs.index:
            return event_card_html(evs.loc[i])
        raise KeyError(f"{i} is neither a document nor an event")

    name = html.escape(caption or tr("{a} set against {b}", a=a, b=b))
    return (f'<section class="redrev-pair" aria-label="{name}">'
            f"<div>{one(a)}</div><div>{one(b)}</div></section>")


def pair_cards(documents: pd.DataFrame, events: pd.DataFrame, people: pd.DataFrame, a: str, b: str,
               caption: str | None = None):
    """Display two records side by side (see :func:`pair_html`)."""
    from IPython.display import HTML

    return HTML(pair_html(documents, events, people, a, b, caption))
