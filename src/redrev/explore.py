"""Interactive exploration in a live kernel (ipywidgets), plus widgets that also work in the page."""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from .cards import card_html
from .charts import documents_timeline
from .i18n import tr

ANY = "(any)"


def filter_documents(documents: pd.DataFrame, *, case=None, stage=None, type=None, sender=None,
                     recipient=None, start=None, end=None, text=None) -> pd.DataFrame:
    """Documents matching every given criterion; ``None`` means no restriction.

    ``start``/``end`` bound the date (inclusive); ``text`` is searched, ignoring case, in the
    Russian quotation, the English translation and the summary.
    """
    keep = pd.Series(True, index=documents.index)
    if case:
        keep &= documents["case"] == case
    if stage:
        keep &= documents["stage"] == int(stage)
    if type:
        keep &= documents["type"] == type
    if sender:
        keep &= documents["senders"].map(lambda ids: sender in ids)
    if recipient:
        keep &= documents["recipients"].map(lambda ids: recipient in ids)
    if start is not None:
        keep &= documents["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= documents["date"] <= pd.Timestamp(end)
    if text:
        needle = text.casefold()
        haystack = (documents["quote_ru"].fillna("") + " " + documents["quote_en"].fillna("") + " "
                    + documents["summary_en"].fillna("") + " " + documents["summary_ru"].fillna("")).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return documents[keep.fillna(False).astype(bool)]


def _options(values) -> list[tuple[str, str]]:
    """A drop-down's (label, value) choices: "(any)" in the current language (its value stays ``ANY``), then the values."""
    return [(tr(ANY), ANY), *((v, v) for v in sorted({str(v) for v in values if isinstance(v, str) or pd.notna(v)}))]


def explorer(data) -> w.Widget:
    """Filters (episode, stage, type, sender, recipient, date range, text) over a live table and chart.

    Needs a running kernel: its callbacks are Python. The static book shows the Vega-Lite filters
    of :func:`redrev.charts.documents_timeline` instead.
    """
    docs = data.documents
    people_ids = sorted({p for ids in docs["senders"] for p in ids} | {p for ids in docs["recipients"] for p in ids})
    months = pd.period_range(docs["date"].min(), docs["date"].max(), freq="M")
    controls = {
        "case": w.Dropdown(options=_options(docs["case"]), description=tr("Episode")),
        "stage": w.Dropdown(options=_options(docs["stage"].astype("string")), description=tr("Stage")),
        "type": w.Dropdown(options=_options(docs["type"]), description=tr("Type")),
        "sender": w.Dropdown(options=_options(people_ids), description=tr("Sender")),
        "recipient": w.Dropdown(options=_options(people_ids), description=tr("Recipient")),
        "months": w.SelectionRangeSlider(options=[(str(m), m) for m in months], index=(0, len(months) - 1),
                                         description=tr("Months"), layout=w.Layout(width="32em")),
        "text": w.Text(placeholder=tr("a word in the quotation or summary"), description=tr("Search")),
    }
    count = w.HTML()
    table = w.Output()
    chart = w.Output()

    def update(_change=None):
        chosen = {k: (None if c.value == ANY else c.value) for k, c in controls.items() if k not in ("months",)}
        first, last = controls["months"].value
        found = filter_documents(docs, **chosen, start=first.start_time, end=last.end_time)
        count.value = "<p role='status'>" + tr("{n} of {total} documents match.", n=len(found), total=len(docs)) + "</p>"
        table.clear_output()
        chart.clear_output()
        with table:
            from IPython.display import HTML, display
            display(HTML("".join(card_html(row, data.people) for _, row in found.head(20).iterrows())
                         or "<p>" + tr("No document matches.") + "</p>"))
        with chart:
            if len(found.dropna(subset=["date"])):
                display(documents_timeline(found))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return w.VBox([w.HBox([controls["case"], controls["stage"], controls["type"]]),
                   w.HBox([controls["sender"], controls["recipient"]]),
                   controls["months"], controls["text"], count, chart, table])


def source_tabs(documents: pd.DataFrame, people: pd.DataFrame, ids: list[str]) -> w.Tab:
    """One tab per document card. Switching tabs needs no kernel, so it works in the page too."""
    rows = documents.set_index("id", drop=False)
    tabs = w.Tab(children=[w.HTML(card_html(rows.loc[i], people)) for i in ids])
    for n, i in enumerate(ids):
        tabs.set_title(n, html.escape(i))
    return tabs
