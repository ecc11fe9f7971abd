"""Printable document sets for the classroom: one per episode chapter, made from the data.

A set holds the episode's key documents (:func:`key_documents`), each under a sourcing header
with its Russian original beside the English; a few sourcing and corroboration questions built
from what the data record about those documents (:func:`questions`), with room to write; and a
one-page organizer, the five stages of the model against "what evidence, how firm". The
instructors' key (:func:`key_html`) is exported apart, to ``_build/solutions/``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from .cards import _date, _names, citation
from .model import STAGES, STATUS_TEXT, stage_label

MIN_DOCUMENTS, MAX_DOCUMENTS = 4, 8
BASIS = {"sent": "sent", "received": "received", "implied": "inferred from context"}


@dataclass
class Question:
    kind: str          # "sourcing" or "corroboration"
    text: str
    documents: list[str]
    key: str           # what the data say, for the instructors' key


def countries(data) -> list[str]:
    """The republics with an episode (each has a chapter and a set), by their first episode."""
    return data.cases.sort_values("start").drop_duplicates("country")["country"].tolist()


def episode_cases(data, country: str) -> pd.DataFrame:
    """The episodes (rows of cases.csv) of one republic, in time order."""
    cases = data.cases[data.cases["country"] == country].sort_values("start")
    if cases.empty:
        known = ", ".join(sorted(data.cases["country"].unique()))
        raise ValueError(f"no episode of {country!r} in cases.csv (republics with episodes: {known})")
    return cases


def _stage_evidence(data, cases: list[str]) -> set[str]:
    rows = data.stages[data.stages["case"].isin(cases)]
    return {d for docs in rows["evidence_docs"] for d in docs}


def key_documents(data, country: str) -> pd.DataFrame:
    """The 4-8 documents of a republic's episodes a class reads first, in time order.

    Ranked by what makes a document worth handing out: it is the evidence for a stage of the model
    (3 points), its own words are quoted in Russian (2), the data flag it as contradicting another
    record (1), it is dated to the day (1). Ties go to the earlier document.
    """
    cases = episode_cases(data, country)["id"].tolist()
    docs = data.documents[data.documents["case"].isin(cases)].copy()
    evidence = _stage_evidence(data, cases)
    docs["score"] = (3 * docs["id"].isin(evidence) + 2 * docs["quote_ru"].notna()
                     + docs["flags"].map(lambda f: any(x.startswith("contradicts:") for x in f))
                     + (docs["date_precision"] == "day"))
    chosen = docs.sort_values(["score", "date"], ascending=[False, True], kind="stable").head(MAX_DOCUMENTS)
    if len(chosen) < MIN_DOCUMENTS:
        raise ValueError(f"{country}: only {len(chosen)} documents in its episodes, a set needs {MIN_DOCUMENTS}")
    return chosen.sort_values(["date", "id"]).drop(columns="score")


def _text(value) -> str:
    return "" if pd.isna(value) else str(value)


def _contradictions(row) -> list[str]:
    return [f.split(":", 1)[1] for f in row["flags"] if f.startswith("contradicts:")]


def questions(data, country: str, documents: pd.DataFrame | None = None) -> list[Question]:
    """Three to five questions on the set, each built from a fact the data record about it."""
    docs = key_documents(data, country) if documents is None else documents
    cases = episode_cases(data, country)
    people = data.people
    found: list[Question] = []
    first = docs[docs["senders"].map(bool) & docs["recipients"].map(bool)].head(1)
    for _, row in first.iterrows():
        found.append(Question(
            "sourcing",
            f"{row['id']} went from {_names(row['senders'], people)} to {_names(row['recipients'], people).rstrip('.')}. "
            "What did the writer want the reader to believe or do, and how might that shape what is said?",
            [row["id"]], f"{row['id']}: {row['summary_en']}"))
    received = docs[docs["date_basis"] == "received"].head(1)
    inferred = docs[docs["date_basis"] == "implied"].head(1)
    for _, row in received.iterrows():
        found.append(Question(
            "sourcing",
            f"{row['id']} is dated by the day it arrived, not the day it was written. What might have "
            "changed in between, and does the gap matter for its place in the sequence of events?",
            [row["id"]], f"{row['id']}: received {_date(row)}. {_text(row['comment_en'])}".strip()))
    for _, row in inferred.iterrows():
        if received.empty:
            found.append(Question(
                "sourcing",
                f"The date of {row['id']} is not written on it: it is worked out from its context. "
                "Which other document of this set helps you date it, and how firmly?",
                [row["id"]], f"{row['id']}: {_date(row)}. {_text(row['comment_en'])}".strip()))
    in_set = set(docs["id"])
    # A disagreement inside the set first: the class can read both sides.
    pairs = sorted(((other not in in_set, i, row, other) for i, (_, row) in enumerate(docs.iterrows())
                    for other in _contradictions(row)), key=lambda p: p[:2])
    for _, _, row, other in pairs[:1]:
        where = "in this set" if other in in_set else "recorded elsewhere in the data"
        found.append(Question(
            "corroboration",
            f"The data flag {row['id']} as disagreeing with {other} ({where}). Put the two side by side: "
            "on which point do they differ, and which would you trust on it? Why?",
            [row["id"], other], f"{row['id']}: {_text(row['comment_en']) or row['summary_en']}"))
    stages = data.stages[data.stages["case"].isin(cases["id"])]
    backed = stages[stages["evidence_docs"].map(lambda ds: bool(set(ds) & in_set))].head(1)
    for _, stage in backed.iterrows():
        ids = sorted(set(stage["evidence_docs"]) & in_set)
        found.append(Question(
            "corroboration",
            f"Which stage of the model {'does' if len(ids) == 1 else 'do'} {', '.join(ids)} bear on? How firm is that evidence, "
            "and which other document of the set supports or weakens it?",
            ids, f"{stage_label(int(stage['stage']))} ({stage['case']}): {stage['status']}. {stage['summary_en']}"))
    missing = stages[stages["status"] == "not_documented"].head(1)
    for _, stage in missing.iterrows():
        label = cases.set_index("id").loc[stage["case"], "label_en"]
        found.append(Question(
            "corroboration",
            f"For stage {stage_label(int(stage['stage']))} in {label}, the article offers no evidence. "
            "Does any document of this set hint at it? What source would settle the question?",
            [], f"{stage_label(int(stage['stage']))}: {STATUS_TEXT['not_documented']}. "
                f"{_text(stage['comment_en'])}".strip()))
    found = found[:5]
    if len(found) < 3:
        raise ValueError(f"{country}: the data give only {len(found)} questions for its set, a set needs 3")
    return found


def _e(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else html.escape(str(value))


def sourcing_header(row, people: pd.DataFrame) -> str:
    """Who, to whom, when (sent, received or inferred), and the article's note and folio."""
    basis = BASIS.get(row["date_basis"], "date basis not stated") if pd.notna(row["date_basis"]) else "date basis not stated"
    return (f'<dl class="redrev-sourcing"><dt>Who</dt><dd>{_e(_names(row["senders"], people))}</dd>'
            f'<dt>To whom</dt><dd>{_e(_names(row["recipients"], people))}</dd>'
            f'<dt>When</dt><dd>{_e(_date(row))}; {_e(basis)}</dd>'
            f'<dt>Where cited</dt><dd>{_e(citation(row))}</dd></dl>')


def _texts(row) -> tuple[str, str, str]:
    """The Russian and English texts of a document, and what they are."""
    if pd.notna(row["quote_ru"]):
        return row["quote_ru"], row["quote_en"], "The document's words, as the article quotes them"
    return row["evidence_ru"], row["summary_en"], "Not quoted: the article's words about it, and a summary"


def document_html(row, people: pd.DataFrame) -> str:
    russian, english, what = _texts(row)
    kind = str(row["type"]).replace("_", " ")
    return (f'<section class="redrev-handout-doc" aria-labelledby="handout-{_e(row["id"])}">'
            f'<h3 id="handout-{_e(row["id"])}">{_e(row["id"])} · {_e(kind)}</h3>{sourcing_header(row, people)}'
            f'<p class="redrev-handout-what">{_e(what)}</p><div class="redrev-card-texts">'
            f'<blockquote lang="ru"><p>{_e(russian)}</p></blockquote>'
            f'<blockquote lang="en"><p>{_e(english)}</p></blockquote></div></section>')


def organizer_html(cases: pd.DataFrame) -> str:
    """The five stages against "what evidence" and "how firm", one table per episode, on one page."""
    tables = []
    for _, case in cases.iterrows():
        rows = "".join(f'<tr><th scope="row">{_e(stage_label(n))}</th><td></td>'
                       f'<td>documented / ambiguous / not documented</td></tr>' for n in STAGES)
        tables.append(f'<table class="redrev-organizer"><caption>{_e(case["label_en"])}</caption><thead><tr>'
                      '<th scope="col">Stage of the model</th><th scope="col">What evidence (document, event)</th>'
                      f'<th scope="col">How firm? (circle one)</th></tr></thead><tbody>{rows}</tbody></table>')
    size = "redrev-organizer-one" if len(tables) == 1 else "redrev-organizer-many"
    return (f'<section class="redrev-handout-organizer {size}" aria-labelledby="organizer-title">'
            '<h2 id="organizer-title">Organizer: the five stages</h2>' + "".join(tables) + "</section>")


def handout_html(data, country: str) -> str:
    """The whole set: documents, questions with room to write, and the organizer."""
    docs = key_documents(data, country)
    asked = questions(data, country, docs)
    items = "".join(f'<li><p><span class="redrev-handout-kind">{_e(q.kind.capitalize())}.</span> {_e(q.text)}</p>'
                    '<div class="redrev-handout-space" aria-hidden="true"></div></li>' for q in asked)
    return ('<div class="redrev-handout">'
            f'<section aria-labelledby="handout-documents"><h2 id="handout-documents">The documents ({len(docs)})</h2>'
            + "".join(document_html(row, data.people) for _, row in docs.iterrows())
            + '</section><section class="redrev-handout-questions" aria-labelledby="handout-questions">'
            f'<h2 id="handout-questions">Questions</h2><ol>{items}</ol></section>'
            + organizer_html(episode_cases(data, country)) + "</div>")


def handout(data, country: str):
    """Display a republic's set in a notebook or book page."""
    from IPython.display import HTML

    return HTML(handout_html(data, country))


def _stage_documents(stage, docs: pd.DataFrame) -> list[str]:
    """The set's documents that are the evidence for a stage, or that the data assign to it."""
    own = docs[(docs["case"] == stage["case"]).fillna(False) & (docs["stage"] == stage["stage"]).fillna(False)]
    return sorted((set(stage["evidence_docs"]) & set(docs["id"])) | set(own["id"]))


def key_html(data, country: str) -> str:
    """The instructors' key to a set: what the data say for each question and each stage."""
    docs = key_documents(data, country)
    cases = episode_cases(data, country)
    answers = "".join(f"<li><p>{_e(q.text)}</p><p><strong>From the data:</strong> {_e(q.key)}</p></li>"
                      for q in questions(data, country, docs))
    stages = data.stages[data.stages["case"].isin(cases["id"])]
    rows = "".join(
        f'<tr><td>{_e(s["case"])}</td><th scope="row">{_e(stage_label(int(s["stage"])))}</th>'
        f'<td>{_e(", ".join(_stage_documents(s, docs)) or "none in the set")}</td>'
        f'<td>{_e(STATUS_TEXT.get(s["status"], s["status"]))}</td><td>{_e(s["summary_en"])}</td></tr>'
        for _, s in stages.iterrows())
    return (f'<h2>{_e(country.capitalize())}: documents {_e(", ".join(docs["id"]))}</h2><ol>{answers}</ol>'
            '<table><thead><tr><th scope="col">Episode</th><th scope="col">Stage</th><th scope="col">Evidence</th>'
            f'<th scope="col">How firm</th><th scope="col">What the data say</th></tr></thead><tbody>{rows}</tbody></table>')
