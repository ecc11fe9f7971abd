/* Red Revolutions document finder (book/documents.html): search, filters, sorting, a live count,
 * one card per address (#D017) and two records side by side (#compare-D075-D068).
 * The page is complete without this script (the full table and every card, from redrev/finder.py);
 * the script reads the table's data-* attributes and the JSON in #redrev-finder-data. */
(function () {
  "use strict";
  var root = document.querySelector(".redrev-finder");
  if (!root) { return; }
  var data = JSON.parse(document.getElementById("redrev-finder-data").textContent);
  var T = data.text;
  var form = root.querySelector(".redrev-finder-controls");
  var count = document.getElementById("rf-count");
  var tbody = root.querySelector(".redrev-finder-table tbody");
  var rows = Array.prototype.slice.call(tbody.rows);
  var total = rows.length;
  var compare = document.getElementById("rf-compare");
  var fill = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  };
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ё/g, "е");
  }
  function entry(id) { var el = document.getElementById(id); return el && el.classList.contains("redrev-finder-entry") ? el : null; }

  /* The search text of a row: its cells, its card (quotations), and every form of its people's names. */
  rows.forEach(function (row) {
    var card = entry(row.getAttribute("data-id"));
    var people = (row.getAttribute("data-senders") + " " + row.getAttribute("data-recipients")).split(" ");
    var names = people.map(function (p) { return data.names[p] || p; }).join(" ");
    row._search = fold([row.textContent, card ? card.textContent : "", names].join(" "));
  });

  function value(name) { return form.elements[name].value; }
  function matches(row) {
    var terms = fold(value("q")).replace(/[«»"“”„]/g, " ").split(/\s+/).filter(Boolean);   /* quotation marks around a word do not count */
    for (var i = 0; i < terms.length; i++) { if (row._search.indexOf(terms[i]) < 0) { return false; } }
    var attr = function (a) { return row.getAttribute(a) || ""; };
    var has = function (a, v) { return (" " + attr(a) + " ").indexOf(" " + v + " ") >= 0; };
    if (value("episode") && attr("data-episode") !== value("episode")) { return false; }
    if (value("type") && attr("data-type") !== value("type")) { return false; }
    if (value("basis") && attr("data-basis") !== value("basis")) { return false; }
    if (value("sender") && !has("data-senders", value("sender"))) { return false; }
    if (value("recipient") && !has("data-recipients", value("recipient"))) { return false; }
    var flag = value("flag");
    if (flag === "any" && !attr("data-flags")) { return false; }
    if (flag && flag !== "any" && !has("data-flags", flag)) { return false; }
    var from = value("from"), to = value("to");
    if ((from || to) && !attr("data-start")) { return false; }
    if (from && attr("data-end") < from) { return false; }
    if (to && attr("data-start") > to) { return false; }
    return true;
  }
  var announceTimer = null;
  function apply(now) {
    var shown = 0;
    rows.forEach(function (row) { var ok = matches(row); row.hidden = !ok; if (ok) { shown++; } });
    var message = fill(T.count, { n: shown, total: total }) + (shown ? "" : " " + T.nothing);
    clearTimeout(announceTimer);
    /* typing: announce once the reader pauses, not at every key */
    if (now) { count.textContent = message; } else { announceTimer = setTimeout(function () { count.textContent = message; }, 400); }
  }

  /* Sorting: one button per column heading; aria-sort on the sorted column. */
  var heads = Array.prototype.slice.call(root.querySelectorAll(".redrev-finder-table thead th"));
  function key(row, col) {
    if (col === "date") { return row.getAttribute("data-start") || "9999"; }
    return fold(row.cells[heads.indexOf(heads.filter(function (h) { return h.getAttribute("data-col") === col; })[0])].textContent);
  }
  heads.forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var col = th.getAttribute("data-col");
      var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", order);
      var sign = order === "ascending" ? 1 : -1;
      rows.sort(function (a, b) {
        var ka = key(a, col), kb = key(b, col);
        return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || (a.getAttribute("data-id") < b.getAttribute("data-id") ? -1 : 1);
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
      count.textContent = fill(T.sorted, { column: th.textContent, order: T[order] }) + " " +
        fill(T.count, { n: rows.filter(function (r) { return !r.hidden; }).length, total: total });
    });
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("input", function () { apply(false); });
  form.addEventListener("change", function () { apply(false); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });

  /* A card shown alone gets back what the page stores once, in its table row: the route, the
   * summary and the flags (redrev/cards.py, brief cards). */
  function withSummary(el) {
    var row = tbody.querySelector('tr[data-id="' + el.getAttribute("data-id") + '"]');
    var card = el.querySelector(".redrev-card");
    if (!row || !card || card.querySelector(".redrev-card-summary")) { return el; }
    var para = function (cls, parts) {
      var p = document.createElement("p");
      if (cls) { p.className = cls; }
      parts.forEach(function (part, n) {
        var node = n % 2 ? document.createTextNode(" " + part + " ") : document.createElement("strong");
        if (!(n % 2)) { node.textContent = part; }
        p.appendChild(node);
      });
      return p;
    };
    var cite = card.querySelector(".redrev-card-cite"), texts = card.querySelector(".redrev-card-texts");
    card.insertBefore(para("redrev-card-route", [T.col_from + ":", row.cells[3].textContent, T.col_to + ":", row.cells[4].textContent]),
                      texts || cite);
    var summary = document.createElement("p");
    summary.className = "redrev-card-summary";
    summary.textContent = row.cells[6].textContent;
    card.insertBefore(summary, cite);
    if (row.cells[7].textContent) { card.insertBefore(para("", [T.col_flags + ":", row.cells[7].textContent]), cite); }
    return el;
  }
  /* A copy of a record's card for the side-by-side view, without ids (no duplicates in the page). */
  function copyOf(id) {
    var el = withSummary(entry(id)).cloneNode(true);
    el.removeAttribute("id");
    el.classList.add("is-shown");
    Array.prototype.forEach.call(el.querySelectorAll("[id]"), function (n) { n.id = "rf-copy-" + n.id; });
    Array.prototype.forEach.call(el.querySelectorAll("[aria-labelledby]"), function (n) {
      n.setAttribute("aria-labelledby", "rf-copy-" + n.getAttribute("aria-labelledby"));
    });
    Array.prototype.forEach.call(el.querySelectorAll(".redrev-finder-rel, .redrev-finder-back"), function (n) { n.remove(); });
    return el;
  }
  function relationOf(a, b) {
    var li = entry(a).querySelector('.redrev-finder-related li[data-other="' + b + '"]');
    if (!li) { return { label: T.rel_none, note: "" }; }
    var kind = li.getAttribute("data-kind"), about = li.getAttribute("data-about");
    return { label: T["rel_" + kind], note: kind === "contradicts" ? T.contradicts_note : data.notes[about] || "" };
  }
  var entries = Array.prototype.slice.call(root.querySelectorAll(".redrev-finder-entry"));
  function showCompare(a, b) {
    if (a === b || !entry(a) || !entry(b)) { return false; }
    var rel = relationOf(a, b);
    document.getElementById("rf-compare-title").textContent = fill(T.compare, { a: a, b: b });
    var pair = compare.querySelector(".redrev-finder-pair");
    pair.textContent = "";
    var dl = document.createElement("dl");
    dl.className = "redrev-finder-relation";
    [[T.relation, rel.note ? a + " " + rel.label + " " + b : rel.label], [T.relation_note, rel.note]].forEach(function (item) {
      if (!item[1]) { return; }
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = item[0]; dd.textContent = item[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    pair.appendChild(dl);
    var grid = document.createElement("div");
    grid.className = "redrev-finder-grid";
    grid.appendChild(copyOf(a)); grid.appendChild(copyOf(b));
    pair.appendChild(grid);
    compare.hidden = false;
    compare.setAttribute("data-pair", a + " " + b);
    return true;
  }
  function route(focus) {
    var hash = decodeURIComponent(location.hash.slice(1));
    var m = /^compare-([DE][0-9]{3})-([DE][0-9]{3})$/.exec(hash);
    entries.forEach(function (el) { el.classList.remove("is-shown"); });
    compare.hidden = true;
    if (m && showCompare(m[1], m[2])) {
      compare.scrollIntoView();
      if (focus) { document.getElementById("rf-compare-title").focus(); }
      return;
    }
    var el = entry(hash);
    if (el) {
      withSummary(el).classList.add("is-shown");
      el.scrollIntoView();
      var heading = el.querySelector("h3");
      if (focus && heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  }
  compare.querySelector(".redrev-finder-close").addEventListener("click", function () {
    location.hash = (compare.getAttribute("data-pair") || "").split(" ")[0] || "rf-caption";
  });
  window.addEventListener("hashchange", function () { route(true); });

  /* each related record gets a link to the side-by-side view (it needs this script) */
  entries.forEach(function (el) {
    Array.prototype.forEach.call(el.querySelectorAll(".redrev-finder-related li"), function (li) {
      var other = li.getAttribute("data-other"), link = document.createElement("a");
      link.href = "#compare-" + el.id + "-" + other;
      link.textContent = fill(T.open_compare, { id: other });
      li.appendChild(document.createTextNode(" · "));
      li.appendChild(link);
    });
  });
  root.classList.add("is-scripted");
  form.hidden = false;
  route(false);
  window.RedrevFinder = { apply: apply };
})();
