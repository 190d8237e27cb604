// Question page: flashcard mode hides the summary, answer, examples and key points behind "Show answer",
// so a candidate can answer first. The choice is remembered in this browser; without JavaScript the toggle
// stays hidden and the answer is simply on the page.
(function () {
  "use strict";

  var KEY = "pyprep:flashcard-mode";
  var toggle = document.getElementById("flashcard-toggle");
  var cover = document.getElementById("flashcard-cover");
  var show = document.getElementById("flashcard-show");
  if (!toggle || !cover || !show) return;
  var parts = document.querySelectorAll("[data-flashcard-part]");

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }

  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode: this page only */ }
  }

  function conceal(hidden) {
    for (var i = 0; i < parts.length; i++) parts[i].hidden = hidden;
    cover.hidden = !hidden;
    if (!hidden && window.pyprepMarkScrollable) window.pyprepMarkScrollable(document);
  }

  function apply(on) {
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    conceal(on);
  }

  toggle.addEventListener("click", function () {
    var on = toggle.getAttribute("aria-pressed") !== "true";
    remember(on);
    apply(on);
  });

  show.addEventListener("click", function () {
    conceal(false);
    // Keyboard and screen-reader users land on what was just shown.
    var first = parts[0];
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  });

  toggle.hidden = false;
  apply(remembered());
})();
