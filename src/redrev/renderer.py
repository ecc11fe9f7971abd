"""An altair renderer that needs no network, in the book and in a live notebook.

One renderer for every place: each chart is emitted as ``text/html`` (a figure with the chart's
description and its data as a table, then a small script that calls the global ``vegaEmbed``).
Altair 6 writes Vega-Lite 6, which JupyterLab 4 and Notebook 7 do not render natively, and their
``text/html`` outputs run inline scripts in the page, so the global is all a chart needs. Where it
comes from depends on the place:

* in the built book, ``_config.yml`` loads the vendored vega, vega-lite and vega-embed scripts on
  every page (``src/redrev/web/vendor/``, shipped with the package);
* in JupyterLab, Notebook 7, VS Code and Binder, :func:`setup` (the hidden first cell of every
  notebook) displays the same scripts once per notebook, compressed (about 375 KB instead of
  840 KB in the saved notebook) and unpacked by the browser; charts drawn before the library is
  ready wait for it;
* in Colab, whose outputs are separate frames, each chart carries the (compressed) scripts itself.

The scripts are evaluated with ``define``, ``module``, ``exports`` and ``require`` hidden, so that
an AMD loader in the page (RequireJS in classic Notebook 6 / nbclassic, the loaders of VS Code's
notebook webview) cannot capture them: they always set the globals ``vega``, ``vegaLite`` and
``vegaEmbed``.

A notebook saved with outputs and opened untrusted shows the description and the data table
and, in place of the chart, a line saying how to draw it (the scripts are stripped).
"""
from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import re
import sys
import zlib
from functools import cache
from pathlib import Path

import altair as alt

from . import static_charts
from .i18n import RU, is_ru, label, tr
from .tables import show_frames

VENDOR = Path(__file__).resolve().parent / "web" / "vendor"
STYLES = Path(__file__).resolve().parent / "web" / "static" / "redrev.css"
SCRIPTS = ("vega/vega.min.js", "vega-lite/vega-lite.min.js", "vega-embed/vega-embed.min.js")
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
TABLE_ROWS = 60
READY_EVENT = "redrev:vega-ready"
BINDING_PX = 29   # the height of one of vega's filter inputs below a chart (the theme's font)
PENDING_TEXT = ("The chart is drawn in the browser: run this notebook (its set-up cell first) or trust it "
                "to see it. Its description and data table follow.")
_counter = itertools.count(1)


@cache
def library_html() -> str:
    """The vendored vega scripts as inline ``<script>`` tags, uncompressed (about 840 KB)."""
    parts = []
    for name in SCRIPTS:
        code = (VENDOR / name).read_text(encoding="utf-8").replace("</script", "<\\/script")
        parts.append(f"<script>{code}</script>")
    return "".join(parts)


@cache
def library_version() -> str:
    """What is vendored, e.g. ``vega 6.4.0, vega-lite 6.5.0, vega-embed 7.3.0`` (from the vendor README)."""
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"^\| `(vega(?:-lite|-embed)?)/` \| [^|]+ \| ([^ |]+) \|", readme, flags=re.M)
    return ", ".join(f"{name} {version}" for name, version in found) or "unknown"


@cache
def _library_payload() -> str:
    """The three scripts, joined and deflated (zlib), in base64: what :func:`loader_html` unpacks."""
    code = "\n;\n".join((VENDOR / name).read_text(encoding="utf-8") for name in SCRIPTS)
    return base64.b64encode(zlib.compress(code.encode("utf-8"), 9)).decode("ascii")


@cache
def loader_html() -> str:
    """One ``<script>`` that unpacks the vendored library into the page (about 375 KB).

    It runs once per page: a second copy (the set-up cell run again, another notebook open in the
    same JupyterLab) sees the same version loaded or loading and does nothing. When the globals
    are set it fires the ``redrev:vega-ready`` event, which charts waiting for the library listen to.
    """
    version = _json_for_script(library_version())
    return f"""<script>
(function () {{
  var w = window, version = {version}, event = {_json_for_script(READY_EVENT)};
  var state = w.redrevVega;
  if (state && state.version === version && (state.loading || typeof w.vegaEmbed === "function")) {{ return; }}
  state = w.redrevVega = {{version: version, loading: true, error: null}};
  function done(error) {{
    state.loading = false;
    state.error = error ? String(error) : null;
    if (error) {{ console.error("redrev: the chart library could not be loaded:", error); }}
    w.dispatchEvent(new Event(event));
  }}
  if (typeof w.DecompressionStream !== "function") {{
    return done("this browser cannot unpack it (no DecompressionStream); use a current browser");
  }}
  var packed = "{_library_payload()}";
  try {{
    var bytes = Uint8Array.from(atob(packed), function (c) {{ return c.charCodeAt(0); }});
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    new Response(stream).text().then(function (code) {{
      // Hide any AMD/CommonJS loader of the page so that the UMD bundles set the globals.
      var text = "(function (define, module, exports, require) {{\\n" + code + "\\n}}).call(window);";
      try {{  // pages that enforce Trusted Types (VS Code's webview may) take the text through a policy
        if (w.trustedTypes && w.trustedTypes.createPolicy) {{
          text = w.trustedTypes.createPolicy("redrev-vega", {{createScript: function (t) {{ return t; }}}}).createScript(text);
        }}
      }} catch (err) {{ /* no policy allowed: the plain text may still be */ }}
      var script = document.createElement("script");
      script.text = text;
      (document.head || document.documentElement).appendChild(script);
      script.remove();
      done(typeof w.vegaEmbed === "function" ? null : "vegaEmbed is missing after loading");
    }}).catch(done);
  }} catch (err) {{ done(err); }}
}})();
</script>"""


@cache
def styles_html() -> str:
    """The module's styles (figures, data tables, source cards), as in the book."""
    return f"<style>{STYLES.read_text(encoding='utf-8')}</style>" if STYLES.exists() else ""


def _json_for_script(obj) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def data_table(spec: dict, label: str = "Chart") -> str:
    """The first inline dataset of a chart spec as an accessible HTML table.

    The table scrolls inside a named region that takes keyboard focus, so it can be scrolled
    without a mouse (axe ``scrollable-region-focusable``).
    """
    datasets = spec.get("datasets") or {}
    rows = next(iter(datasets.values()), None)
    if not rows:
        return ""
    columns = [c for c in rows[0] if not str(c).endswith("__ru")]
    data_label = html.escape(tr("Data: {label}", label=label))
    head = "".join(f'<th scope="col">{html.escape(column_name(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell_text(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows[:TABLE_ROWS]
    )
    more = (f"<p>{html.escape(tr('First {shown} of {n} rows.', shown=TABLE_ROWS, n=len(rows)))}</p>"
            if len(rows) > TABLE_ROWS else "")
    return (
        f'<details class="redrev-chart-data"><summary>{html.escape(tr("Data behind this chart (table)"))}</summary>'
        f'<div class="redrev-table-wrap" tabindex="0" role="region" aria-label="{data_label}">'
        f'<table><caption>{data_label}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>{more}</details>"
    )


def column_name(name) -> str:
    """A data column's header: the field name, or its Russian name in Russian."""
    return tr("col:" + str(name)) if is_ru() and "col:" + str(name) in RU else str(name)


def cell_text(value) -> str:
    """A table cell; in Russian, a vocabulary value of the data ('telegram') by its Russian name."""
    text = _cell(value)
    return label(text) if is_ru() and text and label(text) != text.replace("_", " ") else text


def hide_decorative_marks(spec):
    """Mark layers that encode no data (a base map, a background band) as hidden from screen readers.

    Vega gives every mark container an ARIA role; Vega-Lite names it from the mark's encodings, so a
    layer with none (e.g. ``mark_geoshape(fill=...)`` for land and sea) would be an unnamed graphic
    (axe ``svg-img-alt``). Such a layer carries no information: ``aria: false`` hides it. A layer
    inheriting its parent's encoding, or with ``aria`` set already, is left alone. Returns a copy.
    """
    def walk(node, inherited: bool):
        if isinstance(node, list):
            return [walk(n, inherited) for n in node]
        if not isinstance(node, dict):
            return node
        encoded = inherited or bool(node.get("encoding"))
        out = {k: (walk(v, encoded) if k in ("layer", "hconcat", "vconcat", "concat", "spec") else v)
               for k, v in node.items()}
        mark = node.get("mark")
        if mark is not None and not encoded:
            mark = {"type": mark} if isinstance(mark, str) else dict(mark)
            mark.setdefault("aria", False)
            out["mark"] = mark
        return out

    return walk(spec, False)


def _cell(value) -> str:
    return "" if value is None else str(value)


def chart_html(spec: dict, inline_library: bool = False) -> str:
    """HTML for one chart: container, description, data table and the embedding script.

    The script finds its container next to itself (``document.currentScript``), so two views of
    the same output each get their chart; it draws at once when ``vegaEmbed`` is there (the book)
    and otherwise waits for the library's ready event (a notebook whose set-up output is still
    being unpacked). After a few seconds with no library in sight it says so, and still draws if
    the library arrives later.
    """
    digest = hashlib.sha1(_json_for_script(spec).encode()).hexdigest()[:10]
    element_id = f"redrev-chart-{digest}-{next(_counter)}"
    description = html.escape(str(spec.get("description", "")))
    title = spec.get("title")
    title_text = title.get("text") if isinstance(title, dict) else title
    label = html.escape(str(title_text or tr("Chart")))
    library = loader_html() if inline_library else ""
    image = static_charts.svg(spec, str(title_text or spec.get("description") or tr("Chart"))) if static_charts.enabled() else ""
    if image:
        _, height = static_charts.size(image)
        box = (f'<div class="redrev-chart-box" style="min-height: {height:.0f}px">'
               f'<div class="redrev-chart-static">{image}</div>'
               f'<div id="{element_id}" class="redrev-chart" data-redrev-chart="1"></div></div>')
    else:
        box = (f'<div id="{element_id}" class="redrev-chart" data-redrev-chart="1">'
               f'<p class="redrev-chart-pending">{html.escape(tr(PENDING_TEXT))}</p></div>')
    bindings = sum(1 for p in spec.get("params", []) if isinstance(p, dict) and p.get("bind"))
    return f"""<figure class="redrev-figure" aria-label="{label}">
{box}
{data_table(spec, str(title_text or tr('Chart')))}
<figcaption id="{element_id}-description" class="redrev-chart-description">{description}</figcaption>
</figure>{library}
<script>
(function () {{
  var spec = {_json_for_script(spec)};
  var options = {_json_for_script(EMBED_OPTIONS)};
  var id = "{element_id}", event = {_json_for_script(READY_EVENT)};
  var here = document.currentScript && document.currentScript.parentNode;
  var el = (here && here.querySelector && here.querySelector("#" + id)) || document.getElementById(id);
  var drawn = false, timer = null;
  if (!el) {{ return; }}
  var box = el.parentNode.classList.contains("redrev-chart-box") ? el.parentNode : null;
  if (box) {{
    // The static image holds the place; the interactive chart adds its filter inputs below it.
    box.style.minHeight = (box.firstChild.offsetHeight + {bindings} * {BINDING_PX}) + "px";
  }}
  function show(message) {{
    if (drawn || box) {{ return; }}
    el.textContent = message;
    el.setAttribute("role", "status");
  }}
  function name(svg) {{
    // Vega names its container (which also holds the filter inputs) as the graphic; name the
    // drawing itself instead: the title as its label, the visible caption as its description.
    ["role", "aria-roledescription", "aria-label"].forEach(function (a) {{ el.removeAttribute(a); }});
    svg.setAttribute("role", "graphics-document");
    svg.setAttribute("aria-roledescription", {_json_for_script(tr("chart"))});
    svg.setAttribute("aria-label", {_json_for_script(str(title_text or spec.get("description") or tr("Chart")))});
    svg.setAttribute("aria-describedby", "{element_id}-description");
  }}
  function draw() {{
    if (drawn || typeof window.vegaEmbed !== "function") {{ return false; }}
    drawn = true;
    clearTimeout(timer);
    window.removeEventListener(event, onReady);
    el.textContent = "";
    el.removeAttribute("role");
    window.vegaEmbed(el, spec, options).then(function () {{
      var svg = el.querySelector("svg");
      if (svg) {{ name(svg); }}
      if (box) {{ box.classList.add("redrev-chart-drawn"); }}
    }}).catch(function (err) {{
      el.textContent = {_json_for_script(tr("This chart could not be drawn: "))} + err;
      el.setAttribute("role", "status");
      console.error(err);
    }});
    return true;
  }}
  function onReady() {{
    if (!draw() && window.redrevVega && window.redrevVega.error) {{
      show({_json_for_script(tr("The chart library could not be loaded: "))} + window.redrevVega.error);
    }}
  }}
  if (draw()) {{ return; }}
  if (!box) {{ el.textContent = {_json_for_script(tr("Loading the chart…"))}; }}
  window.addEventListener(event, onReady);
  var loading = window.redrevVega && window.redrevVega.loading;
  timer = setTimeout(function () {{
    show({_json_for_script(tr("The chart library is not loaded: run the notebook's first (set-up) cell, then this one."))});
  }}, loading ? 60000 : 4000);
}})();
</script>"""


def in_colab() -> bool:
    return "google.colab" in sys.modules


def render(spec: dict, **_metadata) -> dict:
    """The altair renderer registered as ``redrev``."""
    return {"text/html": chart_html(hide_decorative_marks(spec), inline_library=in_colab())}


def setup() -> None:
    """Register and enable the offline renderer; in a live notebook, load the library once.

    The library output is about 375 KB (compressed): once per notebook, not once per chart.
    DataFrames are displayed as the module's accessible tables (:func:`redrev.tables.show_frames`).
    """
    alt.renderers.register("redrev", render)
    alt.renderers.enable("redrev")
    show_frames()
    if not in_colab():
        from IPython.display import HTML, display

        display(HTML(f'<div class="redrev-library" hidden></div>{styles_html()}{loader_html()}'))
