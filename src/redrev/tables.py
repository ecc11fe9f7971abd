"""Data tables as valid, accessible HTML: ``tables.table(frame, caption=...)``.

pandas' own HTML (``DataFrame._repr_html_``, ``Styler``) writes a ``<style scoped>`` block, inline
styles, an obsolete ``border`` attribute, ``halign`` on headers and headers with no ``scope``: the
Nu HTML checker rejects the first and the last, and a screen reader cannot tie a cell to its
headers. :func:`frame_html` writes a plain table instead: an optional ``<caption>``, every header a
``<th>`` with ``scope`` (``col``, ``colgroup`` for a header spanning several columns, ``row`` for
the index), classes for the look (``redrev.css``) and no inline style, every value escaped. The
table scrolls inside a region that takes keyboard focus.

:func:`show_frames` (called by ``redrev.setup()``) makes every DataFrame a notebook displays
use it, so a chapter's ``frame`` on the last line of a cell becomes such a table.
"""
from __future__ import annotations

import html
import itertools

import numpy as np
import pandas as pd

from .i18n import tr

_ids = itertools.count(1)


def cell_text(value) -> str:
    """A value as the table shows it: missing values empty, lists joined, midnight dates as dates."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return ", ".join(cell_text(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat(sep=" ")
    if isinstance(value, (float, np.floating)):
        return np.format_float_positional(value, precision=6, trim="-")
    return str(value)


def _header_rows(columns: pd.Index) -> list[list[tuple[str, int]]]:
    """Per level of the column labels: (label, span) of each run of equal labels."""
    levels = [list(columns)] if columns.nlevels == 1 else [list(t) for t in zip(*columns)]
    rows = []
    for depth, labels in enumerate(levels):
        # A run also breaks where any higher level breaks, so a span never straddles two groups.
        keys = [tuple(level[i] for level in levels[:depth + 1]) for i in range(len(columns))]
        rows.append([(cell_text(key[-1]), len(list(group))) for key, group in itertools.groupby(keys)])
    return rows


def _visible_rows(frame: pd.DataFrame, max_rows: int | None, min_rows: int | None) -> tuple[list[int], int | None]:
    """Positions of the rows to show, and where the "…" row goes (None: every row is shown)."""
    n = len(frame)
    if not max_rows or n <= max_rows:
        return list(range(n)), None
    keep = max(2, min(min_rows or max_rows, max_rows))
    head = (keep + 1) // 2
    return list(range(head)) + list(range(n - (keep - head), n)), head


def frame_html(frame: pd.DataFrame, caption: str | None = None, *, index: bool = True,
               max_rows: int | None = None, min_rows: int | None = None) -> str:
    """A DataFrame as an HTML table with captioned, scoped headers (see the module's docstring).

    ``index=False`` leaves the index out; the first column then heads each row. With more rows
    than ``max_rows``, only the first and last of ``min_rows`` rows show, around a "…" row, and a
    line below says how many there are (pandas' ``display.max_rows`` and ``display.min_rows``).
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame_html needs a pandas DataFrame, not {type(frame).__name__}")
    numeric = [pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t) for t in frame.dtypes]
    index_names = [cell_text(n) for n in frame.index.names] if index else []
    header = _header_rows(frame.columns)
    head = []
    for depth, runs in enumerate(header):
        cells = []
        if depth == 0:
            span = f' rowspan="{len(header)}"' if len(header) > 1 else ""
            cells += [f'<th scope="col"{span}>{html.escape(n)}</th>' if n else f"<td{span}></td>" for n in index_names]
        position = 0
        for label, width in runs:
            last = depth == len(header) - 1
            attrs = ' scope="col"' if width == 1 else f' scope="colgroup" colspan="{width}"'
            if last and width == 1 and numeric[position]:
                attrs += ' class="num"'
            cells.append(f"<th{attrs}>{html.escape(label)}</th>")
            position += width
        head.append(f"<tr>{''.join(cells)}</tr>")
    shown, gap = _visible_rows(frame, max_rows, min_rows)
    body = []
    for n, position in enumerate(shown):
        if n == gap:
            width = len(index_names) + frame.shape[1]
            ellipsis = '<th scope="row">…</th>' + "<td>…</td>" * (width - 1)
            body.append(f'<tr class="redrev-frame-gap">{ellipsis}</tr>')
        labels = frame.index[position]
        labels = list(labels) if isinstance(labels, tuple) else [labels]
        cells = [f'<th scope="row">{html.escape(cell_text(v))}</th>' for v in labels] if index else []
        for column, value in enumerate(frame.iloc[position]):
            text = html.escape(cell_text(value))
            if not index and column == 0:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                cells.append(f'<td class="num">{text}</td>' if numeric[column] else f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    uid = f"redrev-frame-{next(_ids)}"
    if caption:
        label = f'aria-labelledby="{uid}-caption"'
    else:   # the scrolling region is named by its first columns
        names = [cell_text(c[-1] if isinstance(c, tuple) else c) for c in frame.columns[:3]]
        label = f'aria-label="{html.escape(tr("Table: {names}", names=", ".join(names) + (", …" if frame.shape[1] > 3 else "")))}"'
    caption_html = f'<caption id="{uid}-caption">{html.escape(caption)}</caption>' if caption else ""
    size = tr("{shown} of {rows} rows shown, {columns} columns.", shown=len(shown), rows=len(frame), columns=frame.shape[1])
    more = f'<p class="redrev-frame-size">{size}</p>' if gap is not None else ""
    return (f'<div class="redrev-frame-wrap" tabindex="0" role="region" {label}>'
            f'<table class="dataframe redrev-frame">{caption_html}<thead>{"".join(head)}</thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>{more}')


class Table:
    """A DataFrame displayed through :func:`frame_html` (in Jupyter and in the book)."""

    def __init__(self, frame: pd.DataFrame, caption: str | None = None, *, index: bool = True):
        self.frame, self.caption, self.index = frame, caption, index

    def _repr_html_(self) -> str:
        return frame_html(self.frame, self.caption, index=self.index)

    def __repr__(self) -> str:
        return (f"{self.caption}\n" if self.caption else "") + self.frame.to_string(index=self.index)


def table(frame: pd.DataFrame, caption: str | None = None, *, index: bool = True) -> Table:
    """Display ``frame`` as an accessible table, e.g. ``tables.table(view, "Stages", index=False)``."""
    frame_html(frame.head(0), caption, index=index)   # a wrong argument fails here, not at display
    return Table(frame, caption, index=index)


def _display_html(frame: pd.DataFrame) -> str:
    return frame_html(frame, max_rows=pd.get_option("display.max_rows"), min_rows=pd.get_option("display.min_rows"))


def show_frames() -> None:
    """In a running IPython, display every DataFrame with :func:`frame_html` (pandas' limits on rows kept)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, _display_html)
