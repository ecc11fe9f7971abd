"""Graded assignments (issue 11): otter assign and otter run on real notebooks, and course variants.

Each assignment is built once per session in a temporary folder (safe under pytest-xdist); the
variant properties are checked over many variant texts without otter, from the same generator.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from redrev import assignments, checks, expected, model, variants
from redrev.data import dataset

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_bank  # noqa: E402
import grade_submissions  # noqa: E402
import make_assignments  # noqa: E402

pytest.importorskip("otter")
SPEC = build_bank.load()
VARIANT = "HIST 231 · Transcaucasia, spring 2027"
MANY = [f"course {n}" for n in range(30)] + ["Σ", "x" * 200, " padded ", "Тбилиси 2027"]


def _questions(variant):
    d = dataset()
    return {name: assignments.questions(nb, variant, d, build_bank.prompt_markdown) for name, nb in SPEC["notebooks"].items()}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """03-model in the public variant and 04-azerbaijan in a course variant, as otter assign makes them."""
    out = tmp_path_factory.mktemp("assignments")
    public = make_assignments.build(None, out / "public", ["03-model"])
    course = make_assignments.build(VARIANT, out / "course", ["04-azerbaijan"])
    return {"03-model": out / "public" / "03-model", "04-azerbaijan": out / "course" / "04-azerbaijan",
            "summary": {**public, **course}}


def otter_run(folder: Path, notebook: nbformat.NotebookNode, tmp: Path) -> dict[str, float]:
    """Scores per question of one submission, graded by otter run (no Docker)."""
    tmp.mkdir(parents=True, exist_ok=True)
    submission = tmp / f"{folder.name}.ipynb"
    nbformat.write(notebook, submission)
    zip_file = next((folder / "autograder").glob("*.zip"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REDREV_PROGRESS": "off"}
    done = subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(zip_file), "-o", str(tmp), str(submission)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((tmp / "results.json").read_text())
    return {t["name"]: t["score"] for t in results["tests"] if "score" in t}


def solved(folder: Path) -> nbformat.NotebookNode:
    return nbformat.read(next((folder / "autograder").glob("*.ipynb")), as_version=4)


def answer_cell(nb, name: str):
    return next(c for c in nb.cells if c.cell_type == "code" and re.search(rf"^{name} = ", c.source, re.M))


def max_points(folder: Path) -> dict[str, int]:
    return {assignments.var(ex["id"]): assignments.POINTS[ex["difficulty"]]
        for ex in SPEC["notebooks"][folder.name]["exercises"] if ex["kind"] != "written"}


def test_otter_layout(built):
    for name in ("03-model", "04-azerbaijan"):
        folder = built[name]
        assert (folder / "student" / f"{name}.ipynb").is_file()
        assert (folder / "autograder" / f"{name}.ipynb").is_file()
        assert len(list((folder / "autograder").glob(f"{name}-autograder_*.zip"))) == 1
        student = (folder / "student" / f"{name}.ipynb").read_text()
        assert "grader.check(" in student and "redrev.check(" not in student
        for ex in SPEC["notebooks"][name]["exercises"]:
            for item in ex.get("rubric", []):
                assert item not in student, f"{ex['id']}: the rubric is in the student notebook"
                assert item in (folder / "autograder" / f"{name}.ipynb").read_text()


def test_solved_scores_full_marks_and_blank_scores_zero(built, tmp_path):
    for name in ("03-model", "04-azerbaijan"):
        folder = built[name]
        full = max_points(folder)
        assert otter_run(folder, solved(folder), tmp_path / name / "solved") == {**full, **{
            assignments.var(ex["id"]): 0 for ex in SPEC["notebooks"][name]["exercises"] if ex["kind"] == "written"}}
    folder = built["03-model"]
    blank = nbformat.read(folder / "student" / "03-model.ipynb", as_version=4)
    assert sum(otter_run(folder, blank, tmp_path / "blank").values()) == 0


def test_one_wrong_answer_loses_exactly_its_points(built, tmp_path):
    folder = built["03-model"]
    nb = solved(folder)
    cell = answer_cell(nb, "mo_01")
    cell.source = cell.source.replace("mo_01 = answer", "mo_01 = 5")
    scores = otter_run(folder, nb, tmp_path)
    full = max_points(folder)
    assert scores["mo_01"] == 0
    assert {k: v for k, v in scores.items() if k != "mo_01" and k in full} == {k: v for k, v in full.items() if k != "mo_01"}


def test_bad_cells_lose_only_their_questions(built, tmp_path):
    """A cell that raises, a deleted answer cell and an answer of the wrong type: the rest is graded."""
    folder = built["04-azerbaijan"]
    nb = solved(folder)
    raising = answer_cell(nb, "az_01")
    raising.source = "raise RuntimeError('a student error')\n" + raising.source
    nb.cells.remove(answer_cell(nb, "az_03"))
    wrong_type = answer_cell(nb, "az_05")
    wrong_type.source += "\naz_05 = object()"
    scores = otter_run(folder, nb, tmp_path)
    full = max_points(folder)
    assert {k: scores[k] for k in ("az_01", "az_03", "az_05")} == {"az_01": 0, "az_03": 0, "az_05": 0}
    assert {k: scores[k] for k in full if k not in ("az_01", "az_03", "az_05")} == {
        k: v for k, v in full.items() if k not in ("az_01", "az_03", "az_05")}


def test_a_notebook_that_hangs_gets_zero_and_a_reason(built, tmp_path):
    """Grading a folder: a notebook that never finishes is stopped, and the CSV says why."""
    folder = built["04-azerbaijan"]
    nb = solved(folder)
    answer_cell(nb, "az_02").source = "while True:\n    pass"
    nbformat.write(nb, tmp_path / "hangs.ipynb")
    assert grade_submissions.main([str(folder), str(tmp_path), "--timeout", "10"]) == 0
    rows = (tmp_path / "scores.csv").read_text().splitlines()
    assert rows[0].startswith("submission,") and rows[1].startswith("hangs.ipynb,")
    assert rows[1].endswith(",0,not graded: the notebook did not finish within 10 s")


def test_variant_answers_are_in_no_student_file(built):
    folder = built["04-azerbaijan"]
    text = "\n".join(p.read_text(errors="replace") for p in (folder / "student").rglob("*") if p.is_file())
    d = dataset()
    qs = assignments.questions(SPEC["notebooks"]["04-azerbaijan"], VARIANT, d, build_bank.prompt_markdown)
    assert sum(q.changed for q in qs if q.auto) >= 4
    for q in qs:
        if q.params is not None:
            for line in q.solution.splitlines():
                assert line.strip() not in text, f"{q.eid}: the solution is in student/"
            value = variants.FAMILIES[q.eid][0].expected(d, q.params)
            for canon in checks.canonical(q.ex["kind"], value, q.ex) if q.ex["kind"] != "frame" else []:
                if len(canon) >= 5:
                    assert canon not in text and repr(value) not in text, f"{q.eid}: the answer is in student/"
        if q.order is not None:
            assert f"grade({q.eid!r}" not in text and "'order'" not in text


def test_public_variant_is_the_book():
    for name, qs in _questions(None).items():
        for q, ex in zip(qs, SPEC["notebooks"][name]["exercises"]):
            assert not q.changed and q.prompt == build_bank.prompt_markdown(ex) and q.hints == ex["hints"]


def test_families_agree_with_expected_in_the_public_variant():
    d = dataset()
    for eid, (family, public) in variants.FAMILIES.items():
        if public and eid in expected.computed_ids():
            assignments.grade(eid, family.expected(d, public))      # passes with the book's key
            assignments.grade(eid, expected.expected(eid, d))


def test_every_variant_is_solvable_and_changes_enough():
    d = dataset()
    env0 = dict(pd=pd, model=model, docs=d.documents, people=d.people, places=d.places, cases=d.cases,
                stages=d.stages, events=d.events)
    public = _questions(None)
    seen = {}
    for text in MANY:
        variant = assignments.variant_name(text)
        mine = _questions(variant)
        for name, qs in mine.items():
            assert assignments.changed_share(public[name], qs) >= 0.5, (text, name)
            for q in qs:
                if q.auto:   # the right answer never gets a public test's "known mistake"
                    env = dict(env0)
                    exec(q.solution, env)
                    assignments.feedback(q.eid, env["answer"], q.public_args)
                if q.params is not None:
                    value = variants.FAMILIES[q.eid][0].expected(d, q.params)
                    assert value is not None and not (hasattr(value, "__len__") and len(value) == 0), (text, q.eid)
                    env = dict(env0)
                    exec(q.solution, env)
                    assignments.grade(q.eid, env["answer"], q.params)
                if q.order is not None:
                    assignments.grade(q.eid, q.ex["answer"], q.hidden_args)
                    with pytest.raises(AssertionError):
                        assignments.grade(q.eid, next(k for k in q.order if k != q.ex["answer"]), q.hidden_args)
        seen[text] = mine
    # Two course variants: the parameters are drawn independently, so a pair can coincide on a
    # question with few candidates; over many pairs, nearly every notebook changes by half or more.
    texts = list(seen)
    pairs = [(a, b, name) for a, b in zip(texts, texts[1:]) for name in seen[a]]
    short = [p for p in pairs if assignments.changed_share(seen[p[0]][p[2]], seen[p[1]][p[2]]) < 0.5]
    assert len(short) <= 0.02 * len(pairs), short
    assert _questions(assignments.variant_name(MANY[0]))["05-armenia"][1].prompt == seen[MANY[0]]["05-armenia"][1].prompt


def test_bad_variant_gets_one_clear_error():
    for bad in ("", "   ", "x" * 201):
        with pytest.raises(assignments.VariantError, match="VARIANT is"):
            assignments.variant_name(bad)
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_assignments.py"), "--variant", "", "--out", "/nonexistent"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "VARIANT is empty" in done.stderr, done.stderr


def test_public_tests_give_the_hint_not_the_answer():
    with pytest.raises(AssertionError, match="number of all episodes"):
        assignments.feedback("mo-01", 5)
    assignments.feedback("mo-01", 4)          # wrong, but not a known mistake: the public test does not tell
    assignments.feedback("mo-01", 3)
    with pytest.raises(AssertionError, match="Replace ... with your answer"):
        assignments.feedback("mo-01", ...)
    with pytest.raises(AssertionError, match="not right"):
        assignments.grade("mo-01", 4)
    with pytest.raises(AssertionError, match="write at least 100"):
        assignments.feedback("mo-07", "Force decided it, D001 and D002.")
    with pytest.raises(AssertionError, match="Cite at least 2 documents"):
        assignments.feedback("mo-07", "word " * 120)


def test_a_variant_gives_the_hint_of_a_typical_mistake():
    d = dataset()
    qs = {q.eid: q for q in _questions(assignments.variant_name(VARIANT))["04-azerbaijan"]}
    listed = qs["az-04"]
    with pytest.raises(AssertionError, match="kept the order in which the documents are listed"):
        assignments.feedback("az-04", listed.params["docs"], listed.public_args)
    family, _ = variants.FAMILIES["az-04"]
    assignments.feedback("az-04", family.expected(d, listed.params), listed.public_args)


@pytest.mark.parametrize("value", [object(), b"D001", "x" * 60_000, ValueError("x"), lambda: 1, float("nan"),
                                   pd.DataFrame({"a": [7, 8]}), {"a": object()}, [[1, 2]], 10 ** 400])
def test_bad_answers_fail_readably(value):
    for eid in checks.exercise_ids():
        for func in (assignments.feedback, assignments.grade):
            try:
                func(eid, value)
            except AssertionError as err:
                assert str(err)
        params = variants.pick(VARIANT, eid, dataset())
        if params:
            with pytest.raises(AssertionError):
                assignments.grade(eid, value, params)
