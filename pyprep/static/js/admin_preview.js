// Admin, question form: a "Preview" button under the summary and the answer shows the Markdown rendered and
// sanitised by the server, exactly as the question page will show it; it follows the text while it is open.
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("question_form");
    if (!form) return;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var url = window.location.pathname.replace(/\/bank\/question\/.*$/, "/bank/question/preview/");

    ["summary", "answer"].forEach(function (name) {
      var field = document.getElementById("id_" + name);
      if (!field) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button markdown-preview-button";
      button.textContent = "Preview " + name;
      var box = document.createElement("div");
      box.id = "markdown-preview-" + name;
      box.className = "markdown-preview";
      box.hidden = true;
      box.setAttribute("aria-live", "polite");
      box.setAttribute("aria-label", "Preview of the " + name);
      button.setAttribute("aria-controls", box.id);
      button.setAttribute("aria-expanded", "false");

      var timer = null;
      function render() {
        var body = new FormData();
        body.append("text", field.value);
        fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": token ? token.value : "" } })
          .then(function (response) { return response.json(); })
          .then(function (data) {
            if (data.html !== undefined) box.innerHTML = data.html;  // sanitised by nh3 on the server
            else box.textContent = data.error || "The preview failed.";
          })
          .catch(function () { box.textContent = "The preview failed: is the server running?"; });
      }

      button.addEventListener("click", function () {
        var open = box.hidden;
        box.hidden = !open;
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.textContent = (open ? "Hide preview of " : "Preview ") + name;
        if (open) render();
      });
      field.addEventListener("input", function () {
        if (box.hidden) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(render, 400);
      });
      field.insertAdjacentElement("afterend", box);
      field.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
