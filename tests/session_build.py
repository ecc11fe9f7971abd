"""One strict build of the book per test session, shared by every pytest-xdist worker.

``make test`` builds the book before pytest starts and says so with ``REDREV_BOOK_BUILT=1``: then the
build is only checked to be there. Otherwise (pytest run by hand) the first worker to ask builds it with
``make html`` while the others wait on a lock; they then reuse its result, failure included.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

MADE_BY_MAKE = "REDREV_BOOK_BUILT"


def _lock_path(root: Path, target: str) -> Path:
    # Outside _build: `make html` may delete _build (a clean rebuild) while the lock is held.
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"redrev-build-{digest}-{target}.lock"


def _session_id() -> str:
    """The same for every worker of one pytest-xdist run; the process otherwise."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


def build_once(root: Path, target: str = "html") -> tuple[bool, str]:
    """``make <target>`` unless this session already did (or, for html, make test did); return (succeeded,
    output). Another make target (a PDF, say) is built once per session the same way."""
    html = root / "_build" / "html"
    if target == "html" and os.environ.get(MADE_BY_MAKE) == "1":
        if (html / "index.html").is_file():
            return True, ""
        return False, f"{MADE_BY_MAKE}=1 says make built the book, but {html / 'index.html'} is missing"
    return run_once(root, target, [["make", "--no-print-directory", target]])


def run_once(root: Path, name: str, commands: list[list[str]]) -> tuple[bool, str]:
    """Run ``commands`` in ``root`` (stopping at the first failure) once per session under the lock
    ``name``: the other workers wait, then reuse the result, failure included."""
    with open(_lock_path(root, name), "a+", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        lock.seek(0)
        try:
            record = json.loads(lock.read() or "{}")
        except ValueError:
            record = {}
        if record.get("session") != _session_id():
            record = {"session": _session_id(), "ok": True, "output": ""}
            for command in commands:
                done = subprocess.run(command, cwd=root, capture_output=True, text=True)
                if done.returncode != 0:
                    record.update(ok=False, output=f"{' '.join(command)}:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
                    break
            lock.seek(0)
            lock.truncate()
            lock.write(json.dumps(record))
            lock.flush()
    return record["ok"], record["output"]
