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
    """The book built with the README's strict command, once per session for all workers (session_build.py)."""
    from session_build import build_once

    ok, output = build_once(ROOT)
    assert ok, f"strict book build failed:\n{output}"
    return HTML


@pytest.fixture(scope="session")
def pdf_edition(built_book) -> Path:
    """``make pdf``'s printing step, once per session for all workers: _build/pdf (and _build/html/pdf)."""
    from session_build import run_once

    editions = [[]] + ([["--html", str(HTML / "ru"), "--out", str(ROOT / "_build" / "pdf" / "ru")]]
                       if (HTML / "ru").is_dir() else [])
    ok, output = run_once(ROOT, "pdf", [[sys.executable, "tools/make_pdf.py", *edition] for edition in editions])
    assert ok, f"make pdf failed:\n{output}"
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


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """A copy of the repository for JupyterLab to serve: autosaves and checkpoints never touch the checkout."""
    root = tmp_path_factory.mktemp("lab") / "repo"
    shutil.copytree(ROOT, root, ignore=LAB_COPY_IGNORE)
    return root


@pytest.fixture(scope="session")
def lab(lab_root):
    """The environment's JupyterLab on 127.0.0.1, isolated from the user's settings: one per worker, stopped
    at the end of the session (its memory then is recorded, lab_record.py)."""
    from browser import jupyter_lab
    from lab_record import record_server

    with jupyter_lab(lab_root, python_path=lab_root / "src", venv=ROOT / ".venv") as server:
        yield server
        record_server(server)


@pytest.fixture(scope="session")
def lab_context(browser):
    """The browser context of every JupyterLab and Notebook 7 page of a worker: each test opens a page of
    its own (its own scripts and state), and the front end's files come from the shared HTTP cache."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


@pytest.fixture
def lab_page(lab_context, lab):
    """A fresh page on the JupyterLab server; its kernels are shut down afterwards."""
    from browser import shut_down_kernels

    page = lab_context.new_page()
    yield page
    page.close()
    shut_down_kernels(lab)


@pytest.fixture(scope="session")
def notebook7(lab_root):
    """Notebook 7 (test extra) from the project's environment, like ``lab``: one per worker."""
    from browser import jupyter_lab
    from lab_record import record_server

    probe = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c",
                            "import notebook; assert notebook.__version__.split('.')[0] == '7'"],
                           capture_output=True, text=True)
    if probe.returncode:
        pytest.fail("Notebook 7 is not installed in the project's environment: it is in the test extra "
                    "(`make test` installs it; or `.venv/bin/pip install -e '.[test]'`)")
    with jupyter_lab(lab_root, python_path=lab_root / "src", venv=ROOT / ".venv", app="notebook") as server:
        yield server
        record_server(server)


@pytest.fixture
def notebook7_page(lab_context, notebook7):
    """A fresh page on the Notebook 7 server; its kernels are shut down afterwards."""
    from browser import shut_down_kernels

    page = lab_context.new_page()
    yield page
    page.close()
    shut_down_kernels(notebook7)
