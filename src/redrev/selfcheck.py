"""In-page self-checks for the static book: ``redrev.selfcheck("04-azerbaijan")``.

The display is plain HTML with an inline script (``selfcheck.js``): it works in the built book with
no kernel and no network, and in Jupyter too. Each question is a form with a label or a legend,
keyboard-operable controls and a ``role="status"`` feedback line that says Correct / Not yet with
an icon (not colour alone). The page holds the prompts, the hints and salted SHA-256 hashes of the
accepted normalised answers, never the answers; the script normalises what the reader types exactly
as :mod:`redrev.checks` does (the browser test compares the two) and compares hashes.

The questions live with the exercises in the instructors' file and reach the package as
``bank.json`` (see tools/build_bank.py).
"""
from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .checks import AnswerError, bank, digest, js_rules, localised, string_key
from .i18n import get_language, language, tr

SCRIPT = Path(__file__).with_name("selfcheck.js")
INPUT_HELP = {
    "date": "a date with day, month and year, e.g. 1 January 1920 or 1920-01-01",
    "number": "a number",
    "name": "a surname, in English or Russian",
    "doc": "a document id, e.g. D001",
    "text": "a word or a short phrase",
}
STYLE = """<style>
.redrev-selfcheck{border:1px solid #888;border-left:6px solid #0072B2;border-radius:4px;padding:.6em 1em;margin:1em 0}
.redrev-selfcheck fieldset{border:0;margin:.9em 0 0 0;padding:0}
.redrev-selfcheck legend{font-size:1rem;line-height:1.45;font-weight:600;float:none;width:auto;padding:0;margin-bottom:.3em}
.redrev-selfcheck label{display:block;margin:.15em 0}
.redrev-selfcheck input[type=text]{font:inherit;padding:.2em .4em;min-width:16em;max-width:100%}
.redrev-selfcheck button{font:inherit;margin-top:.35em;padding:.15em .9em;cursor:pointer}
.redrev-selfcheck input:focus-visible,.redrev-selfcheck button:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
.redrev-sc-feedback{margin:.35em 0 0 0;min-height:1.3em}
.redrev-sc-feedback[data-result=correct]{border-left:5px solid #0072B2;padding-left:.5em}
.redrev-sc-feedback[data-result=wrong]{border-left:5px dashed #D55E00;padding-left:.5em}
.redrev-sc-feedback[data-result=invalid],.redrev-sc-feedback[data-result=empty]{border-left:5px dotted #E69F00;padding-left:.5em}
</style>"""
_counter = itertools.count(1)


def chapters() -> list[str]:
    """The chapters that have a self-check, e.g. '04-azerbaijan'."""
    return list(bank().get("selfcheck", {}))


# The script's own messages (selfcheck.js looks each up in the page's language).
JS_TEXTS = [
    "there is no month {month}; write the date like '1920-01-15' or '15 January 1920'",
    "that month has {last} days, so day {day} does not exist",
    "give the day as well as the month and the year, e.g. '1920-01-15'",
    "give the day as well as the month and the year, e.g. '15 January 1920'",
    "add the year: the article often leaves it out, but the answer needs it (e.g. '15 January 1920')",
    "that does not look like a date; write it like '1920-01-15', '15 January 1920' or '15.01.1920'",
    "that is not a finite number", "that is not a number; give digits only, e.g. 12 (not '12 documents')",
    "that is not a document id; ids look like 'D001'", "Choose one of the options first.", "Type an answer first.",
    "I could not read this answer: {err}.", "Well done.",
    "Very close: you are one day out. Check whether the date is one of sending or of receipt.",
    "Very close: you are off by one.", "Hint: ", "Correct.", "Not yet.", "Cannot read this answer.", "No answer yet.",
]


def script() -> str:
    """The inline script, with the normalisation tables of redrev.checks and its messages filled in."""
    return _script(get_language())


@cache
def _script(lang: str) -> str:
    rules = json.dumps(js_rules(), ensure_ascii=False)
    with language(lang):
        texts = {text: tr(text) for text in JS_TEXTS if tr(text) != text}
    return (SCRIPT.read_text(encoding="utf-8").replace("__RULES__", rules)
            .replace("__TEXT__", json.dumps(texts, ensure_ascii=False)).replace("</", "<\\/"))


def normalise(kind: str, text: str) -> str:
    """The canonical text of a typed answer (the Python twin of the page's script)."""
    return string_key(kind, text)


def verdict(question: dict, raw: str) -> tuple[str, str]:
    """(status, message) for a typed answer or a chosen letter, as the page's script decides it."""
    kind = question["kind"]
    if kind == "choice":
        if not raw:
            return "empty", tr("Choose one of the options first.")
        key = raw
    else:
        if not str(raw).strip():
            return "empty", tr("Type an answer first.")
        try:
            key = normalise(kind, raw)
        except AnswerError as err:
            return "invalid", tr("I could not read this answer: {err}.", err=err)
    hashed = digest(question["salt"], key)
    if hashed in question["accept"]:
        return "correct", tr("Well done.")
    if hashed in question.get("mistakes", {}):
        return "wrong", question["mistakes"][hashed]
    if kind in ("date", "number"):
        from .checks import _shift
        for step in (-1, 1):
            try:
                near = _shift(kind, key, step)
            except ValueError:
                near = None
            if near and digest(question["salt"], near) in question["accept"]:
                return "wrong", tr("Very close: you are one day out. Check whether the date is one of sending or of receipt."
                                   if kind == "date" else "Very close: you are off by one.")
    return "wrong", tr("Hint: ") + question["hint"]


@dataclass(frozen=True, repr=False)
class SelfCheck:
    """A chapter's self-check questions; displays as an accessible HTML form in Jupyter and the book."""

    chapter: str
    title: str
    questions: tuple

    def __repr__(self) -> str:
        lines = [self.title + tr(" ({n} questions; run in Jupyter or open the book to answer)", n=len(self.questions))]
        lines += [f"  {n}. {q['prompt']}" for n, q in enumerate(self.questions, 1)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        uid = f"redrev-sc-{html.escape(self.chapter)}-{next(_counter)}"
        parts = [f'<section class="redrev-selfcheck" aria-labelledby="{uid}-title" data-chapter="{html.escape(self.chapter)}">',
                 STYLE, f'<p id="{uid}-title"><strong>{html.escape(self.title)}</strong></p>',
                 tr("<p>Answer, then press <em>Check</em> (or Enter). Your answers are checked in this page: "
                    "nothing is sent anywhere, and the page does not contain the answers.</p>")]
        for n, q in enumerate(self.questions, 1):
            parts.append(_question_html(f"{uid}-{n}", n, q))
        parts.append(f"<script>{script()}</script></section>")
        return "\n".join(parts)


def _question_html(qid: str, n: int, q: dict) -> str:
    attrs = {
        "data-kind": q["kind"], "data-salt": q["salt"], "data-accept": " ".join(q["accept"]),
        "data-mistakes": json.dumps(q.get("mistakes", {}), ensure_ascii=False, sort_keys=True), "data-hint": q["hint"],
    }
    attr_text = " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    legend = f'<legend id="{qid}-legend"><span>{n}.</span> {q["prompt_html"]}</legend>'
    if q["kind"] == "choice":
        controls = "".join(
            f'<label><input type="radio" name="{qid}" value="{letter}"> {html.escape(text)}</label>'
            for letter, text in zip("abcdefgh", q["options"]))
    else:
        controls = (f'<label for="{qid}-input">{html.escape(tr("Your answer ({help})", help=tr(INPUT_HELP[q["kind"]])))}</label>'
                    f'<input type="text" id="{qid}-input" name="{qid}" autocomplete="off" spellcheck="false">')
    return (f'<form class="redrev-sc-q" novalidate {attr_text}><fieldset>{legend}{controls}'
            f'<button type="submit">{html.escape(tr("Check"))}</button>'
            f'<p class="redrev-sc-feedback" role="status" aria-live="polite"></p></fieldset></form>')


def selfcheck(chapter: str) -> SelfCheck:
    """The self-check of a chapter ('02-context' ... '09-reading-telegrams'), ready to display."""
    checks = bank().get("selfcheck", {})
    if chapter not in checks:
        raise KeyError(f"No self-check for {chapter!r}; chapters with one: {', '.join(checks)}")
    entry = localised(checks[chapter])
    return SelfCheck(chapter, entry["title"], tuple(localised(q) for q in entry["questions"]))
