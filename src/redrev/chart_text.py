"""A chart spec in the reader's language: every title, axis, legend, tooltip and drop-down label.

The charts are written in English; in Russian (:func:`redrev.i18n.get_language`) :func:`localise`
looks up each text a reader sees in the message table and shows the vocabulary values of the data
(countries, document types, statuses...) by their Russian names: one label expression for every
legend, one for the axes (in the chart's config), and calculated fields for the tooltips. The data themselves keep their ids, so filters, scales and sorting are
unchanged.
"""
from __future__ import annotations

import copy
import json

import altair as alt

from .i18n import RU, label, tr

# Fields whose values are the data's vocabulary ('telegram', 'azerbaijan'...): tooltips show their names.
VOCABULARY_FIELDS = {"country", "type", "kind", "status", "precision", "table", "direction", "stance",
                     "channel", "group", "flag", "question", "role"}
AXES = {"x", "y"}
LEGENDS = {"color", "fill", "stroke", "shape", "opacity", "fillOpacity", "strokeDash", "size"}


_names: dict[str, str] = {}  # the Russian names of the vocabulary values in the chart being localised


def _vocab_expr(ref: str) -> str:
    """A Vega expression naming ``ref``'s value in Russian (itself when it has no Russian name)."""
    return f"({json.dumps(_names, ensure_ascii=False, sort_keys=True)}[{ref}] || {ref})"


def _vocabulary(datasets: dict) -> dict[str, str]:
    """Russian names of the short string values in the chart's data ('direct_wire' -> 'прямой провод')."""
    values = {v for rows in datasets.values() for row in rows for v in row.values()
              if isinstance(v, str) and len(v) < 40}
    return {v: label(v) for v in sorted(values) if label(v) != v.replace("_", " ")}


def _text(value):
    if isinstance(value, str):
        return tr(value)
    if isinstance(value, list):
        return [tr(v) if isinstance(v, str) else v for v in value]
    return value


def _channel(name: str, enc: dict) -> dict:
    enc = dict(enc)
    if "title" in enc:
        enc["title"] = _text(enc["title"])
    if isinstance(enc.get("condition"), dict) and "title" in enc["condition"]:
        enc["condition"] = {**enc["condition"], "title": _text(enc["condition"]["title"])}
    guide_key = "axis" if name in AXES else "legend" if name in LEGENDS else None
    if guide_key is None:
        return enc
    guide = enc.get(guide_key, {})
    if guide is None:
        return enc
    guide = dict(guide)
    if "title" in guide:
        guide["title"] = _text(guide["title"])
    if isinstance(guide.get("labelExpr"), str) and guide["labelExpr"].startswith("{"):
        guide["labelExpr"] = _localise_mapping(guide["labelExpr"])
    elif guide_key == "legend" and "labelExpr" not in guide:
        guide["labelExpr"] = _vocab_expr("datum.label")
    if guide:
        enc[guide_key] = guide
    return enc


def _localise_mapping(expr: str) -> str:
    """``{"a": "English"}[datum.label] || datum.label`` with the English labels in Russian."""
    mapping, rest = expr.split("}", 1)
    table = json.loads(mapping + "}")
    return json.dumps({k: tr(v) for k, v in table.items()}, ensure_ascii=False) + rest.replace(
        "|| datum.label", "|| " + _vocab_expr("datum.label"))


def _tooltip(entries, calc: list):
    out = []
    for entry in entries if isinstance(entries, list) else [entries]:
        entry = {"field": entry} if isinstance(entry, str) else dict(entry)
        field = entry.get("field")
        title = entry.get("title", field)
        if title is not None:
            entry["title"] = tr("col:" + title) if "col:" + title in RU else tr(title)
        if field in VOCABULARY_FIELDS:
            calc.append({"calculate": _vocab_expr(f"datum['{field}']"), "as": f"{field}__ru"})
            entry["field"] = f"{field}__ru"
        out.append(entry)
    return out


def _walk(node):
    if isinstance(node, list):
        return [_walk(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    calc: list = []
    for key, val in node.items():
        if key == "encoding" and isinstance(val, dict):
            enc = {}
            for ch, spec in val.items():
                if ch == "tooltip":
                    enc[ch] = _tooltip(spec, calc)
                elif isinstance(spec, dict):
                    enc[ch] = _channel(ch, spec)
                else:
                    enc[ch] = spec
            # Channels of one field share one legend: give them the same labels (vega-lite merges them).
            legends = [spec for ch, spec in enc.items() if ch in LEGENDS and isinstance(spec, dict)]
            for spec in legends:
                first = next(o for o in legends if o.get("field") == spec.get("field"))
                if spec is not first and isinstance(first.get("legend"), dict):
                    spec["legend"] = {**(spec.get("legend") or {}), "labelExpr": first["legend"]["labelExpr"]}
            out[key] = enc
        elif key == "bind" and isinstance(val, dict):
            out[key] = {k: (tr(v.rstrip()) + " " if k == "name" and isinstance(v, str) else
                            [label(x) if isinstance(x, str) else x for x in v] if k == "labels" else v)
                        for k, v in val.items()}
        elif key == "title" and isinstance(val, dict):
            out[key] = {k: (_text(v) if k in ("text", "subtitle") else v) for k, v in val.items()}
        elif key in ("title", "description") and isinstance(val, (str, list)):
            out[key] = _text(val)
        elif key in ("datasets", "data"):
            out[key] = val
        else:
            out[key] = _walk(val)
    if calc:
        seen = {c.get("as") for c in out.get("transform", [])}
        out["transform"] = list(out.get("transform", [])) + [c for c in calc if c["as"] not in seen]
    return out


class LocalisedChart:
    """A chart whose spec is fixed with its texts in Russian; it displays and exports like the chart."""

    def __init__(self, chart: alt.TopLevelMixin, spec: dict):
        self._chart, self._spec = chart, spec

    def to_dict(self, *args, **kwargs) -> dict:
        return copy.deepcopy(self._spec)

    def to_json(self, *args, indent: int = 2, **kwargs) -> str:
        return json.dumps(self._spec, indent=indent, ensure_ascii=False)

    def _repr_mimebundle_(self, *args, **kwargs):
        renderer = alt.renderers.get()
        return renderer(self.to_dict()) if renderer else {}

    def __getattr__(self, name):
        return getattr(self._chart, name)


def localise(chart: alt.TopLevelMixin) -> LocalisedChart:
    """The chart with its texts in Russian."""
    spec = chart.to_dict()
    _names.clear()
    _names.update(_vocabulary(spec.get("datasets", {})))
    spec = _walk(spec)
    if _names:
        # Axes name the data's vocabulary values in Russian (an axis's own labelExpr wins).
        config = spec.setdefault("config", {})
        config.setdefault("axis", {}).setdefault("labelExpr", _vocab_expr("datum.label"))
    return LocalisedChart(chart, spec)
