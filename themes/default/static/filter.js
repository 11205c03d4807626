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
  function apply() {
    var g = goal.value, s = standard.value, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!g || r.getAttribute("data-goal") === g) &&
        (!s || (" " + r.getAttribute("data-standards") + " ").indexOf(" " + s + " ") >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = (g || s) ? "Showing " + shown + " of " + rows.length + " activities." : "";
  }
  goal.addEventListener("change", apply);
  standard.addEventListener("change", apply);
  box.hidden = false;
})();
