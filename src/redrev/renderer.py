"""An altair renderer that needs no network, in the book and in a live notebook.

Every chart is emitted as a small HTML snippet that calls the global ``vegaEmbed``. Where that
global comes from depends on the place:

* in the built book, ``_config.yml`` loads the vendored vega, vega-lite and vega-embed scripts on
  every page (``src/redrev/web/vendor/``, shipped with the package);
* in JupyterLab, Notebook 7, VS Code and Binder, :func:`setup` displays the same scripts inline
  once per notebook (hidden from the book by the ``remove-cell`` tag of the set-up cell);
* in Colab, whose outputs are separate frames, each chart carries the scripts itself.

The snippet also carries the chart's description (announced by screen readers) and the data behind
the chart as a table, so the figure is readable without seeing it.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import json
import sys
from functools import cache
from pathlib import Path

import altair as alt

VENDOR = Path(__file__).resolve().parent / "web" / "vendor"
SCRIPTS = ("vega/vega.min.js", "vega-lite/vega-lite.min.js", "vega-embed/vega-embed.min.js")
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
TABLE_ROWS = 60
_counter = itertools.count(1)


@cache
def library_html() -> str:
    """The vendored vega scripts as inline ``<script>`` tags (about 840 KB)."""
    parts = []
    for name in SCRIPTS:
        code = (VENDOR / name).read_text(encoding="utf-8").replace("</script", "<\\/script")
        parts.append(f"<script>{code}</script>")
    return "".join(parts)


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
    columns = list(rows[0])
    label = html.escape(label)
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows[:TABLE_ROWS]
    )
    more = f"<p>First {TABLE_ROWS} of {len(rows)} rows.</p>" if len(rows) > TABLE_ROWS else ""
    return (
        '<details class="redrev-chart-data"><summary>Data behind this chart (table)</summary>'
        f'<div class="redrev-table-wrap" tabindex="0" role="region" aria-label="Data: {label}">'
        f'<table><caption>Data: {label}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>{more}</details>"
    )


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
    """HTML for one chart: container, description, data table and the embedding script."""
    digest = hashlib.sha1(_json_for_script(spec).encode()).hexdigest()[:10]
    element_id = f"redrev-chart-{digest}-{next(_counter)}"
    description = html.escape(str(spec.get("description", "")))
    title = spec.get("title")
    title_text = title.get("text") if isinstance(title, dict) else title
    label = html.escape(str(title_text or "Chart"))
    library = library_html() if inline_library else ""
    return f"""<figure class="redrev-figure" aria-label="{label}">
<div id="{element_id}" class="redrev-chart" data-redrev-chart="1"></div>
<figcaption id="{element_id}-description" class="redrev-chart-description">{description}</figcaption>
{data_table(spec, str(title_text or 'Chart'))}
</figure>{library}
<script>
(function () {{
  var spec = {_json_for_script(spec)};
  var options = {_json_for_script(EMBED_OPTIONS)};
  var target = "#{element_id}";
  var tries = 0;
  function show(message) {{
    var el = document.querySelector(target);
    if (el) {{ el.textContent = message; el.setAttribute("role", "status"); }}
  }}
  function embed() {{
    if (typeof window.vegaEmbed !== "function") {{
      if (++tries > 200) {{
        show("The chart library is not loaded: run the notebook's first (set-up) cell, then this one.");
        return;
      }}
      return setTimeout(embed, 50);
    }}
    window.vegaEmbed(target, spec, options).then(function () {{
      // Vega names its container (which also holds the filter inputs) as the graphic; name the
      // drawing itself instead: the title as its label, the visible caption as its description.
      var el = document.querySelector(target);
      var svg = el && el.querySelector("svg");
      if (!svg) return;
      ["role", "aria-roledescription", "aria-label"].forEach(function (a) {{ el.removeAttribute(a); }});
      svg.setAttribute("role", "graphics-document");
      svg.setAttribute("aria-roledescription", "chart");
      svg.setAttribute("aria-label", {_json_for_script(str(title_text or spec.get("description") or "Chart"))});
      svg.setAttribute("aria-describedby", "{element_id}-description");
    }}).catch(function (err) {{
      show("This chart could not be drawn: " + err);
      console.error(err);
    }});
  }}
  embed();
}})();
</script>"""


def in_colab() -> bool:
    return "google.colab" in sys.modules


def render(spec: dict, **_metadata) -> dict:
    """The altair renderer registered as ``redrev``."""
    return {"text/html": chart_html(hide_decorative_marks(spec), inline_library=in_colab())}


def setup() -> None:
    """Register and enable the offline renderer; in a live notebook, load the library once."""
    alt.renderers.register("redrev", render)
    alt.renderers.enable("redrev")
    if not in_colab():
        from IPython.display import HTML, display

        display(HTML(f'<div class="redrev-library" hidden></div>{library_html()}'))
