// "Print / save as PDF": the browser's own print dialog, whose destinations include a PDF file.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
