/* The challenge editor: CodeMirror 5 on the code textarea, a draft kept in localStorage, Ctrl/Cmd+Enter runs. */
(function () {
  "use strict";
  var form = document.getElementById("challenge-form");
  if (!form) return;
  var textarea = document.getElementById("challenge-code");
  var starter = document.getElementById("challenge-starter").content.textContent;
  var runButton = document.getElementById("run-button");
  var status = document.getElementById("draft-status");
  var key = form.dataset.draftKey;
  var maxBytes = parseInt(form.dataset.maxBytes, 10) || 20000;

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }  // private mode may refuse storage
  }
  function say(text) { if (status) status.textContent = text; }

  var saved = storage() && storage().getItem(key);
  if (saved !== null && saved !== undefined && saved !== "") textarea.value = saved;

  var editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: { name: "python", version: 3 },
      lineNumbers: true,
      indentUnit: 4,
      tabSize: 4,
      indentWithTabs: false,
      smartIndent: true,
      matchBrackets: true,
      viewportMargin: Infinity,
      // The editable surface sits inside the scrolling area (keyboard users reach what scrolls) and is
      // labelled for screen readers; it is also what CodeMirror uses on phones anyway.
      inputStyle: "contenteditable",
      screenReaderLabel: "Python code",
      extraKeys: {
        // Tab inserts spaces (or indents a selection); Esc then Tab leaves the editor for keyboard users.
        Tab: function (cm) {
          if (cm.somethingSelected()) cm.indentSelection("add");
          else cm.replaceSelection(Array(cm.getOption("indentUnit") + 1).join(" "), "end", "+input");
        },
        "Shift-Tab": function (cm) { cm.indentSelection("subtract"); },
        "Ctrl-Enter": function () { runButton.click(); },
        "Cmd-Enter": function () { runButton.click(); },
        Esc: function (cm) { cm.getInputField().blur(); }
      }
    });
    editor.getWrapperElement().setAttribute("aria-label", "Python code editor");
  } else {
    // No editor library (npm ci not run): the plain textarea still works, with the same shortcut.
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runButton.click(); }
    });
  }

  function code() { return editor ? editor.getValue() : textarea.value; }
  function setCode(text) { if (editor) editor.setValue(text); else textarea.value = text; }

  var timer = null;
  function saveDraft() {
    var store = storage();
    if (!store) return;
    try {
      store.setItem(key, code());
      say("Draft saved in this browser");
    } catch (e) { say("Could not save the draft in this browser"); }
  }
  function onChange() { clearTimeout(timer); timer = setTimeout(saveDraft, 300); }
  if (editor) editor.on("change", onChange); else textarea.addEventListener("input", onChange);
  window.addEventListener("beforeunload", saveDraft);

  document.getElementById("reset-button").addEventListener("click", function () {
    if (code() !== starter && !window.confirm("Replace your code with the starter code?")) return;
    setCode(starter);
    saveDraft();
    say("Starter code restored");
  });

  // htmx reads the form's fields when it sends: copy the editor into the textarea first, and refuse oversize code.
  form.addEventListener("htmx:configRequest", function (event) {
    if (editor) editor.save();
    var text = code();
    event.detail.parameters.code = text;
    var size = new Blob([text]).size;
    if (size > maxBytes) {
      event.preventDefault();
      document.getElementById("challenge-result").innerHTML =
        '<div class="verdict-box verdict-refused" role="alert"><p><strong>Not sent.</strong> Your code is ' +
        size + " bytes; the limit is " + maxBytes + ". It is still in the editor.</p></div>";
    }
    saveDraft();
  });
  form.addEventListener("submit", function () { if (editor) editor.save(); });

  // A network failure or a server error must not lose anything: the draft is already saved; say so.
  document.body.addEventListener("htmx:sendError", function () {
    document.getElementById("challenge-result").innerHTML =
      '<div class="verdict-box verdict-refused" role="alert"><p><strong>Could not reach the site.</strong> ' +
      "Your code is kept in the editor and in this browser; try again in a moment.</p></div>";
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    var text = event.detail.xhr.status === 429 ? "Too many runs; wait a minute." : "The server could not take your code just now.";
    document.getElementById("challenge-result").innerHTML =
      '<div class="verdict-box verdict-refused" role="alert"><p><strong>Not sent.</strong> ' + text +
      " Your code is kept in the editor.</p></div>";
  });
})();
