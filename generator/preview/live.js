// Trellis preview: reloads the page after each rebuild, swaps stylesheets in
// place when only they changed, and shows the plan's errors over the page
// until they are fixed. Added to pages by `trellis serve` only.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") : "";
  var overlay = null;

  function show(text) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "trellis-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,0.96);color:#f5f5f5;padding:1.5rem;font:15px/1.5 system-ui,sans-serif");
    var h = document.createElement("h2");
    h.textContent = "The plan has errors; the page shows the last version that built.";
    h.setAttribute("style", "margin:0 0 0.5rem;font-size:1.25rem;color:#ffb4b4");
    var p = document.createElement("p");
    p.textContent = "Fix these in your editor and save; this message goes away by itself.";
    p.setAttribute("style", "margin:0 0 1rem");
    var pre = document.createElement("pre");
    pre.textContent = text;
    pre.setAttribute("style", "white-space:pre-wrap;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;" +
      "background:#000;color:#f5f5f5;padding:1rem;border-radius:4px;border:1px solid #777");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.setAttribute("style", "font:inherit;padding:0.25rem 0.75rem;margin-bottom:1rem");
    close.addEventListener("click", hide);
    overlay.appendChild(h);
    overlay.appendChild(p);
    overlay.appendChild(close);
    overlay.appendChild(pre);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("?")[0];
      links[i].setAttribute("href", href + "?v=" + Date.now());
    }
  }

  var es = new EventSource("/__trellis/events");
  es.addEventListener("hello", function (e) {
    hide();
    if (e.data !== version) location.reload();
  });
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("css", function (e) { version = e.data; hide(); swapStylesheets(); });
  es.addEventListener("problems", function (e) { show(JSON.parse(e.data).text); });
})();
