"""Helpers for the browser tests: a loopback web server, headless Debian Chromium, and the
environment's JupyterLab (or Notebook 7) on 127.0.0.1 with throw-away settings."""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) for the duration of the block; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def is_loopback(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOOPBACK


class PageWatch:
    """Blocks every non-loopback request of a page and records it, with JS errors."""

    def __init__(self, page):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def _route(self, route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


# Counts, per chart container, the drawn marks (SVG paths/shapes inside mark groups) or canvases.
COUNT_CHART_MARKS = """() => Array.from(document.querySelectorAll('[data-redrev-chart]')).map(el =>
  el.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] rect, svg g[class*="mark-"] text, canvas').length)"""


# --- accessibility, keyboard and download helpers (a11y-bench) ---
ROOT = Path(__file__).resolve().parents[1]
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
# The WCAG 2.0/2.1 level A and AA rules of axe-core.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def toc_files(toc: dict | None = None) -> list[str]:
    """Every document the Jupyter Book ``_toc.yml`` lists (root, parts, chapters, sections), in order."""
    import yaml

    if toc is None:
        toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files: list[str] = []

    def walk(entry):
        if isinstance(entry, dict):
            for key in ("root", "file"):
                if key in entry:
                    files.append(entry[key])
            for key in ("parts", "chapters", "sections"):
                for child in entry.get(key) or []:
                    walk(child)
        elif isinstance(entry, list):
            for child in entry:
                walk(child)

    walk(toc)
    return [f.removesuffix(".md").removesuffix(".ipynb") for f in files]


def book_pages() -> list[str]:
    """Every page of the built site: the table of contents' documents, the search page and the index."""
    return [f"{f}.html" for f in toc_files()] + ["search.html", "genindex.html"]


def edition_pages() -> list[str]:
    """Every page of every edition: the English one at the site root, then the Russian one under ``ru/``."""
    from redrev.editions import EDITIONS

    return [f"{folder}{page}" for _name, folder in EDITIONS.values() for page in book_pages()]


def source_suffix(docname: str) -> str:
    """The suffix of a table-of-contents document's source file (``.md`` or ``.ipynb``)."""
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{docname}{suffix}").is_file():
            return suffix
    return ""


# True once every chart drew its marks and every widget view is on the page.
PAGE_READY = """() => {
  const charts = Array.from(document.querySelectorAll('[data-redrev-chart]'));
  const drawn = charts.every(el => el.querySelector('svg g.role-mark > *, canvas'));
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  return drawn && (views === 0 || document.querySelectorAll('.jupyter-widgets').length > 0);
}"""


def open_page(page, url: str, *, timeout: int = 15_000) -> None:
    """Go to a page and wait until its charts and widgets are drawn."""
    page.goto(url, wait_until="load")
    page.wait_for_function(PAGE_READY, timeout=timeout)
    page.wait_for_timeout(200)


def set_colour_mode(context, mode: str) -> None:
    """Make every page of a browser context open in the theme's ``light`` or ``dark`` mode."""
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")


def run_axe(page, tags=WCAG_AA_TAGS, open_details: bool = True) -> list[dict]:
    """axe-core's violations of the given rule tags on the current page (hidden ``<details>`` opened first)."""
    if open_details:
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
             const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
             return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))}));
           }""", tags)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}: {n['summary'].splitlines()[-1].strip() if n['summary'] else ''}")
    return "\n".join(lines)


# Data marks (not axes, legends or titles) drawn inside the chart that contains an element.
COUNT_DATA_MARKS = """(el) => el.closest('[data-redrev-chart]').querySelectorAll('svg g.role-mark > *').length"""

# Links of the book's own site a reader downloads: the data zip, the page's source notebook, data files.
DOWNLOAD_LINKS = """() => Array.from(document.querySelectorAll(
    'a[download], a.btn-download-source-button, a.redrev-download, a[href$=".zip"], a[href$=".ipynb"], a[href$=".csv"]'))
  .filter(a => a.origin === location.origin)   // launch buttons (Binder, Colab...) are not downloads
  .map(a => ({href: a.href, text: (a.textContent || '').trim(), cls: a.className}))"""


def tab_until(page, predicate: str, limit: int) -> bool:
    """Press Tab until the JS ``predicate(document.activeElement)`` holds (at most ``limit`` times)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return True
    return False
# --- JupyterLab (tests/test_jupyterlab.py) ---

@contextlib.contextmanager
def jupyter_lab(root_dir: Path, *, python_path: Path, venv: Path, app: str = "lab", extra_args=(),
                timeout: float = 60):
    """Run the environment's JupyterLab (``app="notebook"``: Notebook 7) on 127.0.0.1, a free port,
    for the block; yield a LabServer.

    Nothing of the user's Jupyter set-up is read or written: the configuration, data, runtime,
    settings and workspaces folders (and IPython's) are temporary. The server is told to fetch
    nothing (no news, no update check, a read-only extension manager), and its kernels import the
    package from ``python_path`` (then from any PYTHONPATH already set). The server and its
    kernels are stopped at the end.
    """
    home = Path(tempfile.mkdtemp(prefix="redrev-lab-"))
    dirs = {name: home / sub for name, sub in [
        ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"), ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "settings"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "matplotlib")]}
    for folder in dirs.values():
        folder.mkdir(parents=True)
    (dirs["JUPYTER_CONFIG_DIR"] / "jupyter_server_config.json").write_text(json.dumps({
        "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                   "extension_manager": "readonly", "expose_app_in_browser": True},
        "JupyterNotebookApp": {"expose_app_in_browser": True},
        "ServerApp": {"open_browser": False},
    }))
    # The front end's own switches: no news, no update check, no first-run prompts.
    notification = dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    token = secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.update({k: str(v) for k, v in dirs.items()})
    env.update({"PYTHONPATH": os.pathsep.join(filter(None, [str(python_path), os.environ.get("PYTHONPATH")])),
                "JUPYTER_PLATFORM_DIRS": "1",
                # Any HTTP client that honours proxies would fail at once instead of going out.
                "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
                "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
                "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"})
    log = open(home / "server.log", "w+")
    start = {"lab": [str(venv / "bin" / "jupyter"), "lab"], "notebook": [str(venv / "bin" / "python"), "-m", "notebook"]}
    cmd = [*start[app], "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
           "--ServerApp.port=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}", *extra_args]
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    lab = None
    try:
        info = _server_info(dirs["JUPYTER_RUNTIME_DIR"], server, log, timeout)
        lab = LabServer(url=f"http://127.0.0.1:{info['port']}", token=token, root=Path(root_dir),
                        home=home, log_path=home / "server.log", env=env, app=app, pid=server.pid)
        yield lab
    finally:
        _stop(server, lab)
        log.close()
        shutil.rmtree(home, ignore_errors=True)


@dataclasses.dataclass
class LabServer:
    url: str
    token: str
    root: Path
    home: Path
    log_path: Path
    env: dict
    app: str = "lab"
    pid: int = 0

    def api(self, path: str, method: str = "GET", body=None, timeout: float = 10):
        request = urllib.request.Request(
            f"{self.url}/{path.lstrip('/')}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text else None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def shut_down_kernels(lab: LabServer) -> None:
    """End the sessions (and so the kernels) a test opened, so the next test has the CPU."""
    try:
        for session in lab.api("api/sessions") or []:
            lab.api(f"api/sessions/{session['id']}", method="DELETE")
    except OSError:
        pass


def _server_info(runtime: Path, server: subprocess.Popen, log, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    info_file = runtime / f"jpserver-{server.pid}.json"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"JupyterLab exited with {server.returncode}:\n{log.read()[-4000:]}")
        if info_file.exists():
            try:
                info = json.loads(info_file.read_text())
                with urllib.request.urlopen(f"http://127.0.0.1:{info['port']}/api/status?token={info['token']}",
                                            timeout=5):
                    return info
            except (ValueError, OSError):
                pass
        time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"JupyterLab did not start within {timeout:.0f} s:\n{log.read()[-4000:]}")


def _stop(server: subprocess.Popen, lab: LabServer | None) -> None:
    """Stop the server and its kernels: the shutdown API (which stops the kernels first), then
    SIGTERM and, if need be, SIGKILL to the server's own process id."""
    if lab is not None and server.poll() is None:
        with contextlib.suppress(OSError, ValueError):
            lab.api("api/shutdown", method="POST", body={})
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=20)
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


# In a JupyterLab page (served with LabApp.expose_app_in_browser): the notebook panel of a path.
LAB_HELPERS = r"""() => {
  if (window.__redrev) { return; }
  const app = window.jupyterapp;
  function panel(path) {
    for (const w of app.shell.widgets('main')) {
      if (w.context && w.context.path === path && w.content && w.sessionContext) { return w; }
    }
    return null;
  }
  function withTimeout(promise, ms, what) {
    return Promise.race([promise, new Promise((_, reject) =>
      setTimeout(() => reject(new Error(what + ' took longer than ' + ms + ' ms')), ms))]);
  }
  // Per chart: drawn marks (SVG shapes or canvas), or the message the chart shows instead.
  function charts(root) {
    return Array.from(root.querySelectorAll('[data-redrev-chart]')).map(el => ({
      marks: el.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] rect, canvas').length,
      status: el.getAttribute('role') === 'status' ? el.textContent : null,
    }));
  }
  // What the marks of one chart look like now: which there are, where, and how they are painted
  // (a filter changes the first two, a highlight the third).
  const GEOMETRY = ['transform', 'd', 'x', 'y', 'width', 'height'];
  const PAINT = ['fill', 'stroke', 'opacity', 'fill-opacity', 'stroke-opacity', 'stroke-width'];
  function signature(el, geometry = true) {
    const attrs = geometry ? GEOMETRY.concat(PAINT) : PAINT;
    return Array.from(el.querySelectorAll('svg g.role-mark')).map(g => g.childElementCount + ':' +
      Array.from(g.children).map(c => attrs.map(a => c.getAttribute(a) || '').join(',')).sort().join(';')).join('|');
  }
  // The signature once it has stopped changing (a chart sized to its container may lay out twice).
  async function settled(el, geometry = true) {
    let last = signature(el, geometry);
    for (let i = 0; i < 50; i++) {
      await new Promise(r => setTimeout(r, 250));
      const now = signature(el, geometry);
      if (now === last) { return now; }
      last = now;
    }
    return last;
  }
  function cells(path) {
    const p = panel(path);
    return p.content.widgets.map((cell, index) => {
      const m = cell.model, outputs = m.type === 'code' ? m.outputs.toJSON() : [];
      return {index, type: m.type, source: m.sharedModel.getSource(),
              count: m.type === 'code' ? m.executionCount : null, outputs};
    });
  }
  window.__redrev = {app, panel, withTimeout, charts, signature, settled, cells};
}"""


def lab_notebook_url(lab: LabServer, path: str, workspace: str) -> str:
    """Opens one notebook in a fresh workspace of its own (no tab of an earlier test comes back);
    in Notebook 7, on its own page."""
    if lab.app == "notebook":
        return f"{lab.url}/notebooks/{path}?token={lab.token}"
    return f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?reset&token={lab.token}"
