"""Source cards: one primary document as a reader meets it (Russian | English | citation)."""
from __future__ import annotations

import html

import pandas as pd

FINDER = "documents.html"   # the document finder, next to the chapters (book/documents.md)
BASIS = {"sent": "date of sending", "received": "date of receipt", "implied": "date implied by context"}


def _names(ids: list[str], people: pd.DataFrame) -> str:
    names = people.set_index("id")["name_en"]
    return ", ".join(names.get(i, i) for i in ids) or "unknown"


def _date(row) -> str:
    if pd.isna(row["date"]):
        return "undated"
    fmt = {"day": "%d %B %Y", "month": "%B %Y", "year": "%Y"}[row["date_precision"]]
    text = row["date"].strftime(fmt).lstrip("0")
    if pd.notna(row["time"]):
        text += f", {row['time']}"
    basis = BASIS.get(row["date_basis"]) if pd.notna(row["date_basis"]) else None
    return f"{text} ({basis})" if basis else text


def citation(row) -> str:
    """The article's reference for a document: note, folio or page."""
    parts = [f"note {row['note']}" if pd.notna(row["note"]) else "no note number"]
    if pd.notna(row["folio"]):
        parts.append(f"f. {row['folio']}")
    if pd.notna(row["page"]):
        parts.append(f"p. {row['page']}")
    return "Kvashonkin 2016, " + ", ".join(parts)


def card_html(row, people: pd.DataFrame) -> str:
    """HTML for one document row; every value from the data is escaped."""
    e = lambda v: html.escape("" if v is None or v is pd.NA else str(v))
    flags = "".join(f'<li>{e(f.replace("_", " "))}</li>' for f in row["flags"])
    quote = ""
    if pd.notna(row["quote_ru"]):
        quote = (f'<div class="redrev-card-texts">'
                 f'<blockquote lang="ru"><p>{e(row["quote_ru"])}</p></blockquote>'
                 f'<blockquote lang="en"><p>{e(row["quote_en"])}</p></blockquote></div>')
    return (
        f'<article class="redrev-card" aria-labelledby="card-{e(row["id"])}">'
        f'<h3 id="card-{e(row["id"])}"><a href="{FINDER}#{e(row["id"])}">{e(row["id"])}</a> · {e(str(row["type"]).replace("_", " "))} · {e(_date(row))}</h3>'
        f'<p class="redrev-card-route"><strong>From</strong> {e(_names(row["senders"], people))} '
        f'<strong>to</strong> {e(_names(row["recipients"], people))}</p>'
        f'{quote}<p class="redrev-card-summary">{e(row["summary_en"])}</p>'
        + (f'<p><strong>Source problems flagged:</strong></p><ul>{flags}</ul>' if flags else "")
        + f'<p class="redrev-card-cite"><cite>{e(citation(row))}</cite></p></article>'
    )


def cards(documents: pd.DataFrame, people: pd.DataFrame, ids: list[str]):
    """Display the cards of the given document ids, in that order."""
    from IPython.display import HTML

    rows = documents.set_index("id", drop=False)
    return HTML("".join(card_html(rows.loc[i], people) for i in ids))
