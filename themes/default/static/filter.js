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
  // money writes cents as the site does: $1,234 or $1,234.50.
  function money(c) {
    var d = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return "$" + d + (c % 100 ? "." + String(100 + c % 100).slice(1) : "");
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
    status.textContent = (g || s) ? "Showing " + shown + " of " + rows.length + " activities" + (total ? ", costing " + money(cents) : "") + "." : "";
  }
  goal.addEventListener("change", apply);
  standard.addEventListener("change", apply);
  box.hidden = false;
})();
