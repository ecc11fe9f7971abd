"""Generate the hashed exercise bank and the student notebooks from the instructors' file.

    .venv/bin/python tools/build_bank.py           # write src/redrev/bank.json and exercises/*.ipynb
    .venv/bin/python tools/build_bank.py --check   # exit 1 if the committed files differ

Reads instructors/solutions.yaml (prompts, answers, hints, rubrics) and writes
  - src/redrev/bank.json: per exercise its metadata, hints and the salted SHA-256 hashes of the
    normalised reference answer and of the listed mistakes (data questions store no answer hash:
    redrev.expected computes it at check time); per chapter the self-check questions, hashed alike;
  - exercises/NN-name.ipynb: the prompts with empty answer cells, outputs cleared.
No reference answer, worked solution or model answer goes into either (tests/test_checks.py scans).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import nbformat
import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from redrev import checks  # noqa: E402

INSTRUCTORS = ROOT / "instructors" / "solutions.yaml"
BANK = ROOT / "src" / "redrev" / "bank.json"
EXERCISES = ROOT / "exercises"
SELFCHECK_KINDS = {"choice", "date", "number", "name", "doc", "text"}
SETUP = '''# Set-up: run this cell first. It loads the dataset as pandas DataFrames.
import pandas as pd

import redrev
from redrev import model

data = redrev.dataset()
docs, people, places = data.documents, data.people, data.places
cases, stages, events = data.cases, data.stages, data.events'''
HOW_TO = """**How to work.** Run the hidden set-up cell first (in JupyterLab, click the three dots to see it):
it loads the tables of `data/` as `docs`, `people`, `places`, `cases`, `stages` and `events`
(`data/README.md` explains every column), with `pd` (pandas) and `model`. Then, for each exercise,
write your code in the cell below the prompt, set `answer = ...` and run the cell.
`redrev.check` tells you whether the answer is right and, if not, gives a hint; try again as often
as you like. Written answers are checked only for length and for the documents they cite: you then
assess them yourself against the rubric shown. The last cell shows your progress."""


def load(path: Path = INSTRUCTORS) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def salt(seed: str, name: str) -> str:
    return hashlib.sha256(f"{seed}:{name}".encode()).hexdigest()[:16]


def validate(spec: dict) -> None:
    """Stop with a list of problems if the instructors' file breaks the rules of the bank."""
    problems, seen, total = [], set(), 0
    for nb_name, nb in spec["notebooks"].items():
        exercises = nb["exercises"]
        total += len(exercises)
        if not 6 <= len(exercises) <= 10:
            problems.append(f"{nb_name}: {len(exercises)} exercises (6 to 10 expected)")
        for ex in exercises:
            eid = ex.get("id", "?")
            if eid in seen:
                problems.append(f"{eid}: duplicate id")
            seen.add(eid)
            for field in ("title", "skill", "difficulty", "kind", "source", "prompt", "hints", "solution" if ex.get("kind") != "written" else "model_answer"):
                if not ex.get(field):
                    problems.append(f"{eid}: no {field}")
            if ex.get("skill") not in checks.SKILLS:
                problems.append(f"{eid}: unknown skill {ex.get('skill')!r}")
            if ex.get("difficulty") not in checks.DIFFICULTIES:
                problems.append(f"{eid}: unknown difficulty {ex.get('difficulty')!r}")
            if ex.get("source") == "data" and not ex.get("solution_code"):
                problems.append(f"{eid}: a data question needs solution_code")
            if ex.get("source") == "hash" and ex.get("kind") != "written" and "answer" not in ex:
                problems.append(f"{eid}: a hashed question needs an answer")
            if ex.get("kind") == "written" and not ex.get("rubric"):
                problems.append(f"{eid}: a written question needs a rubric")
    if total < 45:
        problems.append(f"only {total} exercises (at least 45 expected)")
    for chapter, sc in spec.get("selfcheck", {}).items():
        if not 3 <= len(sc["questions"]) <= 5:
            problems.append(f"self-check {chapter}: {len(sc['questions'])} questions (3 to 5 expected)")
        for q in sc["questions"]:
            if q.get("kind") not in SELFCHECK_KINDS:
                problems.append(f"self-check {chapter}: unknown kind {q.get('kind')!r}")
    if problems:
        raise SystemExit("instructors/solutions.yaml:\n  " + "\n  ".join(problems))


def _hashes(kind: str, s: str, values: list, ex: dict) -> list[str]:
    texts = []
    for value in values:
        for text in checks.canonical(kind, value, ex):
            if text not in texts:
                texts.append(text)
    return texts


def exercise_entry(nb_name: str, ex: dict, seed: str) -> dict:
    s = salt(seed, ex["id"])
    entry = {"notebook": nb_name, "title": ex["title"], "skill": ex["skill"], "difficulty": ex["difficulty"],
             "kind": ex["kind"], "source": ex["source"], "hints": ex["hints"], "salt": s}
    for field in ("options", "columns", "rubric", "min_words", "min_docs", "off_by_one"):
        if field in ex:
            entry[field] = ex[field]
    if ex["kind"] == "written":
        return entry
    if ex["source"] == "hash":
        key = checks.key_from_canonical(ex["kind"], s, _hashes(ex["kind"], s, [ex["answer"], *ex.get("accept", [])], ex))
        entry["accept"] = sorted(key.accept)
        if key.size:
            entry.update(items=sorted(key.items), positions=sorted(key.positions), set_hash=key.set_hash, size=key.size)
    mistakes = {}
    for wrong in ex.get("wrong", []):
        for text in checks.canonical(ex["kind"], wrong["answer"], ex):
            mistakes[checks.digest(s, text)] = wrong["hint"]
    entry["mistakes"] = dict(sorted(mistakes.items()))
    return entry


def selfcheck_entry(chapter: str, n: int, q: dict, seed: str) -> dict:
    s = salt(seed, f"{chapter}#{n}")
    kind = q["kind"]
    entry = {"prompt": q["prompt"], "prompt_html": MarkdownIt().renderInline(q["prompt"]), "kind": kind,
             "salt": s, "hint": q["hint"]}
    if kind == "choice":
        entry["options"] = q["options"]
        keys = [q["answer"]]
    elif kind == "name":
        keys = sorted(checks.person_aliases(q["answer"])) + [checks.name_key(a) for a in q.get("accept", [])]
    else:
        keys = [checks.string_key(kind, str(a)) for a in [q["answer"], *q.get("accept", [])]]
    entry["accept"] = sorted({checks.digest(s, k) for k in keys})
    entry["mistakes"] = {
        checks.digest(s, w["answer"] if kind == "choice" else checks.string_key(kind, str(w["answer"]))): w["hint"]
        for w in q.get("wrong", [])}
    return entry


def build_bank(spec: dict) -> dict:
    seed = spec["seed"]
    exercises = {}
    for nb_name, nb in spec["notebooks"].items():
        for ex in nb["exercises"]:
            exercises[ex["id"]] = exercise_entry(nb_name, ex, seed)
    selfchecks = {
        chapter: {"title": sc["title"],
                  "questions": [selfcheck_entry(chapter, n, q, seed) for n, q in enumerate(sc["questions"], 1)]}
        for chapter, sc in spec.get("selfcheck", {}).items()}
    notebooks = {name: {"title": nb["title"], "chapter": nb["chapter"]} for name, nb in spec["notebooks"].items()}
    return {"version": 1, "generated_from": "instructors/solutions.yaml (tools/build_bank.py)",
            "notebooks": notebooks, "exercises": exercises, "selfcheck": selfchecks}


def bank_text(bank: dict) -> str:
    return json.dumps(bank, ensure_ascii=False, indent=1) + "\n"


ANSWER_FORMS = {
    "number": "a number", "date": "a date, e.g. \"15 January 1920\" (or a Timestamp)", "time": "a time, e.g. \"09:45\"",
    "doc": "a document id, e.g. \"D001\"", "person": "a name, e.g. \"Chicherin\" or \"Чичерин\"",
    "basis": "\"sent\", \"received\" or \"implied\"", "text": "a word or a short phrase",
    "set:doc": "document ids in any order (a list, a Series or a DataFrame)",
    "seq:doc": "a list of document ids, first one first", "set:case": "a list of episode ids, in any order",
    "seq:case": "a list of episode ids, first one first", "set:stage": "a list of stage numbers, in any order",
    "seq:stage": "a list of stage numbers, first one first",
}


def answer_form(ex: dict) -> str:
    """What the answer cell asks for, in a few words (redrev.checks.expects says it in full)."""
    kind = ex["kind"]
    if kind == "choice":
        return "one letter: " + ", ".join(f'"{k}"' for k in ex["options"])
    if kind == "frame":
        return "a DataFrame with the columns " + ", ".join(f'"{c}"' for c in ex["columns"])
    if kind.startswith("counts:"):
        return "a Series or a dict of counts"
    return ANSWER_FORMS[kind]


def prompt_markdown(ex: dict) -> str:
    """The prompt, with the options of a multiple-choice question listed under it."""
    text = ex["prompt"].strip()
    if ex["kind"] == "choice":
        text += "\n\n" + "\n".join(f"- {letter}) {option}" for letter, option in ex["options"].items())
    return text


def _template(ex: dict) -> str:
    if ex["kind"] == "written":
        return f'answer = """\n\n"""\n\nredrev.check("{ex["id"]}", answer)'
    lead = "# Your code here; then set `answer` to " if ex["source"] == "data" else "# Set `answer` to "
    return f'{lead}{answer_form(ex)}.\nanswer = None\n\nredrev.check("{ex["id"]}", answer)'


def build_notebook(nb_name: str, nb: dict) -> nbformat.NotebookNode:
    rows = "\n".join(f"| {n} | {ex['title']} | {checks.SKILLS[ex['skill']]} | {ex['difficulty']} |"
                     for n, ex in enumerate(nb["exercises"], 1))
    intro = (f"# {nb['title']}\n\n{nb['intro'].strip()}\n\n{HOW_TO}\n\n"
             f"| # | exercise | skill | difficulty |\n|---|---|---|---|\n{rows}")
    cells = [nbformat.v4.new_markdown_cell(intro)]
    setup = nbformat.v4.new_code_cell(SETUP)
    setup.metadata = {"tags": ["remove-cell"], "jupyter": {"source_hidden": True}}
    cells.append(setup)
    for n, ex in enumerate(nb["exercises"], 1):
        meta = f"*Exercise `{ex['id']}` · {checks.SKILLS[ex['skill']]} · {ex['difficulty']}*"
        extra = ""
        if ex["kind"] == "written":
            extra = ("\n\nWrite your answer between the triple quotes and run the cell. Then assess it "
                     "against the rubric that appears.")
        cells.append(nbformat.v4.new_markdown_cell(f"## {n}. {ex['title']}\n\n{meta}\n\n{prompt_markdown(ex)}{extra}"))
        cells.append(nbformat.v4.new_code_cell(_template(ex)))
    cells.append(nbformat.v4.new_markdown_cell("## Your progress\n\nRun this cell to see which exercises you have passed."))
    cells.append(nbformat.v4.new_code_cell(f'redrev.progress("{nb_name}")'))
    for n, cell in enumerate(cells):
        cell["id"] = f"{nb_name[:2]}-{n:02d}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}}
    return notebook


def notebook_texts(spec: dict) -> dict[Path, str]:
    return {EXERCISES / f"{name}.ipynb": nbformat.writes(build_notebook(name, nb)) + "\n"
            for name, nb in spec["notebooks"].items()}


def outputs(spec: dict) -> dict[Path, str]:
    """Every generated file and its text."""
    validate(spec)
    return {BANK: bank_text(build_bank(spec)), **notebook_texts(spec)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs(load()).items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date (run tools/build_bank.py):", *stale, sep="\n  ")
        return 1
    print(("checked" if args.check else "wrote") + f" the bank and {len(load()['notebooks'])} notebooks"
          + (f"; updated: {', '.join(map(str, stale))}" if stale and not args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
