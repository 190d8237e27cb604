// Keyboard shortcuts for a practice session: Ctrl+Enter (or Space outside the answer box) reveals, 1-4 rate, Esc ends.
// Keys typed into the answer box stay in the answer box; only Ctrl/Cmd+Enter reveals from there.
(function () {
  "use strict";
  var revealForm = document.getElementById("reveal-form");
  var rateForm = document.getElementById("rate-form");
  var endForm = document.getElementById("end-form");
  var answer = document.getElementById("answer");
  var submitted = false;

  function submit(form, button) {
    // One submission per page: a held-down key must not rate two cards.
    if (submitted || !form) return;
    submitted = true;
    if (button && form.requestSubmit) form.requestSubmit(button);
    else if (button) button.click();
    else if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function isTyping(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT" || target.isContentEditable;
  }

  // A draft answer survives an accidental reload before it is revealed.
  if (answer && window.sessionStorage) {
    var key = "pyprep-answer-" + (revealForm.querySelector("[name=item]") || {}).value;
    var saved = sessionStorage.getItem(key);
    if (saved && !answer.value) answer.value = saved;
    answer.addEventListener("input", function () { sessionStorage.setItem(key, answer.value); });
    revealForm.addEventListener("submit", function () { sessionStorage.removeItem(key); });
  }

  // Every card starts in its answer box (autofocus may be skipped when the page is restored from history);
  // a revealed card starts on the reveal, with the rating bar pinned below it.
  var reveal = document.getElementById("reveal");
  if (answer) answer.focus();
  else if (reveal) reveal.focus({ preventScroll: false });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey) return;
    if (isTyping(event.target)) {
      if (event.target === answer && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit(revealForm);
      } else if (event.target === answer && event.key === "Escape") {
        // The answer box has focus on every card: Esc leaves it, so Space and Esc work as shortcuts again.
        event.preventDefault();
        answer.blur();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if ((event.key === " " || event.key === "Spacebar") && revealForm) {
      // Space on a focused button or link keeps its usual meaning.
      if (event.target && (event.target.tagName === "BUTTON" || event.target.tagName === "A" || event.target.tagName === "SUMMARY")) return;
      event.preventDefault();
      submit(revealForm);
    } else if (rateForm && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      submit(rateForm, rateForm.querySelector('button[data-key="' + event.key + '"]'));
    } else if (event.key === "Escape" && endForm) {
      event.preventDefault();
      submit(endForm);
    }
  });
})();
