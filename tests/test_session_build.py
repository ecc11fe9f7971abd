"""The book is built once per test session, however many pytest-xdist workers ask for it (session_build.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ASK = f"""import json, sys; sys.path.insert(0, {str(TESTS)!r})
from pathlib import Path
from session_build import build_once
print(json.dumps(build_once(Path(sys.argv[1]))))"""


def ask_together(root: Path, session: str, workers: int = 3) -> list[tuple[bool, str]]:
    env = {k: v for k, v in os.environ.items() if k != "REDREV_BOOK_BUILT"} | {"PYTEST_XDIST_TESTRUNUID": session}
    procs = [subprocess.Popen([sys.executable, "-c", ASK, str(root)], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(workers)]
    return [tuple(json.loads(p.communicate(timeout=60)[0])) for p in procs]


def test_workers_of_one_session_share_one_build(tmp_path):
    (tmp_path / "Makefile").write_text("html:\n\tsleep 1; echo built >> builds\n")
    assert all(ok for ok, _ in ask_together(tmp_path, "session-1"))
    assert (tmp_path / "builds").read_text().splitlines() == ["built"]
    assert all(ok for ok, _ in ask_together(tmp_path, "session-2"))     # the next session builds again
    assert (tmp_path / "builds").read_text().splitlines() == ["built", "built"]


def test_a_failed_build_fails_every_worker_once(tmp_path):
    (tmp_path / "Makefile").write_text("html:\n\techo tried >> builds; echo 'broken reference' >&2; exit 1\n")
    answers = ask_together(tmp_path, "session-1")
    assert [ok for ok, _ in answers] == [False] * 3
    assert all("broken reference" in output for _, output in answers)
    assert (tmp_path / "builds").read_text().splitlines() == ["tried"]


def test_after_make_the_build_is_only_checked(tmp_path, monkeypatch):
    from session_build import build_once

    monkeypatch.setenv("REDREV_BOOK_BUILT", "1")
    ok, message = build_once(tmp_path)
    assert not ok and "index.html" in message and "is missing" in message
    (tmp_path / "_build" / "html").mkdir(parents=True)
    (tmp_path / "_build" / "html" / "index.html").write_text("<html></html>")
    assert build_once(tmp_path) == (True, "")
