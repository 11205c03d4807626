// Shows a button that opens the browser's print dialog.
(function () {
  "use strict";
  var b = document.getElementById("print-plan");
  if (!b) return;
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
})();
