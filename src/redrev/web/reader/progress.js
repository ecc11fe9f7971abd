/* Red Revolutions self-check progress: every static self-check (redrev/selfcheck.js) remembers the
 * reader's last answer and its verdict in localStorage, under one namespaced, versioned key; after a
 * reload the form shows both again. Each self-check says "N of M answered correctly"; the home page's
 * table (redrev/finder_ext.py) sums them per chapter and has a "forget my answers" button.
 * Nothing leaves the browser. Where storage is blocked, everything works without memory.
 * The strings come from window.RedrevReaderText (the build's language). */
(function () {
  "use strict";
  var KEY = "redrev.selfcheck.v1";
  var T = window.RedrevReaderText || {};
  var fill = function (template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  };

  /* localStorage, or null where it is missing or blocked (private mode, a policy, a full quota). */
  function storage() {
    try {
      var s = window.localStorage, probe = KEY + ".probe";
      s.setItem(probe, "1"); s.removeItem(probe);
      return s;
    } catch (err) { return null; }
  }
  var store = storage();
  var memory = {};
  function load() {
    if (!store) { return memory; }
    try { var saved = JSON.parse(store.getItem(KEY) || "{}"); return saved && typeof saved === "object" ? saved : {}; }
    catch (err) { return {}; }
  }
  function save(all) {
    memory = all;
    if (!store) { return; }
    try { store.setItem(KEY, JSON.stringify(all)); } catch (err) { store = null; }
  }

  /* answers[chapter][salt] = {a: the answer (text or option letter), r: the verdict} */
  function answerOf(form) {
    var picked = form.querySelector("input[type=radio]:checked"), typed = form.querySelector("input[type=text]");
    return picked ? picked.value : typed ? typed.value : "";
  }
  function restore(form, saved) {
    if (form.querySelector("input[type=radio]")) {
      var option = form.querySelector('input[type=radio][value="' + saved.a + '"]');
      if (!option) { return; }
      option.checked = true;
    } else {
      form.querySelector("input[type=text]").value = saved.a;
    }
    form.requestSubmit();   /* the self-check's own handler shows the verdict, in the page's language */
  }
  function correct(chapter, salts) {
    var mine = load()[chapter] || {};
    return salts.filter(function (s) { return mine[s] && mine[s].r === "correct"; }).length;
  }
  function answered(chapter, salts) {
    var mine = load()[chapter] || {};
    return salts.filter(function (s) { return mine[s]; }).length;
  }

  function bindSection(section) {
    var chapter = section.getAttribute("data-chapter");
    var forms = Array.prototype.slice.call(section.querySelectorAll("form.redrev-sc-q"));
    if (!chapter || !forms.length || section.querySelector(".redrev-progress")) { return; }
    var salts = forms.map(function (f) { return f.getAttribute("data-salt"); });
    var status = document.createElement("p");
    status.className = "redrev-progress";
    status.setAttribute("role", "status");
    var note = document.createElement("p");
    note.className = "redrev-progress-note";
    note.textContent = store ? T.progress_kept : T.progress_off;
    var title = section.querySelector("p");
    section.insertBefore(note, title ? title.nextSibling : section.firstChild);
    section.insertBefore(status, note);
    var update = function () { status.textContent = fill(T.progress, { n: correct(chapter, salts), m: salts.length }); };
    var restoring = true;
    forms.forEach(function (form) {
      form.addEventListener("submit", function () {
        /* after the self-check's handler has written its verdict */
        setTimeout(function () {
          var result = form.querySelector(".redrev-sc-feedback").getAttribute("data-result");
          var all = load(), mine = all[chapter] || {};
          if (result && result !== "empty") { mine[form.getAttribute("data-salt")] = { a: answerOf(form), r: result }; }
          else { delete mine[form.getAttribute("data-salt")]; }
          all[chapter] = mine;
          if (!restoring) { save(all); }
          update();
        }, 0);
      });
    });
    var saved = load()[chapter] || {};
    forms.forEach(function (form) { var s = saved[form.getAttribute("data-salt")]; if (s) { restore(form, s); } });
    setTimeout(function () { restoring = false; update(); }, 0);
    update();
  }

  function bindTable(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr[data-chapter]"));
    var update = function () {
      rows.forEach(function (row) {
        var chapter = row.getAttribute("data-chapter"), salts = row.getAttribute("data-salts").split(" ");
        row.querySelector(".redrev-progress-correct").textContent = fill(T.progress, { n: correct(chapter, salts), m: salts.length });
        row.querySelector(".redrev-progress-answered").textContent = answered(chapter, salts) + " / " + salts.length;
      });
    };
    var box = table.closest(".redrev-progress-home");
    var button = box.querySelector(".redrev-progress-forget");
    var message = box.querySelector(".redrev-progress-message");
    box.querySelector(".redrev-progress-nojs").remove();
    var note = document.createElement("p");
    note.textContent = store ? T.progress_kept : T.progress_off;
    box.insertBefore(note, table.parentNode === box ? table : table.parentNode);
    button.hidden = false;
    button.addEventListener("click", function () {
      memory = {};
      if (store) { try { store.removeItem(KEY); } catch (err) { store = null; } }
      update();
      message.textContent = T.forgotten;
    });
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("section.redrev-selfcheck"), bindSection);
    Array.prototype.forEach.call(document.querySelectorAll("table.redrev-progress-table"), bindTable);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.RedrevProgress = { key: KEY, stored: function () { return !!store; } };
})();
