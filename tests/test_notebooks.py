"""Notebooks are committed clean; nbval (``--nbval-lax``, see pyproject) executes each one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for folder in ("book", "exercises") for p in (ROOT / folder).glob("*.ipynb"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 10


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_without_outputs(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    dirty = [n for n, c in enumerate(cells) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert dirty == [], f"cells with outputs or execution counts: {dirty} (clear them before committing)"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.parent.name == "book"], ids=lambda p: p.name)
def test_chapter_starts_with_hidden_setup(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first_code = next(c for c in cells if c["cell_type"] == "code")
    assert "redrev.setup()" in "".join(first_code["source"])
    assert "remove-cell" in first_code.get("metadata", {}).get("tags", [])
