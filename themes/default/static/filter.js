// Filters the activities table by goal and standard. Without JavaScript the
// controls stay hidden and the whole table shows.
(function () {
  "use strict";
  var box = document.getElementById("activity-filters");
  var table = document.getElementById("activities");
  if (!box || !table) return;
  var goal = document.getElementById("filter-goal");
  var standard = document.getElementById("filter-standard");
  var status = document.getElementById("filter-status");
  var rows = table.tBodies[0].rows;
  var total = document.getElementById("activities-total");
  // The page gives its messages, and how its language writes money.
  function attr(name, def) { var v = box.getAttribute(name); return v === null ? def : v; }
  var pattern = attr("data-money", "${amount}"), dec = attr("data-decimal", "."), group = attr("data-group", ",");
  var minGroup = parseInt(attr("data-min-grouping", "1"), 10) || 1;
  // money writes cents as the site does: $1,234 or $1,234.50; 12.000 $.
  function money(c) {
    var d = String(Math.floor(c / 100));
    if (d.length >= 3 + minGroup) d = d.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return pattern.replace("{amount}", d + (c % 100 ? dec + String(100 + c % 100).slice(1) : ""));
  }
  function fill(msg, values) {
    return (msg || "").replace(/\{(\w+)\}/g, function (s, k) { return k in values ? values[k] : s; });
  }
  function apply() {
    var g = goal.value, s = standard.value, shown = 0, cents = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!g || r.getAttribute("data-goal") === g) &&
        (!s || (" " + r.getAttribute("data-standards") + " ").indexOf(" " + s + " ") >= 0);
      r.hidden = !ok;
      if (ok) {
        shown++;
        cents += parseInt(r.getAttribute("data-cents"), 10) || 0;
      }
    }
    if (total) total.textContent = money(cents);
    status.textContent = (g || s) ? fill(box.getAttribute(total ? "data-showing-cost" : "data-showing"), { shown: shown, total: rows.length, cost: money(cents) }) : "";
  }
  goal.addEventListener("change", apply);
  standard.addEventListener("change", apply);
  box.hidden = false;
})();
