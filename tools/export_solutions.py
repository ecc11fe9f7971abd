"""Export the instructors' solutions edition: `make solutions`.

Writes _build/solutions/index.md and _build/solutions/index.html from instructors/solutions.yaml:
for every exercise the prompt, the reference answer (data questions: computed by running the worked
solution against the data), the worked solution, the hints, the typical mistakes with the hint each
triggers, and for written questions the rubric and a model answer; then the self-check answers.
This edition is not part of the student book (_config.yml excludes instructors/ and _build/).
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

import pandas as pd
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import build_bank  # noqa: E402
import redrev  # noqa: E402
from redrev import checks, handouts, model  # noqa: E402

OUT = ROOT / "_build" / "solutions"
CSS = """body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1a1a1a}
pre{background:#f4f4f4;padding:.6em;overflow:auto}code{background:#f4f4f4}table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}.banner{border:2px solid #D55E00;padding:.5em 1em}"""


def worked_answer(ex: dict):
    data = redrev.dataset()
    ns = {"pd": pd, "redrev": redrev, "model": model, "data": data, "docs": data.documents, "people": data.people,
          "places": data.places, "cases": data.cases, "stages": data.stages, "events": data.events}
    exec(ex["solution_code"], ns)
    return ns["answer"]


def plain(value):
    """numpy and pandas scalars as plain Python values, Timestamps as ISO dates."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    return value.item() if hasattr(value, "item") else value


def shown(value) -> str:
    if isinstance(value, pd.DataFrame):
        return "\n\n" + value.to_html(index=False) + "\n\n"
    if isinstance(value, (pd.Series, pd.Index)):
        named = isinstance(value, pd.Series) and value.index.name is not None   # a count per key
        value = value.to_dict() if named else list(value)
    return "`" + repr(plain(value)) + "`"


def exercise_md(n: int, ex: dict) -> str:
    lines = [f"### {n}. {ex['title']} (`{ex['id']}`)",
             f"*{checks.SKILLS[ex['skill']]} · {ex['difficulty']} · kind `{ex['kind']}` · "
             f"{'expected value computed from the data' if ex['source'] == 'data' else 'answer stored as a salted hash'}*",
             "", build_bank.prompt_markdown(ex), ""]
    if ex["kind"] == "written":
        lines += ["**Rubric** (shown to students after they submit):", ""]
        lines += [f"- {item}" for item in ex["rubric"]]
        lines += ["", f"Minimum: {ex.get('min_words', 80)} words, {ex.get('min_docs', 1)} cited documents.", "",
                  "**Model answer**", "", *[f"> {line}" for line in ex["model_answer"].strip().splitlines()], ""]
    else:
        if "answer" in ex:
            ref = ex["answer"]
            if ex["kind"] == "choice":
                ref = f"{ref}) {ex['options'][ref]}"
            lines += [f"**Reference answer:** {shown(ref)}", ""]
        if ex.get("solution_code"):
            lines += [f"**Result of the worked solution:** {shown(worked_answer(ex))}", "",
                      "```python", ex["solution_code"].rstrip(), "```", ""]
        lines += [f"**Worked answer.** {ex['solution']}", ""]
        if ex.get("accept"):
            lines += ["**Also accepted (tested):** " + ", ".join(shown(a) for a in ex["accept"]), ""]
    lines += ["**Hints** (in order):", "", *[f"{k}. {h}" for k, h in enumerate(ex["hints"], 1)], ""]
    if ex.get("wrong") and ex["kind"] != "written":
        lines += ["| typical wrong answer | hint it triggers |", "|---|---|"]
        lines += [f"| {shown(w['answer'])} | {w['hint']} |" for w in ex["wrong"]]
        lines.append("")
    if ex.get("off_by_one"):
        lines += [f"*Off by one:* {ex['off_by_one']}", ""]
    return "\n".join(lines)


def selfcheck_md(chapter: str, entry: dict) -> str:
    lines = [f"### `{chapter}`: {entry['title']}", "", "| # | question | kind | answer | hint |", "|---|---|---|---|---|"]
    for n, q in enumerate(entry["questions"], 1):
        answer = q["answer"]
        if q["kind"] == "choice":
            answer = f"{answer}) {q['options']['abcdefgh'.index(answer)]}"
        lines.append(f"| {n} | {q['prompt']} | {q['kind']} | {answer} | {q['hint']} |")
    return "\n".join(lines) + "\n"


def build() -> str:
    spec = build_bank.load()
    parts = ["# Red Revolutions in Transcaucasia: solutions edition (instructors)", "",
             '<div class="banner">Not for students. Generated by <code>make solutions</code> from '
             "<code>instructors/solutions.yaml</code>; not part of the book.</div>", "",
             "Students check their answers with `redrev.check(id, answer)`; the package holds only salted hashes "
             "of the normalised answers, and computes data questions from the data. Edit the YAML, then run "
             "`tools/build_bank.py` to regenerate the bank and the student notebooks.", ""]
    for name, nb in spec["notebooks"].items():
        parts += [f"## {nb['title']} (`exercises/{name}.ipynb`)", "", nb["intro"].strip(), ""]
        parts += [exercise_md(n, ex) for n, ex in enumerate(nb["exercises"], 1)]
    parts += ["## Self-checks in the chapters", "",
              "Inserted in each chapter's *Check your understanding* section as `redrev.selfcheck(\"NN-name\")`.", ""]
    parts += [selfcheck_md(chapter, entry) for chapter, entry in spec["selfcheck"].items()]
    data = redrev.dataset()
    parts += ["## Document sets (For the classroom)", "",
              "The key to each printable set (`redrev.handouts`): what the data record for each question, and for "
              "each stage the evidence in the set and how firm the article's evidence is.", ""]
    parts += [handouts.key_html(data, country) + "\n" for country in handouts.countries(data)]
    return "\n".join(parts)


def main() -> int:
    text = build()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "index.md").write_text(text, encoding="utf-8")
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">'
            f"<title>Solutions edition (instructors)</title><style>{CSS}</style></head><body><main>{body}</main>"
            "</body></html>\n")
    (OUT / "index.html").write_text(page, encoding="utf-8")
    print(f"Solutions edition written to {html.escape(str(OUT / 'index.html'))} (and index.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
