"""What the JupyterLab and Notebook 7 runs measure, kept for ``make bench``: per notebook, the time of
"Restart Kernel and Run All" and the memory of the server and of the notebook's kernel right after it.

Each run appends one JSON line to ``_build/jupyterlab-runs.jsonl``, tagged with the test session (the same
for every pytest-xdist worker), so that a session's lines are read back together.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import psutil

RECORD = Path(__file__).resolve().parents[1] / "_build" / "jupyterlab-runs.jsonl"
MB = 2 ** 20


def session_id() -> str:
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


def memory_mb(pid: int) -> tuple[float, float]:
    """Resident memory of the server process and, together, of its child processes (the kernels)."""
    server = psutil.Process(pid)
    children = 0
    for child in server.children(recursive=True):
        try:
            children += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return server.memory_info().rss / MB, children / MB


def record(entry: dict, path: Path = RECORD) -> None:
    """Append one measurement (a single write of one line: workers may append at the same time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"session": session_id(), "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"), **entry})
    with open(path, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def record_server(server) -> None:
    """The server's memory at the end of the session, after every notebook it ran (kernels shut down)."""
    server_mb, kernels_mb = memory_mb(server.pid)
    record({"kind": "server", "app": server.app, "server_mb": round(server_mb, 1), "kernels_mb": round(kernels_mb, 1)})


def last_session(path: Path = RECORD) -> list[dict]:
    """The lines of the latest session in the file."""
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if lines and line["session"] == lines[-1]["session"]]
