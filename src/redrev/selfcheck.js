/* Red Revolutions self-check: answers are checked in the page, with no kernel and no network.
 * Each question is a <form class="redrev-sc-q"> carrying a salt and the SHA-256 hashes of the
 * accepted normalised answers (never the answers). The normalisers below mirror
 * redrev/checks.py (text_key, name_key, date_key, number_key, doc_key); RULES is filled in by
 * redrev/selfcheck.py from the same tables. SHA-256 is implemented here because crypto.subtle is
 * missing on file:// pages in some browsers. */
(function () {
  "use strict";
  if (window.RedrevSelfcheck) { window.RedrevSelfcheck.bindAll(); return; }
  var R = __RULES__;
  var T = __TEXT__; /* the page's language: English text -> its translation (empty in English) */
  function t(text, values) {
    var out = Object.prototype.hasOwnProperty.call(T, text) ? T[text] : text;
    Object.keys(values || {}).forEach(function (k) { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }
  var own = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  /* --- SHA-256 (FIPS 180-4) --- */
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function utf8(text) {
    if (typeof TextEncoder !== "undefined") { return new TextEncoder().encode(text); }
    var raw = unescape(encodeURIComponent(text)), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
  function sha256(text) {
    var bytes = utf8(text), len = bytes.length, size = ((len + 9 + 63) >> 6) << 6;
    var msg = new Uint8Array(size), view = new DataView(msg.buffer), w = new Array(64);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    msg.set(bytes); msg[len] = 0x80;
    view.setUint32(size - 8, Math.floor(len / 0x20000000)); view.setUint32(size - 4, (len * 8) >>> 0);
    for (var off = 0; off < size; off += 64) {
      for (var i = 0; i < 64; i++) {
        if (i < 16) { w[i] = view.getUint32(off + 4 * i) | 0; continue; }
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + k].map(function (x) { return x | 0; });
    }
    return h.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }
  function digest(salt, text) { return sha256(salt + "|" + text).slice(0, 32); }

  /* --- Normalisers (mirror redrev/checks.py) --- */
  function AnswerError(message) { this.message = message; }
  function fold(text) { return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function textKey(text) { return fold(text).replace(/[^a-z0-9а-я]+/g, " ").trim(); }
  function nameKey(text) {
    var tokens = textKey(text).split(" ").filter(function (t) { return t.length > 1 && R.nameStop.indexOf(t) < 0; });
    var joined = tokens.join(""), latin = "";
    for (var i = 0; i < joined.length; i++) { latin += own(R.translit, joined[i]) ? R.translit[joined[i]] : joined[i]; }
    latin = latin.replace(/[^a-z0-9]/g, "");
    R.nameRules.forEach(function (rule) { latin = latin.split(rule[0]).join(rule[1]); });
    return latin.replace(/(.)\1+/g, "$1");
  }
  function daysIn(year, month) {
    var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  }
  function pad(n, width) { return ("0000" + n).slice(-width); }
  function ymd(year, month, day) {
    if (month < 1 || month > 12) { throw new AnswerError(t("there is no month {month}; write the date like '1920-01-15' or '15 January 1920'", { month: month })); }
    if (day < 1 || day > daysIn(year, month)) { throw new AnswerError(t("that month has {last} days, so day {day} does not exist", { last: daysIn(year, month), day: day })); }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
  }
  function dateKey(text) {
    var s = fold(text).trim(), m;
    if ((m = /^([0-9]{4})[-\/.]([0-9]{1,2})[-\/.]([0-9]{1,2})(?:[ t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$/.exec(s))) { return ymd(+m[1], +m[2], +m[3]); }
    if ((m = /^([0-9]{1,2})[-\/.]([0-9]{1,2})[-\/.]([0-9]{4})$/.exec(s))) { return ymd(+m[3], +m[2], +m[1]); }
    if (/^[0-9]{4}([-\/.][0-9]{1,2})?$/.test(s)) { throw new AnswerError(t("give the day as well as the month and the year, e.g. '1920-01-15'")); }
    var tokens = (s.match(/[a-zа-я]+|[0-9]+/g) || []).filter(function (t) { return R.dateFillers.indexOf(t) < 0; });
    var shape = tokens.map(function (t) { return own(R.months, t) ? "M" : /^[0-9]+$/.test(t) ? "n" : "?"; }).join("");
    if (shape === "nMn" && tokens[2].length === 4) { return ymd(+tokens[2], R.months[tokens[1]], +tokens[0]); }
    if (shape === "Mnn" && tokens[2].length === 4) { return ymd(+tokens[2], R.months[tokens[0]], +tokens[1]); }
    if (shape === "Mn" && tokens[1].length === 4) { throw new AnswerError(t("give the day as well as the month and the year, e.g. '15 January 1920'")); }
    if (shape === "nM" || shape === "Mn") { throw new AnswerError(t("add the year: the article often leaves it out, but the answer needs it (e.g. '15 January 1920')")); }
    throw new AnswerError(t("that does not look like a date; write it like '1920-01-15', '15 January 1920' or '15.01.1920'"));
  }
  function numberText(x) {
    if (!isFinite(x)) { throw new AnswerError(t("that is not a finite number")); }
    if (Math.abs(x) >= 1e15) { return x.toExponential(6); }
    var text = x.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
    return (text === "-0" || text === "") ? "0" : text;
  }
  function numberKey(text) {
    var s = String(text).replace(/[\s_\u00a0\u202f]/g, "");
    if (/^[+-]?[0-9]{1,3}(,[0-9]{3})+$/.test(s)) { s = s.replace(/,/g, ""); }
    else if (/^[+-]?[0-9]+,[0-9]+$/.test(s)) { s = s.replace(",", "."); }
    if (!/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(s)) { throw new AnswerError(t("that is not a number; give digits only, e.g. 12 (not '12 documents')")); }
    return numberText(Number(s));
  }
  function docKey(text) {
    var m = /^d?0*([0-9]{1,3})$/.exec(textKey(text).replace(/ /g, "").replace(/д/g, "d"));
    if (!m || +m[1] === 0) { throw new AnswerError(t("that is not a document id; ids look like 'D001'")); }
    return "D" + pad(+m[1], 3);
  }
  var KEYS = { text: textKey, name: nameKey, date: dateKey, number: numberKey, doc: docKey };
  function normalise(kind, text) { return KEYS[kind](text); }

  function shifted(kind, key, step) {
    if (kind === "number") { return numberText(Number(key) + step); }
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(key);
    if (kind !== "date" || !m || +m[1] < 1000) { return null; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + step));
    return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
  }

  /* The verdict on one typed answer: [status, message]; status is empty, invalid, correct or wrong. */
  function verdict(question, raw) {
    var kind = question.kind, key;
    if (kind === "choice") {
      if (!raw) { return ["empty", t("Choose one of the options first.")]; }
      key = raw;
    } else {
      if (!String(raw).trim()) { return ["empty", t("Type an answer first.")]; }
      try { key = normalise(kind, raw); } catch (err) {
        if (err instanceof AnswerError) { return ["invalid", t("I could not read this answer: {err}.", { err: err.message })]; }
        throw err;
      }
    }
    var hash = digest(question.salt, key);
    if (question.accept.indexOf(hash) >= 0) { return ["correct", t("Well done.")]; }
    if (own(question.mistakes, hash)) { return ["wrong", question.mistakes[hash]]; }
    if (kind === "date" || kind === "number") {
      for (var step = -1; step <= 1; step += 2) {
        var near = shifted(kind, key, step);
        if (near && question.accept.indexOf(digest(question.salt, near)) >= 0) {
          return ["wrong", t(kind === "date" ? "Very close: you are one day out. Check whether the date is one of sending or of receipt."
                                             : "Very close: you are off by one.")];
        }
      }
    }
    return ["wrong", t("Hint: ") + question.hint];
  }

  var LABELS = { correct: ["\u2714", t("Correct.")], wrong: ["\u2718", t("Not yet.")],
                 invalid: ["\u26A0", t("Cannot read this answer.")], empty: ["\u26A0", t("No answer yet.")] };
  function show(form, status, message) {
    var out = form.querySelector(".redrev-sc-feedback");
    out.setAttribute("data-result", status);
    out.textContent = "";
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = LABELS[status][0] + " ";
    var label = document.createElement("strong");
    label.textContent = LABELS[status][1] + " ";
    out.appendChild(icon); out.appendChild(label);
    if (status !== "correct" || message !== t("Well done.")) { out.appendChild(document.createTextNode(message)); }
  }
  function questionOf(form) {
    return { kind: form.getAttribute("data-kind"), salt: form.getAttribute("data-salt"),
             accept: (form.getAttribute("data-accept") || "").split(" "),
             mistakes: JSON.parse(form.getAttribute("data-mistakes") || "{}"), hint: form.getAttribute("data-hint") };
  }
  function bind(form) {
    if (form.getAttribute("data-bound")) { return; }
    form.setAttribute("data-bound", "1");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = questionOf(form), raw;
      if (question.kind === "choice") {
        var picked = form.querySelector("input[type=radio]:checked");
        raw = picked ? picked.value : "";
      } else {
        raw = form.querySelector("input[type=text]").value;
      }
      var result = verdict(question, raw);
      show(form, result[0], result[1]);
    });
  }
  function bindAll() { Array.prototype.forEach.call(document.querySelectorAll("form.redrev-sc-q"), bind); }

  window.RedrevSelfcheck = { bindAll: bindAll, normalise: normalise, digest: digest, sha256: sha256, verdict: verdict,
                             AnswerError: AnswerError };
  bindAll();
})();
