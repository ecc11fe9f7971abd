"""Graded assignments for instructors (``make assignments [VARIANT=...]``): otter-grader's own output.

    .venv/bin/python tools/make_assignments.py [--variant TEXT] [--out DIR] [NOTEBOOK ...]

For every exercise notebook of instructors/solutions.yaml (or only those named), writes an otter
master notebook (``DIR/<notebook>/master/<notebook>.ipynb``) with redrev.assignments, then runs
``otter assign`` on it into ``DIR/<notebook>/`` (``student/`` and ``autograder/``, exactly as otter
makes them). DIR defaults to _build/assignments. Without --variant: the public variant (the book's
questions). Needs the instructor extra (``pip install -e ".[instructor]"``: otter-grader).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import build_bank  # noqa: E402
from redrev import assignments  # noqa: E402
from redrev.data import dataset  # noqa: E402

OUT = ROOT / "_build" / "assignments"


def write_master(nb_name: str, nb: dict, variant: str | None, out: Path, d) -> tuple[Path, list]:
    notebook, qs = assignments.master_notebook(nb_name, nb, variant, d, setup=build_bank.SETUP,
                                               prompt_markdown=build_bank.prompt_markdown,
                                               answer_form=build_bank.answer_form)
    folder = out / nb_name
    if folder.exists():
        shutil.rmtree(folder)
    master = folder / "master" / f"{nb_name}.ipynb"
    master.parent.mkdir(parents=True)
    nbformat.write(notebook, master)
    return master, qs


def otter_assign(master: Path, result: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
           "REDREV_PROGRESS": "off"}
    done = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-pdfs", str(master), str(result)],
                          cwd=master.parent, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"otter assign failed for {master.name}:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")


def build(variant: str | None, out: Path = OUT, names: list[str] | None = None, jobs: int = 2) -> dict:
    """Write and assign every (or each named) notebook; returns a summary per notebook."""
    spec = build_bank.load()
    wanted = names or list(spec["notebooks"])
    unknown = [n for n in wanted if n not in spec["notebooks"]]
    if unknown:
        raise SystemExit(f"no exercise notebook {', '.join(unknown)}; the notebooks are {', '.join(spec['notebooks'])}")
    d = dataset()
    masters = {name: write_master(name, spec["notebooks"][name], variant, out, d) for name in wanted}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda name: otter_assign(masters[name][0], out / name), wanted))
    summary = {}
    for name, (_, qs) in masters.items():
        auto = [q for q in qs if q.auto]
        summary[name] = {"auto": len(auto), "changed": sum(q.changed for q in auto),
                         "written": len(qs) - len(auto), "points": sum(q.points for q in auto),
                         "manual_points": sum(q.points for q in qs if not q.auto)}
        # The variant's parameters (no answers), for the instructor's record.
        record = {"variant": variant, "questions": {q.eid: q.params or ({"options": q.order} if q.order else None) for q in qs}}
        (out / name / "variant.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="exercise notebooks (default: all), e.g. 03-model")
    parser.add_argument("--variant", help="a text naming the course (default: the public variant)")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: _build/assignments)")
    parser.add_argument("--jobs", type=int, default=2, help="otter assign processes at once (default: 2)")
    args = parser.parse_args(argv)
    try:
        variant = assignments.variant_name(args.variant)
    except assignments.VariantError as err:
        print(f"make assignments: {err}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    summary = build(variant, args.out.resolve(), args.notebooks, args.jobs)
    label = "public variant" if variant is None else f"variant «{variant}»"
    print(f"Assignments ({label}) in {args.out} ({time.perf_counter() - start:.1f} s):")
    for name, s in summary.items():
        print(f"  {name}: {s['auto']} auto-graded ({s['points']} points, {s['changed']} changed), "
              f"{s['written']} written ({s['manual_points']} points, graded by hand)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
