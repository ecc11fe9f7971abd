"""A static SVG of each chart, drawn at build time from the same Vega-Lite spec (vl-convert).

The book build sets ``REDREV_STATIC_CHARTS=1`` (:mod:`redrev.sphinxext`); the renderer then puts
this image in each chart's box, where a reader with JavaScript off, a printer or a saved page
sees it, and the interactive chart covers it once vega has drawn. Live notebooks never pay for it.

The image is searchable text, not pixels. Its marks lose their per-point ARIA labels (the data
table beside the chart carries the same values) so that a page stays light; the image as a whole
is one ``role="img"`` named by the chart's title. Its ids get a prefix of their own, so that two
charts on a page never share a clip path.
"""
from __future__ import annotations

import hashlib
import html
import os
import re

ENV = "REDREV_STATIC_CHARTS"
# The width (px) of the book's text column, where a ``width="container"`` chart is drawn: the
# theme's article at a desktop window, and an A4 page less its print margins (178 mm).
WIDTH = 672
_MARK_ARIA = re.compile(r' (?:aria-label|aria-roledescription|aria-hidden|role)="[^"]*"')
_DECIMALS = re.compile(r"(\d+\.\d{2})\d+")
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"')


def enabled() -> bool:
    """True while the book is being built (the Sphinx extension sets the variable)."""
    return os.environ.get(ENV) == "1"


def _fixed_width(spec: dict) -> dict:
    """The spec with ``width: "container"`` made the text column's width, axes and legend included
    (as vega fits a chart to its container in the browser)."""
    if spec.get("width") != "container":
        return spec
    autosize = spec.get("autosize") or {"type": "fit-x", "contains": "padding"}
    return {**spec, "width": WIDTH, "autosize": autosize}


def _vl_version(spec: dict) -> str:
    import vl_convert as vlc

    found = re.search(r"/v(\d+)\.(\d+)", str(spec.get("$schema", "")))
    known = vlc.get_vegalite_versions()
    if not found:
        return known[-1]
    major, minor = int(found.group(1)), int(found.group(2))
    same_major = [v for v in known if int(v.split(".")[0]) == major and int(v.split(".")[1]) <= minor]
    return same_major[-1] if same_major else known[-1]


def svg(spec: dict, label: str) -> str:
    """The chart as an inline ``<svg>``: text kept as text, one accessible name, ids of its own."""
    import vl_convert as vlc

    spec = _fixed_width(spec)
    drawing = vlc.vegalite_to_svg(spec, vl_version=_vl_version(spec))
    drawing = _DECIMALS.sub(r"\1", _MARK_ARIA.sub("", drawing))
    prefix = "s" + hashlib.sha1(drawing.encode()).hexdigest()[:8] + "-"
    drawing = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}\1"', drawing)
    drawing = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}\1)", drawing)
    drawing = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}\1"', drawing)
    name = html.escape(label)
    opening = _SVG_OPEN.search(drawing).group(0)
    return drawing.replace(opening, opening[:-1] + f' role="img" aria-label="{name}" focusable="false">', 1)


def size(drawing: str) -> tuple[float, float]:
    """Width and height (px) of a drawn ``<svg>``."""
    found = _SIZE.search(drawing)
    return (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)
