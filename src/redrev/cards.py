"""Source cards: one primary document as a reader meets it (Russian | English | citation).

In the Russian edition (:func:`redrev.i18n.get_language`) a card shows the Russian quotation
alone, the ``*_ru`` texts and Russian labels.
"""
from __future__ import annotations

import html

import pandas as pd

from .i18n import column, is_ru, label, partial_date, tr, value

FINDER = "documents.html"   # the document finder, next to the chapters (book/documents.md)
BASIS = {"sent": "date of sending", "received": "date of receipt", "implied": "date implied by context"}


def _names(ids: list[str], people: pd.DataFrame) -> str:
    names = pd.Series(column(people, "name").values, index=people["id"])
    return ", ".join(names.get(i, i) for i in ids) or tr("unknown")


def _date(row) -> str:
    text = partial_date(row["date"], row["date_precision"])
    if pd.notna(row["date"]) and pd.notna(row["time"]):
        text += f", {row['time']}"
    basis = tr(BASIS[row["date_basis"]]) if pd.notna(row["date_basis"]) and row["date_basis"] in BASIS else None
    return f"{text} ({basis})" if basis else text


def citation(row) -> str:
    """The article's reference for a document: note, folio or page."""
    parts = [tr("note {n}", n=row["note"]) if pd.notna(row["note"]) else tr("no note number")]
    if pd.notna(row["folio"]):
        parts.append(tr("f. {folio}", folio=row["folio"]))
    if pd.notna(row["page"]):
        parts.append(tr("p. {page}", page=row["page"]))
    return tr("Kvashonkin 2016, ") + ", ".join(parts)


def card_html(row, people: pd.DataFrame, brief: bool = False) -> str:
    """HTML for one document row; every value from the data is escaped. ``brief`` leaves out the
    route, the summary and the flags, for a page that shows them in a table row (the finder)."""
    e = lambda v: html.escape("" if v is None or v is pd.NA else str(v))
    flags = "".join(f'<li>{e(label(f))}</li>' for f in row["flags"])
    quote = ""
    if pd.notna(row["quote_ru"]):
        english = "" if is_ru() else f'<blockquote lang="en"><p>{e(row["quote_en"])}</p></blockquote>'
        quote = (f'<div class="redrev-card-texts">'
                 f'<blockquote lang="ru"><p>{e(row["quote_ru"])}</p></blockquote>{english}</div>')
    return (
        f'<article class="redrev-card" aria-labelledby="card-{e(row["id"])}">'
        f'<h3 id="card-{e(row["id"])}"><a href="{FINDER}#{e(row["id"])}">{e(row["id"])}</a> · {e(label(row["type"]))} · {e(_date(row))}</h3>'
        + ("" if brief else f'<p class="redrev-card-route"><strong>{e(tr("From"))}</strong> {e(_names(row["senders"], people))} '
                            f'<strong>{e(tr("to"))}</strong> {e(_names(row["recipients"], people))}</p>')
        + quote + ("" if brief else f'<p class="redrev-card-summary">{e(value(row, "summary"))}</p>')
        + (f'<p><strong>{e(tr("Source problems flagged:"))}</strong></p><ul>{flags}</ul>' if flags and not brief else "")
        + f'<p class="redrev-card-cite"><cite>{e(citation(row))}</cite></p></article>'
    )


def cards(documents: pd.DataFrame, people: pd.DataFrame, ids: list[str]):
    """Display the cards of the given document ids, in that order."""
    from IPython.display import HTML

    rows = documents.set_index("id", drop=False)
    return HTML("".join(card_html(rows.loc[i], people) for i in ids))
