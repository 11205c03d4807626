// Client-side search over the index embedded in the search page. Works
// offline and from a local folder; no request leaves the page. Each entry
// has named fields of plain text; a result names the field its words were
// found in and shows them in context, highlighted with <mark>.
(function () {
  "use strict";
  var data = document.getElementById("search-data");
  var input = document.getElementById("q");
  var form = document.getElementById("search-form");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !input || !box) return;
  // Each kind: its name in the index, then in the page's language, one and many.
  var KINDS = JSON.parse(box.getAttribute("data-kinds") || "[]");
  // fill puts values into a message of the page's language: "{q}" and so on.
  function fill(msg, values) {
    return (msg || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  var entries = JSON.parse(data.textContent);
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  // fold keeps one character for each of s's (after NFD, marks are
  // dropped), so positions are mapped back through an index table.
  function folded(s) {
    var out = "", pos = [];
    for (var i = 0; i < s.length; i++) {
      var f = fold(s[i]);
      for (var k = 0; k < f.length; k++) { out += f[k]; pos.push(i); }
    }
    pos.push(s.length);
    return { text: out, pos: pos };
  }
  entries.forEach(function (e) {
    e.t = fold(e.title);
    e.f = (e.fields || []).map(function (f) { return { name: f[0], text: f[1], low: folded(f[1]) }; });
  });
  function score(e, words) {
    var total = 0, best = null, bestN = 0;
    for (var j = 0; j < words.length; j++) {
      var w = words[j], found = e.t.indexOf(w) >= 0;
      if (found) total += 10;
      for (var k = 0; k < e.f.length && !found; k++) found = e.f[k].low.text.indexOf(w) >= 0;
      if (!found) return null;
      total += 1;
    }
    e.f.forEach(function (f) {
      var n = words.filter(function (w) { return f.low.text.indexOf(w) >= 0; }).length;
      if (n > bestN) { best = f; bestN = n; }
    });
    return { e: e, score: total, field: best };
  }
  // snippet appends the text around the first match, words in <mark>.
  function snippet(p, f, words) {
    var low = f.low, first = -1;
    words.forEach(function (w) { var i = low.text.indexOf(w); if (i >= 0 && (first < 0 || i < first)) first = i; });
    var from = Math.max(0, first - 60), to = Math.min(low.text.length, first + 120);
    // Cut at spaces, not inside words.
    for (var n = 0; from > 0 && low.text[from - 1] !== " " && n < 20; n++) from--;
    for (n = 0; to < low.text.length && low.text[to] !== " " && n < 20; n++) to++;
    var ranges = [];
    words.forEach(function (w) {
      for (var i = low.text.indexOf(w, from); i >= 0 && i < to; i = low.text.indexOf(w, i + w.length)) ranges.push([i, i + w.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var src = f.text, at = low.pos[from];
    if (from > 0) p.appendChild(document.createTextNode("…"));
    ranges.forEach(function (r) {
      var s = low.pos[r[0]], end = low.pos[r[1]];
      if (s < at) return;
      p.appendChild(document.createTextNode(src.slice(at, s)));
      var m = document.createElement("mark");
      m.textContent = src.slice(s, end);
      p.appendChild(m);
      at = end;
    });
    p.appendChild(document.createTextNode(src.slice(at, low.pos[to]) + (to < low.text.length ? "…" : "")));
  }
  function item(h, words) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = h.e.url;
    a.textContent = h.e.title;
    li.appendChild(a);
    if (h.field) {
      var p = document.createElement("p");
      var name = document.createElement("span");
      name.className = "field";
      name.textContent = h.field.name;
      p.appendChild(name);
      p.appendChild(document.createTextNode(" – "));
      snippet(p, h.field, words);
      li.appendChild(p);
    }
    return li;
  }
  function search(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    box.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var groups = {}, count = 0;
    entries.forEach(function (e) {
      var h = score(e, words);
      if (!h) return;
      (groups[e.kind] = groups[e.kind] || []).push(h);
      count++;
    });
    var order = KINDS.filter(function (k) { return groups[k[0]]; });
    order.forEach(function (k) { groups[k[0]].sort(function (a, b) { return b.score - a.score; }); });
    // Groups follow their best result, so an exact title comes first.
    order.sort(function (a, b) { return groups[b[0]][0].score - groups[a[0]][0].score; });
    var parts = [];
    order.forEach(function (k) {
      var hits = groups[k[0]];
      var sec = document.createElement("section");
      var h2 = document.createElement("h2");
      h2.textContent = k[2] + " (" + hits.length + ")";
      var ol = document.createElement("ol");
      ol.className = "results";
      hits.slice(0, 30).forEach(function (h) { ol.appendChild(item(h, words)); });
      sec.appendChild(h2);
      sec.appendChild(ol);
      box.appendChild(sec);
      parts.push(hits.length + " " + (hits.length === 1 ? k[1] : k[2]).toLowerCase());
    });
    var msg = count === 0 ? "data-none" : count === 1 ? "data-single" : "data-many";
    status.textContent = fill(box.getAttribute(msg), { q: q.trim(), count: count, parts: parts.join(", ") });
  }
  // The arrow keys move from the box through the result links and back.
  function move(ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(box.querySelectorAll("a"));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    var next = ev.key === "ArrowDown" ? i + 1 : i - 1;
    ev.preventDefault();
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  search(q);
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", move);
  box.addEventListener("keydown", move);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(input.value);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
})();
