// Live scoring: 0-3 score the focused row, arrows or j/k move, N opens the question's note, Esc leaves it.
// Every change is posted at once (the same score twice changes nothing), so a reload loses nothing.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll(".score-row"));
  var status = document.getElementById("save-status");
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  if (!rows.length) return;

  function say(text) { if (status) status.textContent = text; }

  // Saves go one after another, so the server sees the changes in the order they were made.
  var queue = Promise.resolve();
  var pending = 0;

  function post(url, data) {
    pending += 1;
    var done = function (value) { pending -= 1; return value; };
    var failed = function (error) { pending -= 1; throw error; };
    var request = queue.then(function () { return send(url, data); }).then(done, failed);
    queue = request.catch(function () {});
    return request;
  }

  function send(url, data) {
    var body = new URLSearchParams(data);
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function show(row, score) {
    row.dataset.score = score === null ? "" : String(score);
    row.querySelectorAll(".score-button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.value) === String(score) ? "true" : "false");
    });
    var point = row.querySelector(".score-point");
    row.setAttribute("aria-label", "Row: " + (point ? point.textContent : "") + ". Score " + (score === null ? "not set" : score));
  }

  function score(row, value) {
    var form = row.querySelector("form");
    show(row, value);
    say("Saving…");
    post(form.action, { score: value }).then(function (data) {
      // A later change to the same row is already queued: show what the last one saves.
      if (pending === 0) { show(row, data.score); say("Saved"); }
    }).catch(function () {
      say("Not saved: check the connection and score the row again.");
    });
  }

  function focusRow(index) {
    var row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  rows.forEach(function (row) {
    row.querySelectorAll(".score-button").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        score(row, Number(button.value));
        row.focus();
      });
    });
  });

  document.querySelectorAll(".note-form").forEach(function (form) {
    var textarea = form.querySelector("textarea");
    var timer = null;
    var saved = textarea.value;
    function save() {
      if (textarea.value === saved) return;
      var text = textarea.value;
      say("Saving note…");
      post(form.action, { note: text }).then(function () { saved = text; if (pending === 0) say("Note saved"); })
        .catch(function () { say("Note not saved: check the connection."); });
    }
    textarea.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 600); });
    textarea.addEventListener("blur", save);
    form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        save();
        var row = form.closest(".score-question").querySelector(".score-row");
        if (row) row.focus();
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) return;
    var current = target && target.closest ? target.closest(".score-row") : null;
    var index = current ? rows.indexOf(current) : -1;
    // On a link or button the keys keep their usual meaning; on a row or on the page itself they score.
    if (!current && target && target !== document.body) return;
    if (/^[0-3]$/.test(event.key)) {
      if (!current) return;
      event.preventDefault();
      score(current, Number(event.key));
    } else if (event.key === "ArrowDown" || event.key === "j") {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === "ArrowUp" || event.key === "k") {
      event.preventDefault();
      focusRow(index < 0 ? 0 : index - 1);
    } else if (event.key === "n" || event.key === "N") {
      var section = current ? current.closest(".score-question") : document.querySelector(".score-question");
      var note = section && section.querySelector(".note-form textarea");
      if (note) { event.preventDefault(); note.focus(); }
    }
  });
})();
