"""Benchmark of the book against its performance budgets (``make bench``). A measurement, not a test.

It never touches the checkout's own ``_build`` cache: the book is copied (without .git, .venv and
_build) into a temporary folder and built there twice:

* ``clean_build_s``: a clean build (every notebook executed), with the strict flags of ``make html``;
* ``cached_build_s``: the pages rebuilt from the execution cache (``_build/html`` removed, the
  ``.jupyter_cache`` kept: every page re-rendered, no notebook executed) -- what a rebuild after an
  edit costs at most; ``noop_build_s`` is a rebuild with nothing changed.

Then, on that fresh build:

* ``notebook_s``: each notebook of book/ and exercises/ executed on its own (nbclient, kernel start
  included, from the notebook's folder);
* ``page_bytes``: each page's HTML with the chart specs and widget state it inlines, plus its own
  images -- not the scripts and styles every page shares (``shared_bytes`` gives those, once);
* ``external_requests``: requests to anything but loopback when headless Chromium opens the page;
* ``first_chart_ms``: from navigation start to the first chart's marks on screen, headless Chromium,
  localhost, a cold browser cache each run (median of ``--runs``; the worst page's median is the key);
* ``altair_default_page_bytes``: the same page if each chart were emitted by altair's default
  renderer (its HTML snippet, same spec and inlined data, loading vega from cdn.jsdelivr.net)
  instead of ours (which adds the description and the data table); ``altair_default_cdn_bytes`` is
  what that page would also fetch from the CDN (estimated by our vendored copies of the same libraries);
* ``env_bytes``: a fresh virtual environment with ``pip install .`` of the checkout (its copy), timed
  (``--existing-env`` measures the project's .venv instead, which also has the test and lab extras).

* ``first_chart_static_ms``: from navigation start to the first chart's static image (the build's SVG,
  ``redrev.static_charts``) painted, in the same page loads (worst page's median; budget 300 ms);
* ``pdf_s``: ``tools/make_pdf.py`` printing every page and the whole book of the fresh build (budget 60 s).
* ``finder_bytes``: the document finder page (book/documents.html) with its own script, finder.js
  (budget 400 KB); ``finder_interactive_ms``: navigation start to the finder's search and filters
  working (finder.js done), headless Chromium, localhost, cold cache, median of ``--runs`` (budget 1 s).
  ``--finder-only`` measures just these two on the checkout's own ``_build/html`` (no copy, no build).
* ``ru_clean_build_s``: the clean build of the Russian edition (``tools/build_ru.py``, every notebook
  executed again in Russian, its own cache), after the English one; ``ru_page_bytes``: each Russian
  page's weight as ``page_bytes``; the Russian pages are in ``external_requests`` and
  ``first_chart_ms_by_page`` too (as ``ru/...``).

* ``assignments_s``: ``make assignments`` for every exercise notebook (a course variant, otter assign
  included; budget 60 s), and ``grade_submission_s``: ``otter run`` grading one solved notebook (needs
  the instructor extra, otter-grader; otherwise both are ``None``).

* ``suite_s``: ``make test`` on another fresh copy (as a fresh clone: its strict build included), and
  ``suite_pytest_s`` pytest's own part of it (budget 300 s); from the JupyterLab and Notebook 7 runs in
  it, ``lab_run_all_s``: each notebook's "Restart Kernel and Run All" (budget 30 s), and ``lab_rss_mb``:
  the JupyterLab server and the notebook's kernel together right after it, the largest (budget 1.5 GB).
  ``--suite-only`` measures just these (written to ``_build/bench-suite.json``); ``--skip-suite`` skips them.

Prints a table with each figure against its budget (2-core machine) and writes ``_build/bench.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from browser import CHROMIUM, CHROMIUM_ARGS, PAGE_READY, is_loopback, serve, toc_files  # noqa: E402

BUILD_FLAGS = ["-W", "-n", "--keep-going"]
BUDGETS = {"clean_build_s": 120.0, "notebook_s": 10.0, "page_bytes": 400 * 1024, "external_requests": 0,
           "first_chart_ms": 1500.0, "assignments_s": 60.0, "first_chart_static_ms": 300.0, "pdf_s": 60.0,
           "suite_pytest_s": 300.0, "lab_run_all_s": 30.0, "lab_rss_mb": 1500.0,
           "finder_bytes": 400 * 1024, "finder_interactive_ms": 1000.0}
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "_build", "__pycache__", ".ipynb_checkpoints", "*.egg-info",
                                     ".pytest_cache", ".hypothesis", "node_modules")
VENDOR = ROOT / "src" / "redrev" / "web" / "vendor"
CDN_LIBRARIES = ("vega/vega.min.js", "vega-lite/vega-lite.min.js", "vega-embed/vega-embed.min.js")

# Records when the first chart's marks are in the DOM, then the next animation frame (painted).
FIRST_CHART_PROBE = """
(() => {
  const found = () => document.querySelector('[data-redrev-chart] svg g.role-mark > *, [data-redrev-chart] canvas');
  const observer = new MutationObserver(() => {
    if (window.__firstChart === undefined && found()) {
      window.__firstChart = null;
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstChart = performance.now(); });
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""

# The same for the first static chart image (in the HTML itself, so seen as the parser inserts it).
FIRST_STATIC_PROBE = FIRST_CHART_PROBE.replace(
    "document.querySelector('[data-redrev-chart] svg g.role-mark > *, [data-redrev-chart] canvas')",
    "document.querySelector('.redrev-chart-static svg, .redrev-chart-static img')").replace("__firstChart", "__firstStatic")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_build(book: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(book / "src")}
    start = time.perf_counter()
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", str(book), "--builder", "html",
                             *BUILD_FLAGS], cwd=book, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the book does not build:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def run_ru_build(book: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(book / "src")}
    start = time.perf_counter()
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(book / "tools" / "build_ru.py")],
                            cwd=book, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the Russian edition does not build:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def time_notebooks(book: Path) -> tuple[dict[str, float], dict[str, int]]:
    import nbformat
    from nbclient import NotebookClient

    os.environ["PYTHONPATH"] = str(book / "src")   # the kernels import redrev from the copy
    times, errors = {}, {}
    notebooks = sorted(p for folder in ("book", "exercises") if (book / folder).is_dir()
                       for p in (book / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    for path in notebooks:
        name = str(path.relative_to(book))
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(path.parent)}})
        start = time.perf_counter()
        client.execute()
        times[name] = round(time.perf_counter() - start, 2)
        errors[name] = sum(1 for c in notebook.cells if c.cell_type == "code"
                           and any(o.get("output_type") == "error" for o in c.get("outputs", [])))
        log(f"  {name}: {times[name]:.1f} s" + (f" ({errors[name]} cells raised)" if errors[name] else ""))
    return times, errors


def pages_of(book: Path) -> list[str]:
    toc = __import__("yaml").safe_load((book / "_toc.yml").read_text())
    return [f"{f}.html" for f in toc_files(toc)] + ["search.html", "genindex.html"]


LOCAL_REF = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def page_weights(html_dir: Path, pages: list[str]) -> tuple[dict[str, int], int]:
    """Bytes of each page (HTML + its own images) and, once, of the shared scripts and styles."""
    weights, shared = {}, set()
    for page in pages:
        path = html_dir / page
        text = path.read_text(errors="ignore")
        own = path.stat().st_size
        for ref in LOCAL_REF.findall(text):
            if "://" in ref or ref.startswith(("mailto:", "data:")):
                continue
            target = (path.parent / ref).resolve()
            if not target.is_file() or target.suffix == ".html":
                continue
            relative = target.relative_to(html_dir.resolve()).as_posix()
            if relative.startswith("_images/"):
                own += target.stat().st_size
            elif target.suffix in (".js", ".css"):
                shared.add(target)
        weights[page] = own
    return weights, sum(p.stat().st_size for p in shared)


SNIPPET = re.compile(r'<figure class="redrev-figure".*?\n\}\)\(\);\n</script>', re.S)
SPEC = re.compile(r"var spec = (.*?);\n  var options", re.S)


def altair_default_weights(html_dir: Path, pages: list[str], weights: dict[str, int]) -> tuple[dict, dict]:
    """Each page's bytes with altair's default renderer in place of ours, and what it fetches from the CDN."""
    import altair as alt

    active = alt.renderers.active
    alt.renderers.enable("default")
    render = alt.renderers.get()
    alt.renderers.enable(active)
    cdn = sum((VENDOR / name).stat().st_size for name in CDN_LIBRARIES)
    default, fetched = {}, {}
    for page in pages:
        text = (html_dir / page).read_text(errors="ignore")
        ours = theirs = 0
        for match in SNIPPET.finditer(text):
            spec = json.loads(SPEC.search(match.group(0)).group(1))
            bundle = render(spec)
            bundle = bundle[0] if isinstance(bundle, tuple) else bundle
            ours += len(match.group(0).encode())
            theirs += len(bundle["text/html"].encode())
        default[page] = weights[page] - ours + theirs
        fetched[page] = cdn if ours else 0
    return default, fetched


def browse(html_dir: Path, pages: list[str], runs: int) -> tuple[dict[str, int], dict[str, float], dict[str, float]]:
    """External requests per page, and the median time to the first chart (and to its static image)
    of each page with charts."""
    from playwright.sync_api import sync_playwright

    external, first_chart, first_static = {}, {}, {}
    with serve(html_dir) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for page_path in pages:
            context = browser.new_context()
            page = context.new_page()
            blocked = []
            page.route("**/*", lambda route: route.continue_() if is_loopback(route.request.url)
                       else (blocked.append(route.request.url), route.abort()))
            page.goto(f"{url}/{page_path}", wait_until="load")
            page.wait_for_function(PAGE_READY, timeout=30_000)
            page.wait_for_timeout(500)
            external[page_path] = len(blocked)
            has_chart = page.locator("[data-redrev-chart]").count() > 0
            context.close()
            if not has_chart:
                continue
            samples, static_samples = [], []
            for _ in range(runs):
                context = browser.new_context()   # a cold cache each time
                page = context.new_page()
                page.add_init_script(FIRST_CHART_PROBE)
                page.add_init_script(FIRST_STATIC_PROBE)
                page.goto(f"{url}/{page_path}", wait_until="commit")
                page.wait_for_function("() => typeof window.__firstChart === 'number'", timeout=30_000)
                samples.append(page.evaluate("() => window.__firstChart"))
                static_samples.append(page.evaluate("() => window.__firstStatic"))
                context.close()
            first_chart[page_path] = round(statistics.median(samples), 1)
            if all(isinstance(v, (int, float)) for v in static_samples):
                first_static[page_path] = round(statistics.median(static_samples), 1)
            log(f"  {page_path}: first chart {first_chart[page_path]:.0f} ms (runs: {', '.join(f'{s:.0f}' for s in samples)})")
        browser.close()
    return external, first_chart, first_static


def time_pdf(html_dir: Path, out: Path) -> float:
    """``make pdf``'s printing step on the fresh build: every page and the whole book."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_pdf.py"), "--html", str(html_dir), "--out", str(out)],
                   check=True, capture_output=True)
    return round(time.perf_counter() - start, 1)


FINDER_PAGE, FINDER_SCRIPT = "book/documents.html", "reader/finder.js"
# Records when finder.js has made the finder interactive (it marks the finder .is-scripted).
FINDER_PROBE = """
(() => {
  const observer = new MutationObserver(() => {
    if (window.__finderReady === undefined && document.querySelector('.redrev-finder.is-scripted')) {
      window.__finderReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
})();
"""


def finder_metrics(html_dir: Path, runs: int) -> dict:
    """``finder_bytes`` (page + finder.js) and ``finder_interactive_ms`` (median of cold loads)."""
    from playwright.sync_api import sync_playwright

    size = (html_dir / FINDER_PAGE).stat().st_size + (html_dir / FINDER_SCRIPT).stat().st_size
    samples = []
    with serve(html_dir) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if is_loopback(route.request.url) else route.abort())
            page.add_init_script(FINDER_PROBE)
            page.goto(f"{url}/{FINDER_PAGE}", wait_until="commit")
            page.wait_for_function("() => typeof window.__finderReady === 'number'", timeout=30_000)
            samples.append(page.evaluate("() => window.__finderReady"))
            context.close()
        browser.close()
    log(f"  finder: {size / 1024:.1f} KB, interactive after {statistics.median(samples):.0f} ms "
        f"(runs: {', '.join(f'{s:.0f}' for s in samples)})")
    return {"finder_bytes": size, "finder_interactive_ms": round(statistics.median(samples), 1)}


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def environment(existing: bool, work: Path, source: Path) -> dict:
    if existing:
        venv = (ROOT / ".venv").resolve()
        return {"env_bytes": folder_bytes(venv), "env_s": None, "env_note": f"existing {venv} (with test and lab extras)"}
    target = work / "fresh-venv"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True)
    # From the temporary copy: pip builds in the source folder (build/, *.egg-info), not in the checkout.
    result = subprocess.run([str(target / "bin" / "python"), "-m", "pip", "install", "-q", str(source)],
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        log(f"pip install . failed; measuring the existing .venv instead:\n{result.stderr[-2000:]}")
        return environment(True, work, source)
    packages = target / "lib"
    biggest = sorted(((folder_bytes(p), p.name) for p in packages.glob("python*/site-packages/*") if p.is_dir()),
                     reverse=True)[:5]
    return {"env_bytes": folder_bytes(target), "env_s": round(elapsed, 1),
            "env_note": "fresh venv, pip install . (no extras) from the checkout",
            "env_largest": {name: size for size, name in biggest}}


def status(value, budget) -> str:
    if value is None:
        return "n/a"
    return "PASS" if value <= budget else "OVER"


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def report(r: dict) -> str:
    load = r["load_average"]
    lines = [f"Benchmark of the book ({r['cpu_count']} CPU cores here; budgets are for a 2-core machine; "
             f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end: timings grow with other work "
             "on the machine)", ""]
    rows = [("clean build", f"{r['clean_build_s']:.1f} s", "< 120 s", status(r["clean_build_s"], 120)),
            ("clean build, Russian edition", f"{r['ru_clean_build_s']:.1f} s", "< 120 s", status(r["ru_clean_build_s"], 120)),
            ("cached rebuild (all pages, no execution)", f"{r['cached_build_s']:.1f} s", "", ""),
            ("no-change rebuild", f"{r['noop_build_s']:.1f} s", "", ""),
            ("first chart on screen (worst page, median)",
             f"{r['first_chart_ms']:.0f} ms" if r["first_chart_ms"] is not None else "no chart",
             "< 1500 ms", status(r["first_chart_ms"], 1500)),
            ("first static chart image on screen (worst page, median)",
             f"{r['first_chart_static_ms']:.0f} ms" if r.get("first_chart_static_ms") is not None else "no image",
             "< 300 ms", status(r.get("first_chart_static_ms"), 300)),
            ("PDF edition (make pdf: every page and book.pdf)",
             f"{r['pdf_s']:.1f} s" if r.get("pdf_s") is not None else "-", "< 60 s", status(r.get("pdf_s"), 60)),
            ("external requests (all pages)", str(sum(r["external_requests"].values())), "0",
             status(sum(r["external_requests"].values()), 0)),
            ("shared scripts and styles (once)", kb(r["shared_bytes"]), "", ""),
            ("document finder (page + finder.js)", kb(r["finder_bytes"]), "< 400 KB",
             status(r["finder_bytes"], BUDGETS["finder_bytes"])),
            ("document finder interactive (median)", f"{r['finder_interactive_ms']:.0f} ms", "< 1000 ms",
             status(r["finder_interactive_ms"], BUDGETS["finder_interactive_ms"])),
            ("environment" + (f" ({r['env_note']})" if r.get("env_note") else ""),
             (f"{r['env_bytes'] / 1e6:,.0f} MB" if r["env_bytes"] else "-")
             + (f" in {r['env_s']:.0f} s" if r.get("env_s") else ""), "", ""),
            ("make assignments (all notebooks, otter assign)",
             f"{r['assignments_s']:.1f} s" if r.get("assignments_s") is not None else "-", "< 60 s",
             status(r.get("assignments_s"), 60)),
            ("grading one submission (otter run)",
             f"{r['grade_submission_s']:.1f} s" if r.get("grade_submission_s") is not None else "-", "", "")]
    width = max(len(a) for a, *_ in rows)
    lines += [f"{a:<{width}}  {b:>18}  {c:>10}  {d}" for a, b, c, d in rows]
    lines += ["", f"{'notebook':<44} {'seconds':>8}  budget  status"]
    for name, secs in r["notebook_s"].items():
        raised = r["notebook_errors"].get(name)
        lines.append(f"{name:<44} {secs:>8.1f}  < 10 s  {status(secs, 10)}" + (f"  ({raised} cells raised)" if raised else ""))
    lines += ["", f"{'page':<32} {'bytes':>11} {'budget':>9} {'status':>6} {'altair default':>15} {'ratio':>6} "
                  f"{'+ CDN':>10} {'ext.req':>7} {'first chart':>12}"]
    for page, size in r["page_bytes"].items():
        default = r["altair_default_page_bytes"][page]
        first = r["first_chart_ms_by_page"].get(page)
        lines.append(f"{page:<32} {kb(size):>11} {'< 400 KB':>9} {status(size, BUDGETS['page_bytes']):>6} "
                     f"{kb(default):>15} {size / default:>6.2f} {kb(r['altair_default_cdn_bytes'][page]):>10} "
                     f"{r['external_requests'][page]:>4} {status(r['external_requests'][page], 0):>2} "
                     f"{(f'{first:.0f} ms' if first is not None else '-'):>12}")
    lines += ["", f"{'Russian page':<32} {'bytes':>11} {'budget':>9} {'status':>6}"]
    lines += [f"{'ru/' + page:<32} {kb(size):>11} {'< 400 KB':>9} {status(size, BUDGETS['page_bytes']):>6}"
              for page, size in r["ru_page_bytes"].items()]
    total_ours = sum(r["page_bytes"].values())
    total_default = sum(r["altair_default_page_bytes"].values())
    total_cdn = sum(r["altair_default_cdn_bytes"].values())
    lines += ["", f"All pages: {kb(total_ours)} with our renderer vs {kb(total_default)} with altair's default "
                  f"(ratio {total_ours / total_default:.2f}); with the CDN scripts altair's default makes each chart page "
                  f"fetch: {kb(total_default + total_cdn)} (ratio {total_ours / (total_default + total_cdn):.2f})."]
    over = [k for k, v in r["verdict"].items() if v == "OVER"]
    lines.append("All budgets met." if not over else f"Over budget: {', '.join(over)}.")
    return "\n".join(lines)


def time_assignments(work: Path) -> dict:
    """``make assignments`` for every notebook (otter assign included), then ``otter run`` on one solved notebook."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REDREV_PROGRESS": "off"}
    try:
        import otter  # noqa: F401
    except ImportError:
        return {"assignments_s": None, "grade_submission_s": None, "assignments_note": "otter-grader not installed"}
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_assignments.py"), "--variant", "bench", "--out", str(work)],
                   env=env, check=True, capture_output=True)
    assign = time.perf_counter() - start
    folder = work / "04-azerbaijan"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(next((folder / "autograder").glob("*.zip"))),
                    "-o", str(work), str(folder / "autograder" / "04-azerbaijan.ipynb")], env=env, check=True, capture_output=True)
    return {"assignments_s": round(assign, 1), "grade_submission_s": round(time.perf_counter() - start, 1)}


def time_suite(work: Path) -> dict:
    """``make test`` in a fresh copy of the checkout; its JupyterLab and Notebook 7 measurements (lab_record.py)."""
    from lab_record import last_session

    copy = work / "suite-copy"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("REDREV_BOOK_BUILT", "REDREV_LAB_NOTEBOOKS", "PYTHONPATH")}
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test"], cwd=copy, env=env, capture_output=True, text=True)
    suite = time.perf_counter() - start
    summary = re.findall(r"=+ .*\bin ([\d.]+)s\b.* =+", done.stdout)
    runs = [r for r in last_session(copy / "_build" / "jupyterlab-runs.jsonl") if r["kind"] == "notebook"]
    lab = [r for r in runs if r["app"] == "lab"]
    return {"suite_s": round(suite, 1), "suite_pytest_s": float(summary[-1]) if summary else None,
            "suite_passed": done.returncode == 0, "suite_tail": done.stdout.splitlines()[-3:],
            "lab_run_all_s": {f"{'notebook7' if r['app'] == 'notebook' else 'lab'}:{r['notebook']}": r["run_all_s"]
                              for r in runs},
            "lab_rss_mb": max((r["server_mb"] + r["kernel_mb"] for r in lab), default=None),
            "notebook7_rss_mb": max((r["server_mb"] + r["kernel_mb"] for r in runs if r["app"] == "notebook"), default=None)}


def suite_report(r: dict) -> str:
    worst = max(r["lab_run_all_s"].values(), default=None)
    lines = [f"make test (fresh copy): {r['suite_s']:.0f} s, pytest {r['suite_pytest_s'] or 0:.0f} s (< 300 s: "
             f"{status(r['suite_pytest_s'], 300)}), {'passed' if r['suite_passed'] else 'FAILED'}: {' '.join(r['suite_tail'])}",
             f"JupyterLab server + kernel, largest: {r['lab_rss_mb'] or 0:.0f} MB (< 1500 MB: {status(r['lab_rss_mb'], 1500)}); "
             f"Notebook 7: {r['notebook7_rss_mb'] or 0:.0f} MB",
             f"Restart Kernel and Run All, slowest: {worst or 0:.1f} s (< 30 s: {status(worst, 30)})"]
    lines += [f"  {name:<52} {secs:>6.1f} s  {status(secs, 30)}" for name, secs in r["lab_run_all_s"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per chart page for first_chart_ms")
    parser.add_argument("--existing-env", action="store_true", help="measure .venv instead of a fresh pip install .")
    parser.add_argument("--skip-env", action="store_true", help="do not measure the environment")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy and print where it is")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "bench.json")
    parser.add_argument("--suite-only", action="store_true", help="only time make test (suite_s, lab_run_all_s, lab_rss_mb)")
    parser.add_argument("--skip-suite", action="store_true", help="do not time make test")
    parser.add_argument("--finder-only", action="store_true",
                        help="measure only finder_bytes and finder_interactive_ms, on the checkout's _build/html")
    args = parser.parse_args()
    if args.suite_only:
        load = os.getloadavg()[0]
        with tempfile.TemporaryDirectory(prefix="redrev-bench-") as work:
            log("make test on a fresh copy ...")
            suite = time_suite(Path(work))
        suite["load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
        out = args.out.with_name("bench-suite.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(suite, indent=1) + "\n")
        print(f"load average {suite['load_average'][0]:.1f} at the start, {suite['load_average'][1]:.1f} at the end")
        print(suite_report(suite))
        print(f"\nWritten to {out}")
        return
    if args.finder_only:
        finder = finder_metrics(ROOT / "_build" / "html", args.runs)
        print(json.dumps({k: {"value": v, "budget": BUDGETS[k], "status": status(v, BUDGETS[k])}
                          for k, v in finder.items()}, indent=1))
        return

    load_start = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="redrev-bench-"))
    book = work / "book-copy"
    try:
        shutil.copytree(ROOT, book, ignore=COPY_IGNORE, symlinks=True)
        (book / ".venv").symlink_to((ROOT / ".venv").resolve())
        log(f"clean build of a copy in {book} ...")
        clean = run_build(book)
        log(f"  {clean:.1f} s; no-change rebuild ...")
        noop = run_build(book)
        shutil.rmtree(book / "_build" / "html")
        log("  rebuild from the execution cache ...")
        cached = run_build(book)
        log("  clean build of the Russian edition ...")
        ru_clean = run_ru_build(book)
        log(f"  {ru_clean:.1f} s")
        html_dir = book / "_build" / "html"
        pages = pages_of(book)
        ru_weights, _ = page_weights(html_dir / "ru", pages)
        log("executing each notebook ...")
        notebook_s, notebook_errors = time_notebooks(book)
        weights, shared = page_weights(html_dir, pages)
        default, cdn = altair_default_weights(html_dir, pages, weights)
        log("opening the pages in headless Chromium ...")
        external, first_chart, first_static = browse(html_dir, pages + [f"ru/{p}" for p in pages], args.runs)
        log("printing the PDF edition ...")
        pdf_s = time_pdf(html_dir, work / "pdf")
        finder = finder_metrics(html_dir, args.runs)
        log("make assignments (all notebooks) and grading one submission ...")
        graded = time_assignments(work / "assignments")
        suite = {}
        if not args.skip_suite:
            log("make test on a fresh copy ...")
            suite = time_suite(work)
        env = {"env_bytes": None, "env_s": None, "env_note": "not measured (--skip-env)"}
        if not args.skip_env:
            log("measuring a fresh environment (pip install .) ...")
            shutil.rmtree(book / "_build", ignore_errors=True)
            (book / ".venv").unlink()
            env = environment(args.existing_env, work, book)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    result = {
        "cpu_count": os.cpu_count(), "load_average": [round(load_start, 2), round(os.getloadavg()[0], 2)],
        "clean_build_s": round(clean, 1), "ru_clean_build_s": round(ru_clean, 1), "ru_page_bytes": ru_weights,
        "cached_build_s": round(cached, 1), "noop_build_s": round(noop, 1),
        "notebook_s": notebook_s, "notebook_errors": notebook_errors,
        "page_bytes": weights, "shared_bytes": shared,
        "external_requests": external,
        "first_chart_ms": max(first_chart.values()) if first_chart else None,
        "first_chart_ms_by_page": first_chart,
        "first_chart_static_ms": max(first_static.values()) if first_static else None,
        "first_chart_static_ms_by_page": first_static, "pdf_s": pdf_s,
        "altair_default_page_bytes": default, "altair_default_cdn_bytes": cdn,
        "page_bytes_ratio_vs_altair_default": {p: round(weights[p] / default[p], 3) for p in pages},
        **env, **graded, **suite, **finder,
        "budgets": BUDGETS,
    }
    verdict = {"clean_build_s": status(result["clean_build_s"], BUDGETS["clean_build_s"]),
               "ru_clean_build_s": status(result["ru_clean_build_s"], BUDGETS["clean_build_s"]),
               "first_chart_ms": status(result["first_chart_ms"], BUDGETS["first_chart_ms"]),
               "external_requests": status(sum(external.values()), 0),
               "assignments_s": status(result["assignments_s"], BUDGETS["assignments_s"]),
               "first_chart_static_ms": status(result["first_chart_static_ms"], BUDGETS["first_chart_static_ms"]),
               "pdf_s": status(result["pdf_s"], BUDGETS["pdf_s"]),
               **{k: status(result[k], BUDGETS[k]) for k in finder}}
    verdict.update({f"notebook_s[{k}]": status(v, BUDGETS["notebook_s"]) for k, v in notebook_s.items()})
    verdict.update({f"page_bytes[{k}]": status(v, BUDGETS["page_bytes"]) for k, v in weights.items()})
    if suite:
        verdict.update({"suite_pytest_s": status(suite["suite_pytest_s"], BUDGETS["suite_pytest_s"]),
                        "lab_rss_mb": status(suite["lab_rss_mb"], BUDGETS["lab_rss_mb"])})
        verdict.update({f"lab_run_all_s[{k}]": status(v, BUDGETS["lab_run_all_s"]) for k, v in suite["lab_run_all_s"].items()})
    verdict.update({f"ru_page_bytes[{k}]": status(v, BUDGETS["page_bytes"]) for k, v in ru_weights.items()})
    result["verdict"] = verdict
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(report(result))
    if suite:
        print("\n" + suite_report(suite))
    print(f"\nWritten to {args.out}")


if __name__ == "__main__":
    main()
