"""The benchmark's page parsing keeps up with the renderer (else the altair comparison silently breaks)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import redrev
from redrev import charts, renderer

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "tools" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_finds_every_chart_and_its_spec(tmp_path):
    bench = load_bench()
    data = redrev.dataset()
    specs = [charts.documents_timeline(data.documents).to_dict(), charts.stage_overview(data.stages).to_dict()]
    page = "<html><body><p>text</p>" + "".join(
        f'<div class="output text_html">{renderer.chart_html(s)}</div>' for s in specs) + "</body></html>"
    (tmp_path / "p.html").write_text(page)
    found = [json.loads(bench.SPEC.search(m.group(0)).group(1)) for m in bench.SNIPPET.finditer(page)]
    assert found == specs
    weights, _ = bench.page_weights(tmp_path, ["p.html"])
    default, cdn = bench.altair_default_weights(tmp_path, ["p.html"], weights)
    assert weights["p.html"] == len(page.encode())
    assert 0 < default["p.html"] < weights["p.html"]        # no description or data table
    assert cdn["p.html"] > 500_000                           # vega, vega-lite, vega-embed


def test_jsonschema_grammar_module_skipped():
    """redrev keeps jsonschema from compiling rfc3987_syntax's grammar (seconds per kernel)."""
    import subprocess
    import sys

    code = "import redrev, sys, altair; print(sys.modules.get('rfc3987_syntax', 'absent'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "src")}, check=True).stdout.strip()
    assert out in ("None", "absent")
