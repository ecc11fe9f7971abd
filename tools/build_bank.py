"""Generate the hashed exercise bank and the student notebooks from the instructors' file.

    .venv/bin/python tools/build_bank.py           # write src/redrev/bank.json, exercises/*.ipynb, exercises/ru/*.ipynb
    .venv/bin/python tools/build_bank.py --check   # exit 1 if the committed files differ

Reads instructors/solutions.yaml (prompts, answers, hints, rubrics) and writes
  - src/redrev/bank.json: per exercise its metadata, hints and the salted SHA-256 hashes of the
    normalised reference answer and of the listed mistakes (data questions store no answer hash:
    redrev.expected computes it at check time); per chapter the self-check questions, hashed alike;
  - exercises/NN-name.ipynb: the prompts with empty answer cells, outputs cleared;
  - exercises/ru/NN-name.ipynb: the same notebooks in Russian, from the ``*_ru`` fields (every
    exercise, notebook and self-check question has them: ``title_ru``, ``prompt_ru``, ``hints_ru``,
    ``hint_ru`` of each listed mistake, ``options_ru``...); the bank carries them too, and
    ``redrev.check`` and the self-checks use them when the language is Russian.
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
EXERCISES_RU = EXERCISES / "ru"
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
    problems += missing_russian(spec)
    if problems:
        raise SystemExit("instructors/solutions.yaml:\n  " + "\n  ".join(problems))


RU_FIELDS = ("title", "prompt", "hints", "options", "rubric", "off_by_one")


def missing_russian(spec: dict) -> list[str]:
    """Every English text a student sees that has no Russian sibling (``<field>_ru``)."""
    problems = []
    for nb_name, nb in spec["notebooks"].items():
        problems += [f"{nb_name}: no {f}_ru" for f in ("title", "chapter", "intro") if not nb.get(f + "_ru")]
        for ex in nb["exercises"]:
            for field in RU_FIELDS:
                if field in ex and not ex.get(field + "_ru"):
                    problems.append(f"{ex['id']}: no {field}_ru")
                elif field in ("hints", "options", "rubric") and field in ex and len(ex[field + "_ru"]) != len(ex[field]):
                    problems.append(f"{ex['id']}: {field}_ru has not as many items as {field}")
            problems += [f"{ex['id']}: a mistake has no hint_ru" for w in ex.get("wrong", []) if not w.get("hint_ru")]
    for chapter, sc in spec.get("selfcheck", {}).items():
        if not sc.get("title_ru"):
            problems.append(f"self-check {chapter}: no title_ru")
        for n, q in enumerate(sc["questions"], 1):
            for field in ("prompt", "hint", "options"):
                if field in q and not q.get(field + "_ru"):
                    problems.append(f"self-check {chapter} #{n}: no {field}_ru")
            if "options" in q and len(q.get("options_ru") or []) != len(q["options"]):
                problems.append(f"self-check {chapter} #{n}: options_ru has not as many items as options")
            problems += [f"self-check {chapter} #{n}: a mistake has no hint_ru" for w in q.get("wrong", [])
                         if not w.get("hint_ru")]
    return problems


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
    for field in ("options", "columns", "rubric", "min_words", "min_docs", "off_by_one",
                  "title_ru", "hints_ru", "options_ru", "rubric_ru", "off_by_one_ru"):
        if field in ex:
            entry[field] = ex[field]
    if ex["kind"] == "written":
        return entry
    if ex["source"] == "hash":
        forms = [ex["answer"], *ex.get("accept", []), *ex.get("accept_ru", [])]
        key = checks.key_from_canonical(ex["kind"], s, _hashes(ex["kind"], s, forms, ex))
        entry["accept"] = sorted(key.accept)
        if key.size:
            entry.update(items=sorted(key.items), positions=sorted(key.positions), set_hash=key.set_hash, size=key.size)
    mistakes, mistakes_ru = {}, {}
    for wrong in ex.get("wrong", []):
        for text in checks.canonical(ex["kind"], wrong["answer"], ex):
            mistakes[checks.digest(s, text)] = wrong["hint"]
            mistakes_ru[checks.digest(s, text)] = wrong.get("hint_ru")
    entry["mistakes"] = dict(sorted(mistakes.items()))
    if any(mistakes_ru.values()):
        entry["mistakes_ru"] = dict(sorted(mistakes_ru.items()))
    return entry


def selfcheck_entry(chapter: str, n: int, q: dict, seed: str) -> dict:
    s = salt(seed, f"{chapter}#{n}")
    kind = q["kind"]
    entry = {"prompt": q["prompt"], "prompt_html": MarkdownIt().renderInline(q["prompt"]), "kind": kind,
             "salt": s, "hint": q["hint"]}
    if q.get("prompt_ru"):
        entry.update(prompt_ru=q["prompt_ru"], prompt_html_ru=MarkdownIt().renderInline(q["prompt_ru"]),
                     hint_ru=q["hint_ru"])
    if kind == "choice":
        entry["options"] = q["options"]
        if q.get("options_ru"):
            entry["options_ru"] = q["options_ru"]
        keys = [q["answer"]]
    elif kind == "name":
        keys = sorted(checks.person_aliases(q["answer"])) + [checks.name_key(a) for a in q.get("accept", [])]
    else:
        keys = [checks.string_key(kind, str(a)) for a in [q["answer"], *q.get("accept", []), *q.get("accept_ru", [])]]
    entry["accept"] = sorted({checks.digest(s, k) for k in keys})
    mistake = lambda w: checks.digest(s, w["answer"] if kind == "choice" else checks.string_key(kind, str(w["answer"])))
    entry["mistakes"] = {mistake(w): w["hint"] for w in q.get("wrong", [])}
    if any(w.get("hint_ru") for w in q.get("wrong", [])):
        entry["mistakes_ru"] = {mistake(w): w["hint_ru"] for w in q.get("wrong", [])}
    return entry


def build_bank(spec: dict) -> dict:
    seed = spec["seed"]
    exercises = {}
    for nb_name, nb in spec["notebooks"].items():
        for ex in nb["exercises"]:
            exercises[ex["id"]] = exercise_entry(nb_name, ex, seed)
    selfchecks = {
        chapter: {"title": sc["title"], **({"title_ru": sc["title_ru"]} if sc.get("title_ru") else {}),
                  "questions": [selfcheck_entry(chapter, n, q, seed) for n, q in enumerate(sc["questions"], 1)]}
        for chapter, sc in spec.get("selfcheck", {}).items()}
    notebooks = {name: {k: nb[k] for k in ("title", "chapter", "title_ru", "chapter_ru") if k in nb}
                 for name, nb in spec["notebooks"].items()}
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
# The Russian notebooks' own words (the exercises' texts come from their *_ru fields).
RU = {
    "setup": SETUP.replace("# Set-up: run this cell first. It loads the dataset as pandas DataFrames.",
                           "# Настройка: выполните эту ячейку первой. Она загружает данные как таблицы pandas.")
                  .replace("from redrev import model\n", "from redrev import model\n\nredrev.set_language(\"ru\")\n"),
    "how_to": """**Как работать.** Сначала выполните скрытую ячейку настройки (в JupyterLab её можно раскрыть, нажав
на три точки): она загружает таблицы из `data/` как `docs`, `people`, `places`, `cases`, `stages` и `events`
(все столбцы описаны в `data/README.md`), а также `pd` (pandas) и `model`. Затем в каждом упражнении
напишите код в ячейке под заданием, присвойте результат переменной `answer = ...` и выполните ячейку.
`redrev.check` сообщит, верен ли ответ, а если нет, даст подсказку; пробовать можно сколько угодно раз.
Письменные ответы проверяются только по объёму и по документам, на которые они ссылаются; затем вы сами
оцениваете их по появившимся критериям. Последняя ячейка показывает ваш прогресс.""",
    "table": "| № | упражнение | навык | сложность |",
    "exercise": "Упражнение", "written": ("\n\nНапишите ответ между тройными кавычками и выполните ячейку. Затем оцените "
                                          "его по появившимся критериям."),
    "lead_data": "# Здесь ваш код; затем присвойте `answer` ", "lead_hash": "# Присвойте `answer` ",
    "progress": "## Ваш прогресс\n\nВыполните эту ячейку, чтобы увидеть, какие упражнения вы уже решили.",
    "skills": {"data": "работа с данными (pandas)", "chronology": "хронология", "sourcing": "происхождение источника",
               "corroboration": "сопоставление источников", "model": "проверка модели",
               "written": "письменный ответ (самооценка)"},
    "difficulty": {"easy": "лёгкое", "medium": "среднее", "hard": "трудное"},
    "forms": {
        "number": "число", "date": "дату, например \"15 января 1920\" (или Timestamp)", "time": "время, например \"09:45\"",
        "doc": "идентификатор документа, например \"D001\"", "person": "имя, например \"Чичерин\" или \"Chicherin\"",
        "basis": "\"sent\", \"received\" или \"implied\"", "text": "слово или короткую фразу",
        "set:doc": "идентификаторы документов в любом порядке (список, Series или DataFrame)",
        "seq:doc": "список идентификаторов документов, начиная с первого", "set:case": "список идентификаторов эпизодов в любом порядке",
        "seq:case": "список идентификаторов эпизодов, начиная с первого", "set:stage": "список номеров этапов в любом порядке",
        "seq:stage": "список номеров этапов, начиная с первого",
        "choice": "одну букву: ", "frame": "DataFrame со столбцами ", "counts": "Series или словарь с числами",
    },
}


def _ru(item: dict, field: str, lang: str):
    return item[field + "_ru"] if lang == "ru" else item[field]


def answer_form(ex: dict, lang: str = "en") -> str:
    """What the answer cell asks for, in a few words (redrev.checks.expects says it in full)."""
    kind = ex["kind"]
    forms = RU["forms"] if lang == "ru" else {**ANSWER_FORMS, "choice": "one letter: ", "frame": "a DataFrame with the columns ",
                                              "counts": "a Series or a dict of counts"}
    if kind == "choice":
        return forms["choice"] + ", ".join(f'"{k}"' for k in ex["options"])
    if kind == "frame":
        return forms["frame"] + ", ".join(f'"{c}"' for c in ex["columns"])
    if kind.startswith("counts:"):
        return forms["counts"]
    return forms[kind]


def prompt_markdown(ex: dict, lang: str = "en") -> str:
    """The prompt, with the options of a multiple-choice question listed under it."""
    text = _ru(ex, "prompt", lang).strip()
    if ex["kind"] == "choice":
        text += "\n\n" + "\n".join(f"- {letter}) {option}" for letter, option in _ru(ex, "options", lang).items())
    return text


def _template(ex: dict, lang: str = "en") -> str:
    if ex["kind"] == "written":
        return f'answer = """\n\n"""\n\nredrev.check("{ex["id"]}", answer)'
    if lang == "ru":
        lead = RU["lead_data"] if ex["source"] == "data" else RU["lead_hash"]
    else:
        lead = "# Your code here; then set `answer` to " if ex["source"] == "data" else "# Set `answer` to "
    return f'{lead}{answer_form(ex, lang)}.\nanswer = None\n\nredrev.check("{ex["id"]}", answer)'


def build_notebook(nb_name: str, nb: dict, lang: str = "en") -> nbformat.NotebookNode:
    """The student notebook of one chapter's exercises, in English or (``lang="ru"``) in Russian."""
    ru = lang == "ru"
    skill = (lambda ex: RU["skills"][ex["skill"]]) if ru else (lambda ex: checks.SKILLS[ex["skill"]])
    level = (lambda ex: RU["difficulty"][ex["difficulty"]]) if ru else (lambda ex: ex["difficulty"])
    rows = "\n".join(f"| {n} | {_ru(ex, 'title', lang)} | {skill(ex)} | {level(ex)} |"
                     for n, ex in enumerate(nb["exercises"], 1))
    table = RU["table"] if ru else "| # | exercise | skill | difficulty |"
    intro = (f"# {_ru(nb, 'title', lang)}\n\n{_ru(nb, 'intro', lang).strip()}\n\n{RU['how_to'] if ru else HOW_TO}\n\n"
             f"{table}\n|---|---|---|---|\n{rows}")
    cells = [nbformat.v4.new_markdown_cell(intro)]
    setup = nbformat.v4.new_code_cell(RU["setup"] if ru else SETUP)
    setup.metadata = {"tags": ["remove-cell"], "jupyter": {"source_hidden": True}}
    cells.append(setup)
    for n, ex in enumerate(nb["exercises"], 1):
        meta = f"*{RU['exercise'] if ru else 'Exercise'} `{ex['id']}` · {skill(ex)} · {level(ex)}*"
        extra = ""
        if ex["kind"] == "written":
            extra = RU["written"] if ru else ("\n\nWrite your answer between the triple quotes and run the cell. Then assess it "
                                              "against the rubric that appears.")
        cells.append(nbformat.v4.new_markdown_cell(
            f"## {n}. {_ru(ex, 'title', lang)}\n\n{meta}\n\n{prompt_markdown(ex, lang)}{extra}"))
        cells.append(nbformat.v4.new_code_cell(_template(ex, lang)))
    cells.append(nbformat.v4.new_markdown_cell(
        RU["progress"] if ru else "## Your progress\n\nRun this cell to see which exercises you have passed."))
    cells.append(nbformat.v4.new_code_cell(f'redrev.progress("{nb_name}")'))
    for n, cell in enumerate(cells):
        cell["id"] = f"{nb_name[:2]}-{n:02d}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}}
    if ru:
        notebook.metadata["language_info"]["natural_language"] = "ru"
    return notebook


def notebook_texts(spec: dict) -> dict[Path, str]:
    texts = {}
    for name, nb in spec["notebooks"].items():
        texts[EXERCISES / f"{name}.ipynb"] = nbformat.writes(build_notebook(name, nb)) + "\n"
        texts[EXERCISES_RU / f"{name}.ipynb"] = nbformat.writes(build_notebook(name, nb, "ru")) + "\n"
    return texts


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
    print(("checked" if args.check else "wrote") + f" the bank and {len(load()['notebooks'])} notebooks (English and Russian)"
          + (f"; updated: {', '.join(map(str, stale))}" if stale and not args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
