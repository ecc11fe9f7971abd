"""Forms and tables (WCAG H63, H43, H32): every data table ties each cell to its headers, and every
self-check question is a real form with a visible submit button that Enter and a click both use.

The browser tests open every page of the built site (every HTML file under _build/html, both
editions) in headless Chromium; :mod:`redrev.tables` is also tested on its own.
"""
from __future__ import annotations

import pandas as pd
import pytest

import redrev
from browser import PageWatch, open_page
from redrev import tables
from redrev.selfcheck import chapters

# Per data table of the page: the cells (and header cells) with no header association.
UNTIED_CELLS = r"""() => {
  const SCOPES_COL = ['col', 'colgroup'], SCOPES_ROW = ['row', 'rowgroup'];
  const out = [];
  let checked = 0;
  document.querySelectorAll('table').forEach((table, t) => {
    if (['presentation', 'none'].includes(table.getAttribute('role'))) { return; }
    checked += 1;
    const name = (table.caption && table.caption.textContent.trim().slice(0, 60)) || `table ${t + 1}`;
    const grid = [], where = new Map();
    Array.from(table.rows).forEach((row, r) => {
      grid[r] = grid[r] || [];
      let c = 0;
      for (const cell of row.cells) {
        while (grid[r][c]) { c += 1; }
        for (let i = 0; i < (cell.rowSpan || 1); i++) {
          for (let j = 0; j < (cell.colSpan || 1); j++) { (grid[r + i] = grid[r + i] || [])[c + j] = cell; }
        }
        where.set(cell, {r, c, span: cell.colSpan || 1});
        c += cell.colSpan || 1;
      }
    });
    const ths = table.querySelectorAll('th');
    if (ths.length === 0) { out.push(`${name}: a data table with no header cells`); return; }
    ths.forEach(th => {
      const scope = th.getAttribute('scope');
      const named = th.id && table.querySelector(`[headers~="${CSS.escape(th.id)}"]`);
      if (!SCOPES_COL.concat(SCOPES_ROW).includes(scope) && !named) {
        out.push(`${name}: header "${th.textContent.trim().slice(0, 30)}" has no scope`);
      }
    });
    const isHeader = (cell, scopes) => cell && cell.tagName === 'TH' && scopes.includes(cell.getAttribute('scope'));
    table.querySelectorAll('td').forEach(td => {
      if (td.closest('thead')) { return; }          // the blank corner above row headers
      if (td.hasAttribute('headers')) {
        const ids = td.getAttribute('headers').split(/\s+/).filter(Boolean);
        if (!ids.length || !ids.every(id => { const h = document.getElementById(id); return h && h.tagName === 'TH'; })) {
          out.push(`${name}: cell "${td.textContent.trim().slice(0, 30)}" names headers that are not there`);
        }
        return;
      }
      const {r, c, span} = where.get(td);
      let tied = false;
      for (let rr = 0; rr < r && !tied; rr++) {
        for (let cc = c; cc < c + span; cc++) { if (isHeader(grid[rr][cc], SCOPES_COL)) { tied = true; } }
      }
      for (let cc = 0; cc < c && !tied; cc++) { if (isHeader(grid[r][cc], SCOPES_ROW)) { tied = true; } }
      if (!tied) { out.push(`${name}: cell "${td.textContent.trim().slice(0, 30)}" (row ${r + 1}, column ${c + 1}) has no header`); }
    });
  });
  return {checked, untied: out};
}"""

# Per self-check question: what a reader sees of its form.
SELFCHECK_FORMS = """() => Array.from(document.querySelectorAll('.redrev-selfcheck fieldset')).map(fs => {
  const form = fs.closest('form');
  const buttons = form ? Array.from(form.querySelectorAll('button[type=submit], input[type=submit]')) : [];
  return {inForm: !!form, buttons: buttons.length,
          label: buttons.length ? buttons[0].textContent.trim() : ''};
})"""


def pages(html):
    """Every page of the built site; the root redirect page (no content of its own) is left out."""
    return [p for p in sorted(html.rglob("*.html"))
            if "_static" not in p.relative_to(html).parts and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def test_every_data_table_ties_cells_to_headers(site, page, built_book):
    watch = PageWatch(page)
    checked, problems = 0, {}
    for path in pages(built_book):
        rel = path.relative_to(built_book).as_posix()
        open_page(page, f"{site}/{rel}")
        result = page.evaluate(UNTIED_CELLS)
        checked += result["checked"]
        if result["untied"]:
            problems[rel] = result["untied"][:10]
    assert not problems, f"cells not tied to headers: {problems}"
    assert checked >= 30, f"only {checked} tables found: is the book built?"
    assert not watch.blocked and not watch.errors, (watch.blocked, watch.errors)


def test_the_table_check_finds_an_untied_cell(page):
    """The check above can fail: a pandas-style table without scope is reported, ours is not."""
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    page.set_content(f"<main>{frame.to_html()}{tables.frame_html(frame, 'Ours')}</main>")
    result = page.evaluate(UNTIED_CELLS)
    assert result["checked"] == 2
    assert result["untied"] and all(p.startswith("table 1:") for p in result["untied"]), result


def test_every_selfcheck_is_a_form_with_a_visible_button_enter_and_click_submit(site, page, built_book):
    watch = PageWatch(page)
    questions = 0
    for path in pages(built_book):
        rel = path.relative_to(built_book).as_posix()
        open_page(page, f"{site}/{rel}")
        forms = page.evaluate(SELFCHECK_FORMS)
        questions += len(forms)
        assert all(f["inForm"] and f["buttons"] == 1 and f["label"] for f in forms), (rel, forms)
        for form in page.locator(".redrev-selfcheck form").all():
            button = form.locator("button[type=submit]")
            button.scroll_into_view_if_needed()
            assert button.is_visible() and (button.bounding_box() or {}).get("height", 0) >= 16, rel
            feedback = form.locator(".redrev-sc-feedback")
            text = form.locator("input[type=text]")
            if text.count():       # Enter in the answer field submits
                text.fill("1")
                text.press("Enter")
            else:                  # Enter on a chosen option submits
                option = form.locator("input[type=radio]").first
                option.check()
                option.press("Enter")
            assert feedback.get_attribute("data-result") in ("correct", "wrong", "invalid"), (rel, "Enter")
            page.evaluate("(el) => el.removeAttribute('data-result')", feedback.element_handle())
            button.click()     # and so does the button
            assert feedback.get_attribute("data-result") in ("correct", "wrong", "invalid"), (rel, "click")
    assert questions >= 2 * len(chapters()), questions
    assert not watch.blocked and not watch.errors, (watch.blocked, watch.errors)


# --- redrev.tables on its own ------------------------------------------------------------------

def test_frame_html_scopes_headers_and_escapes():
    frame = pd.DataFrame({"name": ["<b>Lenin</b>", "Stalin"], "sent": [3, 1]}, index=pd.Index(["lenin", "stalin"], name="id"))
    out = tables.frame_html(frame, "Senders & receivers")
    assert '<caption id="' in out and "Senders &amp; receivers" in out and "aria-labelledby=" in out
    assert '<th scope="col">id</th>' in out and '<th scope="col" class="num">sent</th>' in out
    assert '<th scope="row">lenin</th>' in out and "&lt;b&gt;Lenin&lt;/b&gt;" in out and "<b>" not in out
    assert "style" not in out and "border" not in out and "halign" not in out


def test_frame_html_without_index_heads_rows_with_the_first_column():
    out = tables.frame_html(pd.DataFrame({"stage": ["1. Coup"], "status": ["documented"]}), index=False)
    assert '<th scope="row">1. Coup</th><td>documented</td>' in out and ">0<" not in out
    assert 'aria-label="Table: stage, status"' in out


def test_frame_html_groups_multiindex_columns():
    frame = pd.DataFrame([[1, 2, 3]], columns=pd.MultiIndex.from_tuples([("am", "date"), ("am", "status"), ("ge", "date")]))
    out = tables.frame_html(frame)
    assert '<th scope="colgroup" colspan="2">am</th><th scope="col">ge</th>' in out
    assert out.count('scope="col" class="num">date</th>') == 2


def test_frame_html_truncates_like_pandas():
    frame = pd.DataFrame({"n": range(100)})
    out = tables.frame_html(frame, max_rows=60, min_rows=10)
    assert out.count("<tr>") == 1 + 10 and "redrev-frame-gap" in out and "10 of 100 rows shown" in out
    assert '<th scope="row">4</th>' in out and '<th scope="row">95</th>' in out and '<th scope="row">50</th>' not in out
    assert "rows shown" not in tables.frame_html(frame.head(60), max_rows=60, min_rows=10)


def test_cell_text():
    assert tables.cell_text(None) == "" and tables.cell_text(float("nan")) == "" and tables.cell_text(pd.NaT) == ""
    assert tables.cell_text(["a", "b"]) == "a, b" and tables.cell_text([]) == ""
    assert tables.cell_text(pd.Timestamp("1920-04-27")) == "1920-04-27"
    assert tables.cell_text(pd.Timestamp("1920-04-27 02:10")) == "1920-04-27 02:10:00"
    assert tables.cell_text(2.0) == "2" and tables.cell_text(0.1234567) == "0.123457"


def test_table_rejects_what_is_not_a_frame():
    with pytest.raises(TypeError, match="needs a pandas DataFrame, not Series"):
        tables.table(pd.Series([1, 2]))


def test_setup_makes_notebooks_show_frames_as_tables():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        redrev.setup()
        data, _ = shell.display_formatter.format(pd.DataFrame({"a": [1]}))
    finally:
        InteractiveShell.clear_instance()
    assert 'class="dataframe redrev-frame"' in data["text/html"] and "<style" not in data["text/html"]
