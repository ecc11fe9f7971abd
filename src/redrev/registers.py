"""Registers for the appendices: who sent and received how many documents, and searchable tables.

:func:`register_html` writes a plain HTML table with a text filter (and an optional drop-down) that
works in the static book with no kernel: the controls have labels, are reached and used with the
keyboard, and a polite live region announces how many rows are shown. Without JavaScript the
controls stay hidden and the whole table shows.
"""
from __future__ import annotations

import html
import json
import re

import pandas as pd

from .data import records_sharing
from .i18n import column, is_ru, label, tr


def document_counts(documents: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Per person or body: documents sent (as a sender), received (as a recipient), and in all.

    One row per id of ``people`` (zeros included), in the order of ``people``. A document with
    several senders counts once for each of them; ``total`` counts each document once per id
    even where the id is both sender and recipient.
    """
    ids = people["id"].tolist()
    sent = dict.fromkeys(ids, 0)
    received = dict.fromkeys(ids, 0)
    total = dict.fromkeys(ids, 0)
    for senders, recipients in zip(documents["senders"], documents["recipients"]):
        for i in set(senders):
            sent[i] = sent.get(i, 0) + 1
        for i in set(recipients):
            received[i] = received.get(i, 0) + 1
        for i in set(senders) | set(recipients):
            total[i] = total.get(i, 0) + 1
    unknown = sorted((set(sent) | set(received)) - set(ids))
    if unknown:
        raise ValueError(f"documents name ids that are not in people: {unknown}")
    return pd.DataFrame({"id": ids, "sent": [sent[i] for i in ids], "received": [received[i] for i in ids],
                         "total": [total[i] for i in ids]})


def event_counts(events: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Per person or body (index: id), the number of events that name them as an actor."""
    counts = dict.fromkeys(people["id"], 0)
    for actors in events["actors"]:
        for i in set(actors):
            counts[i] += 1
    return pd.Series(counts, name="events", dtype=int)


def people_table(data) -> pd.DataFrame:
    """The register of people and bodies: names, variants, roles, kind and the counts."""
    people = data.people
    counts = document_counts(data.documents, people).set_index("id")
    events = event_counts(data.events, people)
    table = pd.DataFrame({
        "id": people["id"], "name_en": people["name_en"], "name_ru": people["name_ru"],
        "variants": people["name_ru_variants"].map("; ".join),
        "roles": column(people, "roles").fillna(""), "kind": people["kind"],
    })
    table = table.join(counts, on="id").join(events, on="id")
    return table.sort_values("name_en", key=lambda s: s.str.lower()).reset_index(drop=True)


def possible_duplicates(people: pd.DataFrame) -> list[list[str]]:
    """Groups of ids that share a Russian name or an English name (possible duplicate records).

    Names are compared in lower case, as sets of words, so "Makharadze, Sandro" and "Sandro
    Makharadze" match.
    """
    def key(name: str) -> str:
        return " ".join(sorted(re.findall(r"\w+", str(name).lower())))

    return records_sharing(people, [people["name_ru"].map(key), people["name_en"].map(key)])


def _e(value) -> str:
    return html.escape("" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else str(value))


_SCRIPT = """<script>
(function () {
  var root = document.getElementById(%(id)s);
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var controls = root.querySelector(".redrev-register-controls");
  var text = root.querySelector("input[type=search]");
  var select = root.querySelector("select");
  var status = root.querySelector("[role=status]");
  var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, "");
  }
  var haystacks = rows.map(function (r) { return fold(r.textContent); });
  function update() {
    var words = fold(text.value).split(/\\s+/).filter(Boolean);
    var value = select ? select.value : "";
    var shown = 0;
    rows.forEach(function (row, n) {
      var ok = (!value || row.getAttribute("data-filter") === value) &&
        words.every(function (w) { return haystacks[n].indexOf(w) !== -1; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = %(showing)s.replace("{shown}", shown).replace("{total}", rows.length);
  }
  text.addEventListener("input", update);
  if (select) { select.addEventListener("change", update); }
  controls.hidden = false;
  update();
})();
</script>"""

_STYLE = """<style>
.redrev-register-controls { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: end; margin: 0.5em 0; }
.redrev-register-controls[hidden] { display: none; }
.redrev-register-controls label { display: block; font-weight: 600; font-size: 0.9em; }
.redrev-register-controls input, .redrev-register-controls select { font-size: 1em; padding: 0.25em 0.4em;
  border: 1px solid #767676; border-radius: 3px; min-width: 12em; max-width: 100%; }
.redrev-register-controls input:focus, .redrev-register-controls select:focus,
.redrev-register-scroll:focus { outline: 3px solid #0072B2; outline-offset: 2px; }
.redrev-register-scroll { max-height: 36em; max-width: 100%; overflow: auto; contain: inline-size; border: 1px solid #ccc; }
.redrev-register table { border-collapse: collapse; font-size: 0.85em; width: 100%; margin: 0; }
.redrev-register caption { caption-side: top; text-align: left; padding: 0.3em 0.4em; font-weight: 600; }
.redrev-register th, .redrev-register td { border: 1px solid #ccc; padding: 0.25em 0.45em; text-align: left;
  vertical-align: top; }
.redrev-register thead th { position: sticky; top: 0; background: #f0f0f0; color: #1a1a1a; }
.redrev-register td.num, .redrev-register th.num { text-align: right; }
.redrev-register [role=status] { font-size: 0.9em; margin: 0.3em 0; }
</style>"""


def register_html(table: pd.DataFrame, columns: dict[str, str], *, name: str, caption: str, noun: str,
                  filter_column: str | None = None, filter_label: str = "Kind", numeric: tuple[str, ...] = (),
                  lang: dict[str, str] | None = None, min_width: str = "40em") -> str:
    """A filterable HTML table of ``table``'s ``columns`` ({column: header}); every value is escaped.

    ``name`` makes the element ids unique on the page; ``filter_column`` adds a drop-down of its
    values; ``numeric`` columns are right-aligned; ``lang`` marks columns in another language
    (e.g. ``{"name_ru": "ru"}``) for screen readers; below ``min_width`` (a CSS length) the table
    scrolls sideways instead of squeezing its columns. Headers, caption and labels are shown in the
    reader's language (:func:`redrev.i18n.tr`), and so are the values of ``filter_column``.
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise ValueError("name must be a lower-case slug")
    if not re.fullmatch(r"\d+(\.\d+)?(em|rem|px)", min_width):
        raise ValueError("min_width must be a CSS length in em, rem or px")
    lang = lang or {}
    root = f"redrev-register-{name}"
    head = "".join(f'<th scope="col"{" class=num" if c in numeric else ""}>{_e(tr(h))}</th>' for c, h in columns.items())
    shown = (lambda c, v: label(v) if c == filter_column and isinstance(v, str) else v) if is_ru() else (lambda c, v: v)
    body = []
    for _, row in table.iterrows():
        cells = []
        for c in columns:
            attrs = (' class="num"' if c in numeric else "") + (f' lang="{lang[c]}"' if c in lang else "")
            tag = "th scope=\"row\"" if c == next(iter(columns)) else "td"
            cells.append(f"<{tag}{attrs}>{_e(shown(c, row[c]))}</{tag.split()[0]}>")
        data = f' data-filter="{_e(row[filter_column])}"' if filter_column else ""
        body.append(f"<tr{data}>{''.join(cells)}</tr>")
    select = ""
    if filter_column:
        options = "".join(f'<option value="{_e(v)}">{_e(shown(filter_column, v))}</option>'
                          for v in sorted(table[filter_column].dropna().unique()))
        select = (f'<div><label for="{root}-kind">{_e(tr(filter_label))}</label>'
                  f'<select id="{root}-kind"><option value="">{_e(tr("All"))}</option>{options}</select></div>')
    controls = (
        f'<div class="redrev-register-controls" hidden>'
        f'<div><label for="{root}-q">{_e(tr("Filter (any words, in English or Russian)"))}</label>'
        f'<input type="search" id="{root}-q" autocomplete="off" spellcheck="false"></div>{select}</div>'
        f'<p role="status" aria-live="polite">{len(table)} {_e(tr(noun))}.</p>'
    )
    table_html = (
        f'<div class="redrev-register-scroll" tabindex="0" role="region" aria-labelledby="{root}-caption">'
        f'<table style="min-width: {min_width}"><caption id="{root}-caption">{_e(tr(caption))}</caption><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>'
    )
    showing = tr("Showing {shown} of {total} {noun}.", shown="{shown}", total="{total}", noun=tr(noun))
    script = _SCRIPT % {"id": '"' + root + '"', "showing": json.dumps(showing, ensure_ascii=False).replace("</", "<\\/")}
    return f'{_STYLE}<div class="redrev-register" id="{root}">{controls}{table_html}</div>{script}'
