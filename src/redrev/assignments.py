"""Graded assignments: otter-grader master notebooks from the exercises, and the tests they run.

``master_notebook`` writes, for one exercise notebook of ``instructors/solutions.yaml``, a master
notebook in otter-grader's format (v1: ``# ASSIGNMENT CONFIG``, ``# BEGIN QUESTION``, solution and
test blocks); ``otter assign`` (``tools/make_assignments.py``) turns it into a student notebook and
an autograder. A course variant (:func:`variant_name`) redraws the parameters of the questions
(:mod:`redrev.variants`) and reorders the options of multiple-choice questions.

The tests in those notebooks call :func:`feedback` (public: the answer's form and the hint of a
known mistake, never whether it is right) and :func:`grade` (hidden: decides the points, computing
the expected value from the data). Both fail with a readable ``AssertionError``, whatever they are
given. This module does not import otter: students' environments do not need it to grade.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from . import checks, variants

MAX_VARIANT_CHARS = 200
POINTS = {"easy": 1, "medium": 2, "hard": 3}
WRITTEN_POINTS = 4


class VariantError(ValueError):
    """A course variant text that cannot be used (the message says why)."""


def variant_name(text: str | None) -> str | None:
    """The variant text as used (None: the public variant, the book's questions), or VariantError."""
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        raise VariantError("VARIANT is empty: give a text that names your course (e.g. VARIANT=\"HIST 231, spring 2027\"), "
                           "or leave VARIANT out for the public variant")
    if len(text) > MAX_VARIANT_CHARS:
        raise VariantError(f"VARIANT is {len(text)} characters long; keep it to {MAX_VARIANT_CHARS} or fewer")
    return text.strip()


def var(eid: str) -> str:
    """The Python name of an exercise's answer in an assignment: 'mo-01' -> 'mo_01'."""
    return eid.replace("-", "_")


@dataclass
class Question:
    """One exercise as it appears in an assignment (a variant's parameters included)."""

    eid: str
    ex: dict                          # the exercise of solutions.yaml (options reordered in a variant)
    params: dict | None = None        # the variant's parameters (None: as in the book)
    order: dict | None = None         # multiple choice in a variant: new letter -> the book's letter
    title: str = ""
    prompt: str = ""
    hints: list = field(default_factory=list)
    solution: str = ""

    @property
    def changed(self) -> bool:
        return self.params is not None or self.order is not None

    @property
    def public_args(self) -> dict | None:
        """What the public test is told: a variant's parameters (in the prompt anyway), never a choice's new order."""
        return self.params if self.params is not None else {"options": "shuffled"} if self.order else None

    @property
    def hidden_args(self) -> dict | None:
        """What the hidden test is told (autograder only): the parameters, or the new letter order."""
        return {"order": self.order} if self.order else self.params

    @property
    def auto(self) -> bool:
        return self.ex["kind"] != "written"

    @property
    def points(self) -> int:
        return POINTS[self.ex["difficulty"]] if self.auto else WRITTEN_POINTS


def questions(nb: dict, variant: str | None, d, prompt_markdown) -> list[Question]:
    """The questions of one exercise notebook in a variant (``prompt_markdown`` lists a choice's options)."""
    out = []
    for ex in nb["exercises"]:
        ex = copy.deepcopy(ex)
        eid = ex["id"]
        q = Question(eid, ex)
        if variant is not None and ex["kind"] == "choice":
            q.order = variants.shuffle_options(variant, eid, ex["options"], ex["answer"])
            ex["options"] = {new: ex["options"][old] for new, old in q.order.items()}
            ex["answer"] = next(new for new, old in q.order.items() if old == ex["answer"])
            ex["wrong"] = [{**w, "answer": next(n for n, o in q.order.items() if o == w["answer"])} for w in ex.get("wrong", [])]
        params = variants.pick(variant, eid, d) if variant is not None else None
        if params is not None:
            family, _ = variants.FAMILIES[eid]
            q.params = params
            q.title, q.prompt, q.hints = family.title(d, params), family.prompt(d, params), family.hints(params)
            q.solution = family.solution(params)
        else:
            q.title, q.prompt, q.hints = ex["title"], prompt_markdown(ex), ex["hints"]
            q.solution = ex.get("solution_code") or f"answer = {ex.get('answer', ex.get('model_answer'))!r}"
        out.append(q)
    return out


# --- the master notebook ---
def _raw(text: str):
    import nbformat
    return nbformat.v4.new_raw_cell(text)


def _md(text: str):
    import nbformat
    return nbformat.v4.new_markdown_cell(text)


def _code(text: str):
    import nbformat
    return nbformat.v4.new_code_cell(text)


def _test_cell(name: str, call: str, args: str, *, hidden: bool, points: int, success: str | None = None) -> str:
    config = f"hidden: {str(hidden).lower()}\npoints: {points}" + (f"\nsuccess_message: {success}" if success else "")
    return (f'""" # BEGIN TEST CONFIG\n{config}\n""" # END TEST CONFIG\n'
            f"def {name}({args}):\n    from redrev import assignments\n    assignments.{call}\n")


def _solution_cell(q: Question, answer_form: str) -> str:
    name = var(q.eid)
    if q.auto:
        lead = f"# Your code here; then set `{name}` to {answer_form}."
        return (f"{lead}\n# BEGIN SOLUTION NO PROMPT\n{q.solution.strip()}\n{name} = answer\n# END SOLUTION\n"
                f'""" # BEGIN PROMPT\n{name} = ...\n""" # END PROMPT')
    rubric = "\n".join(f"# - {item}" for item in q.ex["rubric"])
    return (f"# Write your answer between the triple quotes, citing documents by id (D...).\n"
            f"# BEGIN SOLUTION NO PROMPT\n# Rubric (instructors only):\n{rubric}\n"
            f"{name} = {q.ex['model_answer'].strip()!r}\n# END SOLUTION\n"
            f"\"\"\" # BEGIN PROMPT\n{name} = '''\n\n'''\n\"\"\" # END PROMPT")


def master_notebook(nb_name: str, nb: dict, variant: str | None, d, *, setup: str, prompt_markdown, answer_form):
    """The otter master notebook of one exercise notebook (solutions, rubrics and hidden tests included)."""
    import nbformat
    qs = questions(nb, variant, d, prompt_markdown)
    label = ("the public variant (the book's questions)" if variant is None else
             f"the course variant «{variant}»: some questions ask about other episodes, documents or people than the chapter")
    config = (f"# ASSIGNMENT CONFIG\nname: {nb_name}\ninit_cell: true\ncheck_all_cell: true\nexport_cell: false\n"
              "run_tests: false\nsolutions_pdf: false\ntests:\n  files: false\n  ok_format: false\n"
              "generate:\n  pdf: false\n  show_stdout: true\n")
    auto = sum(q.points for q in qs if q.auto)
    manual = sum(q.points for q in qs if not q.auto)
    intro = (f"# {nb['title']} (graded)\n\n{nb['intro'].strip()}\n\nThis is {label}. Run the set-up cell first, then "
             "write your code in the cell under each question and set the variable it names. "
             "`grader.check(...)` checks the *form* of your answer and points out a known mistake; it does not say "
             f"whether the answer is right: that is decided when your notebook is graded. Auto-graded: {auto} points; "
             f"written answers, graded by your instructor: {manual} points. Restart the kernel and run all cells "
             "before you hand the notebook in.")
    cells = [_raw(config), _md(intro), _code(setup)]
    for n, q in enumerate(qs, 1):
        name = var(q.eid)
        meta = f"*Exercise `{q.eid}` · {checks.SKILLS[q.ex['skill']]} · {q.ex['difficulty']} · {q.points} point{'s' * (q.points != 1)}*"
        manual_flag = "" if q.auto else "\nmanual: true"
        cells.append(_raw(f"# BEGIN QUESTION\nname: {name}\npoints: {q.points}{manual_flag}"))
        extra = "" if q.auto else (f"\n\nWrite {q.ex.get('min_words', 80)} words or more and cite at least "
                                   f"{q.ex.get('min_docs', 1)} documents by id. Your instructor grades it against a rubric.")
        cells.append(_md(f"## {n}. {q.title}\n\n{meta}\n\n{q.prompt.strip()}{extra}"))
        cells += [_raw("# BEGIN SOLUTION"), _code(_solution_cell(q, answer_form(q.ex) if q.auto else "")), _raw("# END SOLUTION"),
                  _raw("# BEGIN TESTS")]
        cells.append(_code(_test_cell("test_form", f"feedback({q.eid!r}, {name}, {q.public_args!r})", name,
                                      hidden=False, points=0,
                                      success="The answer has the expected form; it is graded when you hand it in.")))
        if q.auto:
            cells.append(_code(_test_cell("test_grade", f"grade({q.eid!r}, {name}, {q.hidden_args!r})", name,
                                          hidden=True, points=q.points)))
        cells += [_raw("# END TESTS"), _raw("# END QUESTION")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}}
    return notebook, qs


# --- the tests that run in the graded notebooks ---
def _ex(eid: str) -> dict:
    return checks.bank()["exercises"][eid]


def _missing(value) -> bool:
    return value is Ellipsis or checks._is_missing(value) or (isinstance(value, str) and not value.strip())


def _hints(eid: str, params: dict | None) -> list[str]:
    if params and eid in variants.FAMILIES:
        return variants.FAMILIES[eid][0].hints(params)
    return _ex(eid)["hints"]


def _safely(func):
    """Whatever the answer, a test either passes or fails with a readable message (never another error)."""
    def wrapper(eid, value, params=None):
        try:
            func(eid, value, params)
        except AssertionError:
            raise
        except Exception as err:
            raise AssertionError(f"{eid}: this answer could not be read ({type(err).__name__}: {checks._short(err, 120)}).") from None
    wrapper.__doc__, wrapper.__name__ = func.__doc__, func.__name__
    return wrapper


@_safely
def feedback(eid: str, value, params: dict | None = None) -> None:
    """Public test: the answer can be read as its kind, and it is not a known mistake (never says it is right).

    The known mistakes are those of the book's question: a variant (``params`` given) is checked for form only.
    """
    ex = _ex(eid)
    if _missing(value):
        raise AssertionError(f"Replace ... with your answer: {checks.expects(ex)}. Hint: {_hints(eid, params)[0]}")
    if ex["kind"] == "written":
        result = checks._check_written(eid, ex, value)
        if not result.passed:
            raise AssertionError(result.message)
        return
    if ex["kind"] == "frame":
        _frame_problem(ex, value)
        return
    try:
        texts = checks.canonical(ex["kind"], value, ex)
    except checks.AnswerError as err:
        raise AssertionError(f"I could not read this answer: {err}. Expected {checks.expects(ex)}.") from None
    if params is None:
        for text in texts:
            hint = ex.get("mistakes", {}).get(checks.digest(ex["salt"], text))
            if hint:
                raise AssertionError(hint)
    elif eid in variants.FAMILIES:
        hint = _variant_mistake(eid, ex, set(texts), params)
        if hint:
            raise AssertionError(hint)


def _variant_mistake(eid: str, ex: dict, texts: set, params: dict) -> str | None:
    """The hint of a typical mistake of a variant's question, computed from the data (never the right answer)."""
    from .data import dataset
    family, _ = variants.FAMILIES[eid]
    d = dataset()
    right = set(checks.canonical(ex["kind"], family.expected(d, params), ex))
    for value, hint in family.mistakes(d, params):
        wrong = set(checks.canonical(ex["kind"], value, ex))
        if wrong & texts and not wrong & right:
            return hint
    return None


def _frame_problem(ex: dict, value) -> None:
    import pandas as pd
    if not isinstance(value, pd.DataFrame):
        raise AssertionError(f"That is a {checks._typename(value)}. Expected {checks.expects(ex)}.")
    frame = value.reset_index() if value.index.name in ex["columns"] else value
    missing = [c for c in ex["columns"] if c not in frame.columns]
    if missing:
        raise AssertionError(f"Your DataFrame lacks the column(s) {', '.join(missing)}. Expected {checks.expects(ex)}.")


@_safely
def grade(eid: str, value, params: dict | None = None) -> None:
    """Hidden test: passes only for a right answer (the book's key, a variant's computed value or letter)."""
    ex = _ex(eid)
    if _missing(value):
        raise AssertionError(f"{eid}: not answered.")
    if params and "order" in params:
        letter = checks.as_choice(value, params["order"])
        result = checks._check(eid, params["order"][letter])
    elif params:
        result = _check_variant(eid, ex, value, params)
    else:
        result = checks._check(eid, value)
    if not result.passed:
        raise AssertionError(f"{eid}: not right. {result.message.split(' Hint:')[0]}")


def _check_variant(eid: str, ex: dict, value, params: dict) -> checks.CheckResult:
    from .data import dataset
    family, _ = variants.FAMILIES[eid]
    want = family.expected(dataset(), params)
    if ex["kind"] == "frame":
        _frame_problem(ex, value)
        import pandas as pd
        cols = ex["columns"]
        kinds = ["date" if pd.api.types.is_datetime64_any_dtype(want[c]) else "text" for c in cols]
        frame = value.reset_index() if value.index.name in cols else value
        right = checks._frame_rows(frame, cols, kinds) == checks._frame_rows(want, cols, kinds)
        return checks.CheckResult(eid, right, "" if right else "The rows or their values are not the expected ones.")
    try:
        got = set(checks.canonical(ex["kind"], value, ex))
    except checks.AnswerError as err:
        return checks.CheckResult(eid, False, f"I could not read this answer: {err}.", "invalid")
    right = bool(got & set(checks.canonical(ex["kind"], want, ex)))
    return checks.CheckResult(eid, right, "" if right else "That is not the expected value.")


def changed_share(a: list[Question], b: list[Question]) -> float:
    """The share of auto-graded questions that differ between two variants of one notebook."""
    pairs = [(x, y) for x, y in zip(a, b) if x.auto]
    differ = sum((x.params, x.order, x.prompt) != (y.params, y.order, y.prompt) for x, y in pairs)
    return differ / len(pairs) if pairs else 1.0

