"""The Binder environment (requirements.txt, as repo2docker installs it) works from a fresh venv."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_fresh_binder_environment_runs_a_chapter(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
                             cwd=ROOT, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    where = subprocess.run([str(python), "-c", "import redrev, sys; print(redrev.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert str(venv) in where.stdout, "redrev must come from the Binder environment, not the checkout"
    chapter = ROOT / "book" / "04-azerbaijan.ipynb"
    out = tmp_path / "executed.ipynb"
    run = subprocess.run([str(venv / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.timeout=120", "--output", str(out), str(chapter)],
                         cwd=chapter.parent, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "redrev-chart" in out.read_text(encoding="utf-8")
