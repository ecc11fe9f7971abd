"""Shared fixtures: the strictly built book, a loopback server and headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book with the README's strict command (cached execution keeps a rebuild fast)."""
    result = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"strict book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return HTML


@pytest.fixture(scope="session")
def pdf_edition(built_book) -> Path:
    """``make pdf``'s printing step, once per session: _build/pdf (and _build/html/pdf)."""
    result = subprocess.run([sys.executable, "tools/make_pdf.py"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"make pdf failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return ROOT / "_build" / "pdf"


@pytest.fixture(scope="session")
def site(built_book):
    with serve(built_book) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (`.ci/run` does) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# --- JupyterLab (tests/test_jupyterlab.py) ---

LAB_COPY_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".ipynb_checkpoints",
                                         ".pytest_cache", ".hypothesis", "*.egg-info")


@pytest.fixture(scope="module")
def lab_root(tmp_path_factory) -> Path:
    """A copy of the repository for JupyterLab to serve: autosaves and checkpoints never touch the checkout."""
    root = tmp_path_factory.mktemp("lab") / "repo"
    shutil.copytree(ROOT, root, ignore=LAB_COPY_IGNORE)
    return root


@pytest.fixture(scope="module")
def lab(lab_root):
    """The environment's JupyterLab on 127.0.0.1, isolated from the user's settings; stopped after the module."""
    from browser import jupyter_lab

    with jupyter_lab(lab_root, python_path=lab_root / "src", venv=ROOT / ".venv") as server:
        yield server


@pytest.fixture
def lab_page(browser, lab):
    """A fresh browser context on the JupyterLab server; its kernels are shut down afterwards."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
    from browser import shut_down_kernels

    shut_down_kernels(lab)


@pytest.fixture(scope="module")
def notebook7(lab_root):
    """Notebook 7 from the project's environment, like ``lab``; skipped (saying why) where it is not installed."""
    from browser import jupyter_lab

    probe = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c",
                            "import notebook; assert notebook.__version__.split('.')[0] == '7'"],
                           capture_output=True, text=True)
    if probe.returncode:
        pytest.skip("Notebook 7 is not installed in the project's environment (`pip install notebook` there, "
                    "or put an install on PYTHONPATH, to run this test)")
    with jupyter_lab(lab_root, python_path=lab_root / "src", venv=ROOT / ".venv", app="notebook") as server:
        yield server
