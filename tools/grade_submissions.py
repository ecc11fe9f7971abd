"""Grade a folder of submitted notebooks with ``otter run`` (no Docker) into one CSV of scores.

    .venv/bin/python tools/grade_submissions.py _build/assignments/04-azerbaijan SUBMISSIONS/ [--timeout 300]

Each ``*.ipynb`` in SUBMISSIONS is graded on its own by ``otter run`` against the assignment's
autograder zip, with a time limit; a notebook that does not finish, or that otter cannot grade,
gets a row of zeros and the reason, and the rest of the class is still graded. Writes
``SUBMISSIONS/scores.csv`` (one row per notebook, one column per question, ``total``, ``message``).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def grade_one(zip_file: Path, submission: Path, timeout: float) -> tuple[dict[str, float], str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
           "REDREV_PROGRESS": "off"}
    with tempfile.TemporaryDirectory() as out:
        try:
            done = subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(zip_file), "-o", out, str(submission)],
                                  env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {}, f"not graded: the notebook did not finish within {timeout:g} s"
        results = Path(out) / "results.json"
        if done.returncode != 0 or not results.is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return {}, f"not graded: otter run failed ({last[:200]})"
        tests = json.loads(results.read_text())["tests"]
        return {t["name"]: float(t["score"]) for t in tests if "score" in t}, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment", type=Path, help="an assignment folder, e.g. _build/assignments/04-azerbaijan")
    parser.add_argument("submissions", type=Path, help="a folder of submitted .ipynb files")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per notebook (default 300)")
    args = parser.parse_args(argv)
    zips = sorted((args.assignment / "autograder").glob("*-autograder_*.zip"))
    notebooks = sorted(args.submissions.glob("*.ipynb"))
    if not zips:
        print(f"grade_submissions: no autograder zip in {args.assignment / 'autograder'}; run make assignments first",
              file=sys.stderr)
        return 2
    if not notebooks:
        print(f"grade_submissions: no .ipynb files in {args.submissions}", file=sys.stderr)
        return 2
    rows, questions = [], []
    for nb in notebooks:
        scores, message = grade_one(zips[-1], nb, args.timeout)
        questions += [q for q in scores if q not in questions]
        rows.append((nb.name, scores, message))
        print(f"{nb.name}: {sum(scores.values()):g} points{' (' + message + ')' if message else ''}")
    target = args.submissions / "scores.csv"
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["submission", *questions, "total", "message"])
        for name, scores, message in rows:
            writer.writerow([name, *(f"{scores.get(q, 0):g}" for q in questions), f"{sum(scores.values()):g}", message])
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
