"""The document finder: every document in one table, its card, and the records related to it.

:func:`finder_html` writes the page's HTML at build time, so that with JavaScript off the reader
still has the full table and every card (``documents.html#D017``). ``web/reader/finder.js`` then
adds the search box, the filters, sorting, the live count and the side-by-side view; it reads the
``data-*`` attributes written here. :func:`relations` lists the related records of each one:

* ``contradicts``: the ``contradicts:`` flags (documents and events; the data record both sides);
* ``same_event``: two documents cited as evidence of the same event (``events.evidence_docs``);
* ``same_stage``: two documents cited as evidence of the same stage (``stages.evidence_docs``).
"""
from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass

import pandas as pd

from . import i18n
from .cards import card_html
from .reader_text import language, text
from .sources import event_card_html, flag_kind

PAGE = "book/documents"
BASES = ("sent", "received", "implied", "none")


@dataclass(frozen=True)
class Relation:
    """A record related to another: its id, the kind of relation, and what links them (an event
    id, a stage as ``case/stage``, or empty for a contradiction)."""

    other: str
    kind: str
    about: str = ""


def _pairs(ids: list[str]):
    return itertools.permutations(dict.fromkeys(ids), 2)


def relations(data) -> dict[str, list[Relation]]:
    """Record id -> its related records, in the order contradicts, same event, same stage."""
    out: dict[str, list[Relation]] = {}

    def add(a: str, b: str, kind: str, about: str = "") -> None:
        rel = Relation(b, kind, about)
        if rel not in out.setdefault(a, []):
            out[a].append(rel)

    for frame in (data.documents, data.events):
        for rid, flags in zip(frame["id"], frame["flags"]):
            for flag in flags:
                if flag_kind(flag) == "contradicts":
                    other = flag.split(":", 1)[1]
                    add(rid, other, "contradicts")
                    add(other, rid, "contradicts")
    for ev in data.events.itertuples(index=False):
        for a, b in _pairs(ev.evidence_docs):
            add(a, b, "same_event", ev.id)
    for st in data.stages.itertuples(index=False):
        for a, b in _pairs(st.evidence_docs):
            add(a, b, "same_stage", f"{st.case}/{st.stage}")
    return out


def relation_notes(data, lang: str) -> dict[str, str]:
    """What links related records, by ``Relation.about``: the event's or the stage's summary."""
    col = "summary_ru" if lang == "ru" else "summary_en"
    stage = text(lang)["stage"]
    notes = {ev.id: f"{ev.id}: {getattr(ev, col)}" for ev in data.events.itertuples(index=False)}
    notes.update({f"{st.case}/{st.stage}": f"{st.case}, {stage.format(n=st.stage)}: {getattr(st, col)}"
                  for st in data.stages.itertuples(index=False)})
    return notes


def _e(value, quote: bool = True) -> str:
    return html.escape("" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
                       else str(value), quote=quote)


def _t(value) -> str:
    """Escaped text content (quotes need no escaping there)."""
    return _e(value, quote=False)


def _period(ts, precision: str) -> tuple[str, str]:
    """The first and last day a partial date may stand for, ISO (empty when undated)."""
    if pd.isna(ts):
        return "", ""
    end = {"day": ts, "month": ts + pd.offsets.MonthEnd(0), "year": ts + pd.offsets.YearEnd(0)}[precision]
    return ts.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")


def _episode(case, labels: dict[str, str], t: dict[str, str]) -> str:
    return labels[case].split(":")[0] if isinstance(case, str) and case in labels else t["no_episode"]


def _options(name: str, label: str, pairs: list[tuple[str, str]], t: dict[str, str]) -> str:
    opts = "".join(f'<option value="{_e(v)}">{_e(text_)}</option>' for v, text_ in pairs)
    return (f'<div class="redrev-finder-field"><label for="rf-{name}">{_e(label)}</label>'
            f'<select id="rf-{name}" name="{name}"><option value="">{_e(t["all"])}</option>{opts}</select></div>')


def _names(people: pd.DataFrame, lang: str) -> dict[str, str]:
    col = "name_ru" if lang == "ru" else "name_en"
    return {r.id: (getattr(r, col) if isinstance(getattr(r, col), str) else r.name_en)
            for r in people.itertuples(index=False)}


def _search_names(people: pd.DataFrame) -> dict[str, str]:
    """Every form of a person's name (English, Russian, printed variants), for the search."""
    forms = {}
    for r in people.itertuples(index=False):
        variants = r.name_ru_variants if isinstance(r.name_ru_variants, list) else [r.name_ru_variants]
        forms[r.id] = " ".join(str(v) for v in [r.name_en, r.name_ru, *variants] if isinstance(v, str))
    return forms


def _controls(docs: pd.DataFrame, names: dict[str, str], labels: dict[str, str], lang: str) -> str:
    t = text(lang)
    cases = [c for c in labels if c in set(docs["case"].dropna())]
    episodes = [(c, _episode(c, labels, t)) for c in cases] + [("none", t["no_episode"])]
    types = sorted(((k, i18n.label(k)) for k in docs["type"].dropna().unique()), key=lambda p: p[1])
    people = lambda col: sorted(((p, names.get(p, p)) for p in set(itertools.chain(*docs[col]))),
                                key=lambda p: p[1].lower())
    flags = sorted({flag_kind(f) for fl in docs["flags"] for f in fl})
    fields = [
        _options("episode", t["episode"], episodes, t),
        _options("type", t["type"], types, t),
        _options("sender", t["sender"], people("senders"), t),
        _options("recipient", t["recipient"], people("recipients"), t),
        _options("basis", t["basis"], [(b, t[f"basis_{b}"]) for b in BASES], t),
        _options("flag", t["flag"], [("any", t["any_flag"])] + [(f, i18n.label(f)) for f in flags], t),
        f'<div class="redrev-finder-field"><label for="rf-from">{_e(t["date_from"])}</label>'
        f'<input type="date" id="rf-from" name="from" min="1918-01-01" max="1921-12-31"></div>',
        f'<div class="redrev-finder-field"><label for="rf-to">{_e(t["date_to"])}</label>'
        f'<input type="date" id="rf-to" name="to" min="1918-01-01" max="1921-12-31"></div>',
    ]
    return (f'<form class="redrev-finder-controls" role="search" aria-label="{_e(t["finder_label"])}" hidden>'
            f'<div class="redrev-finder-field redrev-finder-search"><label for="rf-q">{_e(t["search"])}</label>'
            f'<input type="search" id="rf-q" name="q" autocomplete="off" aria-describedby="rf-q-help">'
            f'<p id="rf-q-help" class="redrev-finder-help">{_e(t["search_help"])}</p></div>'
            f'<fieldset><legend>{_e(t["filters"])}</legend>{"".join(fields)}</fieldset>'
            f'<div class="redrev-finder-buttons"><button type="submit">{_e(t["apply"])}</button> '
            f'<button type="reset">{_e(t["clear"])}</button></div></form>')


COLUMNS = ("id", "date", "type", "from", "to", "episode", "summary", "flags")


def _row(doc, names: dict[str, str], labels: dict[str, str], lang: str) -> str:
    t = text(lang)
    start, end = _period(doc.date, doc.date_precision)
    basis = doc.date_basis if isinstance(doc.date_basis, str) else "none"
    case = doc.case if isinstance(doc.case, str) else "none"
    kinds = list(dict.fromkeys(flag_kind(f) for f in doc.flags))
    who = lambda ids: ", ".join(names.get(i, i) for i in ids) or t["unknown"]
    summary = doc.summary_ru if lang == "ru" and isinstance(doc.summary_ru, str) else doc.summary_en
    attrs = {"data-id": doc.id, "data-start": start, "data-end": end, "data-basis": basis, "data-type": doc.type,
             "data-senders": " ".join(doc.senders), "data-recipients": " ".join(doc.recipients),
             "data-episode": case, "data-flags": " ".join(kinds)}
    attr_text = " ".join(f'{k}="{_e(v)}"' for k, v in attrs.items())
    date = _t(i18n.partial_date(doc.date, doc.date_precision))
    if basis != "none":
        date += f' <span class="redrev-finder-basis">({_t(t["basis_" + basis])})</span>'
    return (f'<tr {attr_text}><th scope="row"><a href="#{_e(doc.id)}">{_e(doc.id)}</a></th>'
            f'<td>{date}</td><td>{_t(i18n.label(doc.type))}</td>'
            f'<td>{_t(who(doc.senders))}</td><td>{_t(who(doc.recipients))}</td>'
            f'<td>{_t(_episode(doc.case, labels, t))}</td><td>{_t(summary)}</td>'
            f'<td>{_t(", ".join(i18n.label(k) for k in kinds))}</td></tr>')


def _table(docs: pd.DataFrame, names, labels, lang: str) -> str:
    t = text(lang)
    heads = "".join(
        f'<th scope="col" data-col="{c}"><button type="button" class="redrev-finder-sort">{_e(t["col_" + c])}</button></th>'
        for c in COLUMNS)
    rows = "".join(_row(d, names, labels, lang) for d in docs.itertuples(index=False))
    return (f'<div class="redrev-finder-scroll" role="region" aria-labelledby="rf-caption" tabindex="0">'
            f'<table class="redrev-finder-table"><caption id="rf-caption">{_e(t["caption"].format(total=len(docs)))}</caption>'
            f'<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>')


def _related(rels: list[Relation], lang: str) -> str:
    """The related records, each linked to its card (finder.js adds the side-by-side link)."""
    t = text(lang)
    items = [f'<li data-other="{_e(r.other)}" data-kind="{_e(r.kind)}" data-about="{_e(r.about)}">'
             f'{_t(t["rel_" + r.kind])} <a href="#{_e(r.other)}">{_e(r.other)}</a></li>' for r in rels]
    return (f'<div class="redrev-finder-rel"><p><strong>{_t(t["related"])}</strong></p>'
            f'<ul class="redrev-finder-related">{"".join(items)}</ul></div>')


def _entry(rid: str, card: str, comment, rels: list[Relation], lang: str) -> str:
    t = text(lang)
    # Our note says how two records contradict each other; other notes are left to the chapters (page weight).
    note = (f'<p class="redrev-card-note"><strong>{_t(t["note"])}:</strong> {_t(comment)}</p>'
            if any(r.kind == "contradicts" for r in rels) and isinstance(comment, str) else "")
    related = _related(rels, lang) if rels else ""
    return (f'<div class="redrev-finder-entry" id="{_e(rid)}" data-id="{_e(rid)}">{card}{note}{related}'
            f'<p class="redrev-finder-back"><a href="#rf-caption">{_e(t["back"])}</a></p></div>')


def finder_html(data, code: str | None = "en") -> str:
    """The finder page's body: controls, the table of every document, the compare view, every card;
    in Russian (``code`` "ru") the cards, labels and dates are Russian too (:mod:`redrev.i18n`)."""
    lang = language(code)
    with i18n.language(lang):
        return _finder_html(data, lang)


def _finder_html(data, lang: str) -> str:
    t = text(lang)
    docs = data.documents.sort_values("id")
    names = _names(data.people, lang)
    labels = dict(zip(data.cases["id"], data.cases["label_ru" if lang == "ru" else "label_en"]))
    rels = relations(data)
    comment = "comment_ru" if lang == "ru" else "comment_en"
    # Brief cards: the table row carries the route, the summary and the flags, and finder.js puts
    # them back into the card it shows (the page stays within its weight budget).
    entries = [_entry(d["id"], card_html(d, data.people, brief=True), d[comment],
                      rels.get(d["id"], []), lang) for _, d in docs.iterrows()]
    events = data.events.set_index("id", drop=False)
    related_events = sorted({r.other for rs in rels.values() for r in rs if r.other in events.index})
    entries += [_entry(i, event_card_html(events.loc[i]), None, rels.get(i, []), lang) for i in related_events]
    notes = relation_notes(data, lang)
    used = {r.about for rs in rels.values() for r in rs if r.about}
    script = {
        "text": {k: t[k] for k in ("count", "nothing", "sorted", "ascending", "descending", "compare", "relation",
                                   "relation_note", "contradicts_note", "close", "rel_contradicts",
                                   "rel_same_event", "rel_same_stage", "rel_none", "open_compare",
                                   "col_from", "col_to", "col_flags")},
        "names": _search_names(data.people),
        "notes": {k: notes[k] for k in sorted(used)},
    }
    script_json = json.dumps(script, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (f'<div class="redrev-finder" lang="{lang}">'
            f'<script type="application/json" id="redrev-finder-data">{script_json}</script>'
            f'{_controls(docs, names, labels, lang)}'
            f'<p id="rf-count" class="redrev-finder-count" role="status" aria-live="polite">'
            f'{_e(t["count"].format(n=len(docs), total=len(docs)))}</p>'
            f'{_table(docs, names, labels, lang)}'
            f'<section class="redrev-finder-compare" id="rf-compare" aria-labelledby="rf-compare-title" hidden>'
            f'<h2 id="rf-compare-title" tabindex="-1"></h2><div class="redrev-finder-pair"></div>'
            f'<button type="button" class="redrev-finder-close">{_e(t["close"])}</button></section>'
            f'<section class="redrev-finder-cards" aria-labelledby="rf-cards-title">'
            f'<h2 id="rf-cards-title">{_e(t["cards"])}</h2>{"".join(entries)}</section></div>')
