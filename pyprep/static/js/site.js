// Every page: a code block or table that scrolls sideways becomes a labelled tab stop, so that keyboard
// users can scroll it with the arrow keys. Only the ones that overflow (which depends on the screen), and
// again after htmx swaps content in, a <details> opens or the window is resized.
(function () {
  "use strict";

  var BOXES = "pre:not(.CodeMirror-line), .table-scroll";

  function label(box) {
    if (box.classList.contains("table-scroll")) return "Table, scrolls sideways";
    return box.querySelector("samp") ? "Output, scrolls sideways" : "Code, scrolls sideways";
  }

  function mark(root) {
    var boxes = (root || document).querySelectorAll(BOXES);
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.closest(".CodeMirror")) continue;
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", label(box));
        box.setAttribute("data-scroll-stop", "");
      } else if (!scrolls && box.hasAttribute("data-scroll-stop")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        box.removeAttribute("data-scroll-stop");
      }
    }
  }

  var pending = null;
  function markSoon() {
    if (pending) return;
    pending = window.requestAnimationFrame(function () {
      pending = null;
      mark(document);
    });
  }

  window.pyprepMarkScrollable = mark;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markSoon);
  else markSoon();
  window.addEventListener("resize", markSoon);
  document.addEventListener("toggle", markSoon, true);
  document.addEventListener("htmx:afterSettle", markSoon);
})();
