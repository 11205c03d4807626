// Client-side search over the index embedded in the search page. Works
// offline and from a local folder; no request leaves the page.
(function () {
  "use strict";
  var data = document.getElementById("search-data");
  var input = document.getElementById("q");
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !input || !list) return;
  var entries = JSON.parse(data.textContent);
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  for (var i = 0; i < entries.length; i++) {
    entries[i].t = fold(entries[i].title);
    entries[i].b = fold(entries[i].text);
  }
  function search(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = [];
    entries.forEach(function (e) {
      var score = 0;
      for (var j = 0; j < words.length; j++) {
        var w = words[j];
        if (e.t.indexOf(w) >= 0) score += 10;
        else if (e.b.indexOf(w) >= 0) score += 1;
        else return;
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    hits.slice(0, 30).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.e.url;
      a.textContent = h.e.title;
      var kind = document.createElement("span");
      kind.className = "muted";
      kind.textContent = " " + h.e.kind;
      li.appendChild(a);
      li.appendChild(kind);
      if (h.e.text) {
        var p = document.createElement("p");
        p.textContent = h.e.text.length > 180 ? h.e.text.slice(0, 180) + "…" : h.e.text;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = hits.length === 1 ? "1 result" : hits.length + " results";
  }
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  search(q);
  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(input.value);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
})();
