// A mock interview's page: the countdown (the server's deadline is the truth; the page only shows it),
// autosave of the typed answer, Ctrl/Cmd+Enter to submit, and submitting what is typed when time is up.
(function () {
  "use strict";
  var form = document.getElementById("mock-answer-form");
  var timer = document.getElementById("mock-timer");
  if (!form || !timer) return;
  var clock = document.getElementById("mock-clock");
  var announce = document.getElementById("mock-timer-announce");
  var answer = document.getElementById("mock-answer");
  var submitButton = document.getElementById("mock-submit");
  var status = document.getElementById("mock-save-status");
  var submitted = false;
  var saved = answer ? answer.value : "";

  // Seconds left as the server counted them when it rendered the page, measured from this page's load.
  var endsAt = Date.now() + (parseInt(timer.dataset.secondsLeft, 10) || 0) * 1000;

  function label(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  function send(button) {
    if (submitted) return;
    submitted = true;
    if (button && form.requestSubmit) form.requestSubmit(button);
    else form.submit();
  }

  function formData() {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    data.append("item", form.querySelector("[name=item]").value);
    data.append("answer", answer ? answer.value : "");
    return data;
  }

  function say(text) { if (status) status.textContent = text; }

  function save() {
    if (!answer || submitted || answer.value === saved) return;
    var text = answer.value;
    fetch(form.dataset.autosaveUrl, { method: "POST", body: formData(), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        saved = text;
        say("Saved");
        if (!data.running && !submitted) { submitted = true; window.location.assign(data.report); }
        else endsAt = Date.now() + data.seconds_left * 1000;
      })
      .catch(function () { say("Not saved: the site did not answer. Your text is still here."); });
  }

  // A copy in this browser covers the moment between the last keystroke and the server's save (a reload
  // can reach the server before the save sent on leaving): if it differs from the server's text, it is newer.
  var draftKey = "pyprep:mock:" + form.dataset.mock + ":" + form.querySelector("[name=item]").value;
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  if (answer && store()) {
    var draft = store().getItem(draftKey);
    if (draft !== null && draft !== answer.value) { answer.value = draft; saved = null; setTimeout(save, 0); }
  }

  var pending = null;
  if (answer) {
    answer.focus();
    answer.setSelectionRange(answer.value.length, answer.value.length);
    answer.addEventListener("input", function () {
      say("");
      if (store()) { try { store().setItem(draftKey, answer.value); } catch (e) { /* storage full: the server copy remains */ } }
      clearTimeout(pending);
      pending = setTimeout(save, 600);
    });
    answer.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        send(submitButton);
      }
    });
    // Leaving the page (a reload, a closed tab) sends what is typed so nothing is lost.
    window.addEventListener("pagehide", function () {
      if (!submitted && answer.value !== saved && navigator.sendBeacon) {
        navigator.sendBeacon(form.dataset.autosaveUrl, formData());
      }
    });
  }
  form.addEventListener("submit", function () {
    submitted = true;
    clearTimeout(pending);
    if (store()) store().removeItem(draftKey);
  });

  var endForm = document.getElementById("mock-end-form");
  if (endForm) {
    endForm.addEventListener("submit", function (event) {
      // Ending early cannot be undone: ask once (without JavaScript the button simply ends it).
      if (!window.confirm("End the mock interview now? The questions left count as skipped.")) event.preventDefault();
      else submitted = true;
    });
  }

  var warned = {};
  function tick() {
    var left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    clock.textContent = label(left);
    if (left <= 60) timer.classList.add("mock-timer-low");
    [300, 60].forEach(function (mark) {
      if (left <= mark && left > mark - 5 && !warned[mark]) {
        warned[mark] = true;
        announce.textContent = (mark / 60) + (mark === 60 ? " minute" : " minutes") + " left";
      }
    });
    if (left === 0) {
      // Time is up: hand in what is typed; the server ends the mock and shows the report.
      announce.textContent = "Time is up";
      send(submitButton);
      return;
    }
    setTimeout(tick, 250);
  }
  tick();
})();
