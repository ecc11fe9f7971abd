"""The checked exercises: every reference answer passes, every listed mistake gets its hint,
the answers a student would reasonably give are accepted, no answer leaks into student material,
and ``redrev.check`` never raises, whatever it is given (property-based, with hypothesis)."""
from __future__ import annotations

import datetime as dt
import importlib
import html
import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_bank  # noqa: E402
import redrev  # noqa: E402
from redrev import checks, model  # noqa: E402
sc = importlib.import_module("redrev.selfcheck")  # the module (redrev.selfcheck is the function)

SPEC = build_bank.load()
EXERCISES = {ex["id"]: dict(ex, notebook=name) for name, nb in SPEC["notebooks"].items() for ex in nb["exercises"]}
NOTEBOOKS = ["03-model", "04-azerbaijan", "05-armenia", "06-georgia", "07-comparison", "08-correspondence",
             "09-reading-telegrams"]
CHAPTERS = ["02-context", *NOTEBOOKS]


@pytest.fixture(autouse=True)
def fresh_progress(monkeypatch, tmp_path):
    """Each test starts with no recorded progress and keeps any progress file in a temp folder."""
    monkeypatch.setenv("REDREV_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setattr(checks, "_RECORD", {})
    monkeypatch.setattr(checks, "_LOADED", False)


def namespace() -> dict:
    """What the hidden set-up cell of every exercise notebook defines."""
    data = redrev.dataset()
    return {"pd": pd, "redrev": redrev, "model": model, "data": data, "docs": data.documents,
            "people": data.people, "places": data.places, "cases": data.cases, "stages": data.stages,
            "events": data.events}


def run_solution(ex: dict):
    ns = namespace()
    exec(ex["solution_code"], ns)
    return ns["answer"]


# --- API and generated files ---
def test_api_is_exported():
    for name in ("check", "exercise_ids", "progress", "selfcheck"):
        assert callable(getattr(redrev, name)) and name in redrev.__all__


def test_committed_bank_and_notebooks_match_the_instructor_file():
    stale = [str(p.relative_to(ROOT)) for p, text in build_bank.outputs(SPEC).items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert stale == [], f"run tools/build_bank.py: {stale}"


def test_exercise_ids_and_metadata():
    ids = redrev.exercise_ids()
    assert ids == list(EXERCISES) and len(ids) >= 45 and len(set(ids)) == len(ids)
    assert sorted({ex["notebook"] for ex in EXERCISES.values()}) == NOTEBOOKS
    for name in NOTEBOOKS:
        mine = redrev.exercise_ids(name)
        assert 6 <= len(mine) <= 10, name
        skills = {EXERCISES[i]["skill"] for i in mine}
        assert "written" in skills and len(skills) >= 4, (name, skills)
    assert {ex["skill"] for ex in EXERCISES.values()} == set(checks.SKILLS)
    assert {ex["difficulty"] for ex in EXERCISES.values()} == set(checks.DIFFICULTIES)
    for eid, entry in checks.bank()["exercises"].items():
        assert entry["hints"] and all(h.strip() for h in entry["hints"]), eid
        assert entry["skill"] in checks.SKILLS and entry["difficulty"] in checks.DIFFICULTIES


def test_data_questions_store_no_answer_hash():
    for eid, entry in checks.bank()["exercises"].items():
        if entry["source"] == "data":
            assert "accept" not in entry and "items" not in entry, eid


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_student_notebook_structure(name):
    nb = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), "outputs must be cleared"
    setup = code[0]
    assert "remove-cell" in setup.metadata["tags"] and setup.metadata["jupyter"]["source_hidden"]
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("#")]
    assert [h for h in headings if h.startswith("# ")] == [headings[0]], "exactly one H1, first"
    assert all(not h.startswith("###") for h in headings), "no skipped heading levels"
    calls = [re.findall(r'redrev\.check\("([^"]+)", answer\)', c.source) for c in code]
    found = [i for found in calls for i in found]
    assert found == redrev.exercise_ids(name)
    for c in code:
        if "redrev.check(" in c.source:
            assert re.search(r'^answer = (None|""")', c.source, re.M), c.source
    assert code[-1].source == f'redrev.progress("{name}")'


# --- Every reference passes; every listed mistake fails with its hint ---
def answers_that_must_pass(ex: dict) -> list:
    found = []
    if ex.get("solution_code"):
        found.append(("solution_code", run_solution(ex)))
    if "answer" in ex:
        found.append(("answer", ex["answer"]))
    if ex["kind"] == "written":
        found.append(("model_answer", ex["model_answer"]))
    found += [(f"accept[{n}]", a) for n, a in enumerate(ex.get("accept", []))]
    return found


@pytest.mark.parametrize("eid", list(EXERCISES))
def test_reference_answers_pass(eid):
    ex = EXERCISES[eid]
    for label, answer in answers_that_must_pass(ex):
        result = redrev.check(eid, answer)
        assert result.passed, f"{eid} {label} {answer!r}: {result}"
        assert result.status == ("submitted" if ex["kind"] == "written" else "correct")


@pytest.mark.parametrize("eid", [i for i, ex in EXERCISES.items() if ex.get("wrong")])
def test_listed_mistakes_fail_with_their_hint(eid):
    for wrong in EXERCISES[eid]["wrong"]:
        result = redrev.check(eid, wrong["answer"])
        assert not result.passed and wrong["hint"] in result.message, (wrong, result)


def test_wrong_answers_get_escalating_hints_not_the_answer():
    first = redrev.check("az-07", ["D001"])
    second = redrev.check("az-07", ["D001"])
    hints = checks.bank()["exercises"]["az-07"]["hints"]
    assert hints[0] in first.message and hints[1] in second.message


def test_typical_mistakes():
    receipt = redrev.check("ge-02", "10 May 1920")
    assert not receipt.passed and "received" in receipt.message and "not when it was signed" in receipt.message
    assert "one day out" in redrev.check("az-03", "25 April 1920").message
    assert "both end days" in redrev.check("az-09", 8).message
    assert "off by one" in redrev.check("tel-03", 61).message
    assert "not in the right order" in redrev.check("az-04", ["D002", "D009", "D007", "D011", "D014", "D017"]).message
    partial = redrev.check("tel-02", ["D020", "D028"])
    assert "2 of your 2 items are right; the full answer has" in partial.message


# --- The forms a student would reasonably give ---
@pytest.mark.parametrize("name", ["Orjonikidze", "Орджоникидзе", "ordzhonikidze", "ORDZHONIKIDZE ",
                                  "G. K. Ordzhonikidze", "т. Серго", "Sergo", "Ordjonikidze", "Орджникидзе"])
def test_name_variants(name):
    assert checks.as_person(name) == ["ordzhonikidze"]


@pytest.mark.parametrize("name, pid", [("Tukhachevskii", "tukhachevsky"), ("Тухачевский", "tukhachevsky"),
                                       ("Jordania", "zhordania"), ("Жордания", "zhordania"), ("Kasian", "kasyan"),
                                       ("Trotskiy", "trotsky"), ("Склянский", "sklyansky"), ("Gitis", "gittis")])
def test_transliteration_variants(name, pid):
    assert pid in checks.as_person(name)


@pytest.mark.parametrize("value", ["1920-05-07", "7 May 1920", "May 7, 1920", "07.05.1920", "7/5/1920", "7 мая 1920 г.",
                                   "7th of May 1920", " 1920-05-07 00:00:00 ", dt.date(1920, 5, 7),
                                   dt.datetime(1920, 5, 7, 2, 10), pd.Timestamp("1920-05-07"),
                                   np.datetime64("1920-05-07"), pd.Series([pd.Timestamp("1920-05-07")])])
def test_date_forms(value):
    assert checks.as_date(value) == "1920-05-07"


@pytest.mark.parametrize("value, words", [("31 ноября 1920", "does not exist"), ("5 May", "add the year"),
                                          ("May 1920", "day as well"), ("yesterday", "does not look like a date"),
                                          (1920, "not a date")])
def test_unreadable_dates_are_explained(value, words):
    result = redrev.check("am-05", value)
    assert result.status == "invalid" and words in result.message and "Expected a date" in result.message


@pytest.mark.parametrize("value", [10, 10.0, np.int64(10), np.float32(10), "10", " 10 ", Fraction(10), pd.Series([10])])
def test_number_forms(value):
    assert redrev.check("az-01", value).passed


def test_number_rejects_booleans_and_series():
    assert "True/False" in redrev.check("az-01", True).message
    assert "single value" in redrev.check("az-01", pd.Series([1, 2])).message


def test_collections_in_any_reasonable_form():
    docs = redrev.dataset().documents
    az = docs[docs["case"] == "az-1920-04"]
    implied = az[az["date_basis"] == "implied"]
    for answer in (implied, implied.sample(frac=1, random_state=1), implied.set_index("id"), implied["id"],
                   implied["id"].tolist()[::-1], set(implied["id"]), tuple(implied["id"]), np.array(implied["id"]),
                   pd.Index(implied["id"]), ", ".join(implied["id"]), " ".join(implied["id"]).lower()):
        assert redrev.check("az-05", answer).passed, type(answer)
    mask = docs["flags"].apply(lambda f: "struck_out" in f).set_axis(docs["id"])
    assert redrev.check("cor-04", mask).passed, "a boolean Series indexed by id"


def test_sequences_need_order():
    assert redrev.check("cmp-05", set(redrev.dataset().cases["id"])).status == "invalid"
    assert redrev.check("cmp-05", "az-1920-04 > ge-1920-05 > am-1920-05 > am-1920-11 > ge-1921-02").passed
    assert "more than once" in redrev.check("mo-04", [4, 4, 1, 2, 3]).message


def test_counts_in_any_reasonable_form():
    stages = redrev.dataset().stages
    documented = stages[stages["status"] == "documented"]
    forms = [documented["case"].value_counts(), documented.groupby("case").size(),
             documented.groupby("case").size().reset_index(), documented.groupby("case").size().reset_index(name="n"),
             documented.groupby("case").size().to_dict(), list(documented.groupby("case").size().items()),
             documented.groupby("case").size().astype(float)]
    for answer in forms:
        assert redrev.check("cmp-01", answer).passed, type(answer)
    extra = redrev.dataset().documents["country"].value_counts()
    assert "rows the question leaves out" in redrev.check("cmp-04", extra).message


def test_frames_with_extra_columns_and_another_order():
    docs = redrev.dataset().documents
    timed = docs[docs["time"].notna()]
    assert redrev.check("tel-07", timed).passed
    assert redrev.check("tel-07", timed.iloc[::-1].set_index("id")).passed
    as_text = timed[["id", "date", "time", "date_basis"]].assign(date=timed["date"].dt.strftime("%d %B %Y"))
    assert redrev.check("tel-07", as_text).passed
    assert "lacks the column" in redrev.check("tel-07", timed[["id", "date"]]).message
    wrong = timed.assign(date_basis="sent")
    assert "date_basis" in redrev.check("tel-07", wrong).message


@pytest.mark.parametrize("value", [None, ..., "", "   ", float("nan"), pd.NA, pd.NaT, '\n\n'])
def test_unanswered(value):
    result = redrev.check("ge-02", value)
    assert result.status == "unanswered" and not result.passed and "Replace None" in result.message
    assert redrev.check("ge-02").status == "unanswered"


def test_written_answers_are_self_assessed():
    short = redrev.check("mo-07", "A coup.")
    assert not short.passed and "write at least" in short.message
    uncited = redrev.check("mo-07", "word " * 150)
    assert not uncited.passed and "Cite at least" in uncited.message
    done = redrev.check("mo-07", EXERCISES["mo-07"]["model_answer"])
    assert done.status == "submitted" and all(item in done.message for item in EXERCISES["mo-07"]["rubric"])
    assert "<li>" in done._repr_html_()


# --- Never raises ---
class Hostile:
    """An object whose every conversion fails."""

    def __str__(self):
        raise RuntimeError("no str")

    def __repr__(self):   # hypothesis shows failing examples with repr
        return "Hostile()"

    def __eq__(self, other):
        raise RuntimeError("no eq")

    def __hash__(self):
        return 1

    def __len__(self):
        raise RuntimeError("no len")

    def __iter__(self):
        raise RuntimeError("no iter")


SCALARS = st.one_of(
    st.none(), st.just(...), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60), st.text(alphabet="DdАяё0123456789 .,;:-/>", max_size=30), st.binary(max_size=20),
    st.datetimes(min_value=dt.datetime(1, 1, 1)), st.dates(), st.times(), st.timedeltas(), st.complex_numbers(),
    st.decimals(allow_nan=True), st.fractions(), st.sampled_from([
        "x" * 200_000, "D021", "1920-11-31", "31 ноября", "Орджоникидзе", "b", "received", np.int64(7),
        np.float64("nan"), np.datetime64("NaT"), pd.NaT, pd.NA, pd.Timestamp("1920-05-05"), Hostile(),
        ValueError("boom"), KeyboardInterrupt(), object(), type, print, iter([1, 2]), range(10**12),
        pd.DataFrame({"id": ["D001"], "x": [1]}), pd.DataFrame(), pd.Series(dtype=float),
        pd.Series([True, False], index=["D001", "D002"]), np.zeros((2, 2)), {"a": 1}, {1: "x"},
        pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), [[1, 2], [3]], ("D001",), {"D001", "D002"},
    ]))
ANSWERS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=6), st.tuples(inner, inner), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12)
FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_well_formed(result):
    assert isinstance(result, checks.CheckResult)
    assert isinstance(result.passed, bool) and isinstance(result.message, str) and result.message
    assert result.status in checks.LABELS
    page = result._repr_html_()
    assert 'role="status"' in page and "<script" not in page.lower()
    assert isinstance(repr(result), str)


@pytest.mark.parametrize("eid", list(EXERCISES))
def test_check_never_raises(eid):
    @FUZZ
    @given(answer=ANSWERS)
    def run(answer):
        assert_well_formed(redrev.check(eid, answer))
    run()


@FUZZ
@given(eid=ANSWERS, answer=ANSWERS)
def test_check_never_raises_for_any_id(eid, answer):
    result = redrev.check(eid, answer)
    assert_well_formed(result)
    if not (isinstance(eid, str) and eid.strip().lower() in EXERCISES):
        assert result.status == "unknown" and "exercise_ids()" in result.message


def test_unknown_id_suggests_close_ones():
    result = redrev.check("az-3", "x")
    assert result.status == "unknown" and "'az-03'" in result.message


def test_html_escapes_the_answer():
    result = redrev.check("az-02", "<script>alert(1)</script>")
    page = result._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<span aria-hidden="true">' in page and "Cannot read this answer" in page


# --- Progress ---
def test_progress_records_passes(tmp_path):
    before = redrev.progress("04-azerbaijan")
    assert before.passed == [] and len(before.rows) == len(redrev.exercise_ids("04-azerbaijan"))
    redrev.check("az-01", 3)
    redrev.check("az-01", 10)
    redrev.check("az-02", "nobody at all")
    after = redrev.progress("04-azerbaijan")
    assert after.passed == ["az-01"] and "1 of 9" in after.summary()
    states = {r[0]: r[4] for r in after.rows}
    assert states["az-02"] == "tried" and states["az-03"] == "not tried"
    assert "<caption" in after._repr_html_() and "✔ passed" in repr(after)
    saved = json.loads((tmp_path / "progress.json").read_text())
    assert saved["exercises"]["az-01"] == {"passed": True, "attempts": 2}
    assert "No notebook" in redrev.progress("99-nothing").notebook


def test_progress_is_reloaded_from_file(monkeypatch, tmp_path):
    (tmp_path / "progress.json").write_text(json.dumps({"exercises": {"cmp-05": {"passed": True, "attempts": 1}}}))
    assert redrev.progress("07-comparison").passed == ["cmp-05"]


def test_progress_file_location(monkeypatch, tmp_path):
    monkeypatch.setenv("REDREV_PROGRESS", "off")
    assert checks.progress_file() is None
    redrev.check("az-01", 10)
    assert not list(tmp_path.iterdir()), "REDREV_PROGRESS=off writes nothing"
    monkeypatch.delenv("REDREV_PROGRESS")
    assert checks.progress_file() == Path.home() / ".redrev" / "progress.json"
    assert not (ROOT / "progress.json").exists() and not (ROOT / ".redrev").exists()


# --- Self-checks (the Python twin of the page's script; the browser test runs the script) ---
def test_selfcheck_chapters():
    assert sc.chapters() == CHAPTERS
    for chapter in CHAPTERS:
        questions = redrev.selfcheck(chapter).questions
        assert 3 <= len(questions) <= 5, chapter
    with pytest.raises(KeyError):
        redrev.selfcheck("01-how-to-use")


def selfcheck_cases():
    for chapter, entry in SPEC["selfcheck"].items():
        for n, q in enumerate(entry["questions"]):
            yield pytest.param(chapter, n, q, id=f"{chapter}-{n + 1}")


def typed(q: dict, answer) -> str:
    if q["kind"] == "name" and re.fullmatch(r"[a-z_]+", str(answer)):
        return redrev.dataset().people.set_index("id").at[answer, "name_en"].split(",")[0]
    return str(answer)


@pytest.mark.parametrize("chapter, n, q", list(selfcheck_cases()))
def test_selfcheck_answers(chapter, n, q):
    question = redrev.selfcheck(chapter).questions[n]
    assert sc.verdict(question, typed(q, q["answer"]))[0] == "correct"
    for other in q.get("accept", []):
        assert sc.verdict(question, other)[0] == "correct"
    for wrong in q.get("wrong", []):
        assert sc.verdict(question, str(wrong["answer"])) == ("wrong", wrong["hint"])
    listed = {q["answer"], *(str(w["answer"]) for w in q.get("wrong", []))}
    other_letter = next(letter for letter in "abcdefgh" if letter not in listed)
    generic = {"choice": other_letter, "date": "1 January 1900", "number": "999",
               "name": "Curzon", "doc": "D001", "text": "nothing like it"}[q["kind"]]
    status, message = sc.verdict(question, generic)
    assert status == "wrong" and q["hint"] in message
    assert sc.verdict(question, "")[0] == "empty"


def test_selfcheck_html_is_accessible():
    page = redrev.selfcheck("05-armenia")._repr_html_()
    assert page.count('role="status"') == 4 and page.count("<fieldset>") == 4 and page.count("<legend") == 4
    for input_id in re.findall(r'<input type="text" id="([^"]+)"', page):
        assert f'<label for="{input_id}">' in page
    assert all(tag.startswith("<label><input") for tag in re.findall(r'<label><input type="radio"[^>]*>', page))
    assert "__RULES__" not in page and "</script>" in page


# --- Nothing leaks: no answer or worked solution in what students get ---
def fragments(text: str, minimum: int = 40) -> list[str]:
    return [f.strip() for f in re.split(r"(?<=[.;:!?])\s+|\n", text) if len(f.strip()) >= minimum]


def english_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def answer_strings(ex: dict) -> list[str]:
    """Reference answers as they could be written out (dates, sequences, names, ids, keywords)."""
    if ex.get("public_answer") or ex["kind"] in ("written", "number", "choice", "basis", "frame") \
            or ex["kind"].startswith("counts:"):
        return []
    values = [ex["answer"]] if "answer" in ex else [run_solution(ex)]
    out = []
    for value in values:
        canon = checks.canonical(ex["kind"], value, ex)[0]
        if ex["kind"] == "date":
            out += [canon, english_date(canon)]
        elif ex["kind"].startswith(("set:", "seq:")):
            items = re.split("[;>]", canon)
            if len(items) >= 2:
                out += [", ".join(items), json.dumps(items)]
        elif ex["kind"] == "person":
            row = redrev.dataset().people.set_index("id").loc[canon]
            out += [row["name_en"].split(",")[0], row["name_ru"].split(",")[0]]
        elif ex["kind"] in ("doc", "text", "time"):
            out += [canon, str(ex.get("answer", canon))]
    return [s for s in out if len(s) >= 4]


def solution_strings(ex: dict) -> list[str]:
    """Worked solutions and model answers: prose fragments and non-trivial code lines."""
    out = fragments(ex.get("solution", "")) + fragments(ex.get("model_answer", ""))
    out += [line.strip() for line in ex.get("solution_code", "").splitlines() if len(line.strip()) >= 25]
    return out


def selfcheck_strings(chapter: str) -> list[str]:
    """A chapter's self-check answers as they could be written out (numbers and letters are too short)."""
    out = []
    for q in SPEC["selfcheck"][chapter]["questions"]:
        if q["kind"] == "date":
            out += [q["answer"], english_date(q["answer"])]
        elif q["kind"] == "name":
            russian = redrev.dataset().people.set_index("id").at[q["answer"], "name_ru"]
            out += [typed(q, q["answer"]), russian.split(",")[0]]
        elif q["kind"] in ("doc", "text"):
            out.append(str(q["answer"]))
    return out


def student_texts() -> dict[str, str]:
    """Everything a student gets except the built book: notebooks, the package, its bank."""
    texts = {}
    for path in sorted((ROOT / "exercises").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        texts[str(path.relative_to(ROOT))] = "\n".join(c.source for c in nb.cells)
    for path in sorted((ROOT / "src" / "redrev").glob("*")):
        if path.suffix in (".py", ".js"):
            texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    bank = json.loads((ROOT / "src" / "redrev" / "bank.json").read_text(encoding="utf-8"))
    texts["src/redrev/bank.json"] = "\n".join(_strings(bank))
    for chapter in CHAPTERS:
        texts[f"selfcheck({chapter})"] = html.unescape(redrev.selfcheck(chapter)._repr_html_())
    return texts


def _strings(obj) -> list[str]:
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in [str(k), *_strings(v)]]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return [str(obj)]


def contains(text: str, needle: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])", text, re.IGNORECASE) is not None


def test_no_answer_or_solution_in_student_material():
    texts = student_texts()
    leaks = []
    for eid, ex in EXERCISES.items():
        keys = [s for s in answer_strings(ex) if s.startswith("[")]   # sets and sequences written out
        for where, text in texts.items():
            # The package's own code must name people and flags (role tables, flag vocabulary), so
            # there a single name is no leak; the keys themselves and worked solutions are.
            code = where.startswith("src/") and not where.endswith(".json")
            needles = solution_strings(ex) + (keys if code else answer_strings(ex))
            leaks += [f"{eid}: {needle!r} in {where}" for needle in needles if contains(text, needle)]
    for chapter in CHAPTERS:   # a self-check's answers are not in its own page
        page = texts[f"selfcheck({chapter})"]
        leaks += [f"self-check answer {needle!r} in {chapter}" for needle in selfcheck_strings(chapter) if contains(page, needle)]
    assert leaks == []


def test_no_solution_in_built_book():
    """The built book teaches the facts (a date, a name), so only what is the key itself is scanned for:
    worked solutions, model answers, and sequences or sets written out. Runs on _build/html after `make html`."""
    built = ROOT / "_build" / "html"
    if not built.is_dir():
        pytest.skip("no _build/html: run `make html` first")
    pages = {str(p.relative_to(built)): html.unescape(p.read_text(encoding="utf-8", errors="ignore"))
             for p in built.rglob("*.html")}
    assert not any(p.startswith("solutions") for p in pages), "the solutions edition is not part of the book"
    leaks = []
    for eid, ex in EXERCISES.items():
        needles = solution_strings(ex) + [s for s in answer_strings(ex) if s.startswith("[")]
        for needle in needles:
            leaks += [f"{eid}: {needle!r} in {page}" for page, text in pages.items() if contains(text, needle)]
    assert leaks == []


def test_leak_scan_finds_a_planted_leak():
    """The scan itself works: an answer written into a text is found."""
    ex = EXERCISES["am-04"]
    assert any(contains("notes: D102, D105, D106, D112, D113, D118.", s) for s in answer_strings(ex))
    assert any(contains(f"x = 1\n{line}\n", line) for line in solution_strings(EXERCISES["mo-04"]))
