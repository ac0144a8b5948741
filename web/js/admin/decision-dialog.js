// The steps of admin.html that send email or cannot be taken back lightly: a modal confirm dialog
// (focus kept inside, Escape cancels, focus returns to where it was), its body for a decision (the exact
// email the server would send), the "Email to … goes out at … — Undo" line with its countdown, and the
// region close-out. decisions.js decides when; this file only draws and asks.
import { clear, el } from "../api.js";
var dialogNode = document.getElementById("confirm-dialog");
var open = null;

export function time(iso) {
  var date = new Date(iso);
  return isNaN(date) ? String(iso || "") : date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** The server's words with its UTC instants (…T14:32:05.123Z) as the reviewer's own clock time. */
export function plain(text) {
  return String(text || "").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, function (iso) { return time(iso); });
}

function focusables(root) {
  return Array.prototype.filter.call(root.querySelectorAll(
    "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"), function (node) {
    return !node.disabled && !node.hidden && node.getClientRects().length > 0;
  });
}

// A modal dialog already makes the page behind it inert; wrapping Tab keeps focus off the browser's own UI too.
dialogNode.addEventListener("keydown", function (event) {
  if (event.key !== "Tab") { return; }
  var nodes = focusables(dialogNode);
  if (!nodes.length) { return; }
  var first = nodes[0];
  var last = nodes[nodes.length - 1];
  if (event.shiftKey && (document.activeElement === first || !dialogNode.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (document.activeElement === last || !dialogNode.contains(document.activeElement))) {
    event.preventDefault();
    first.focus();
  }
});
// Escape: the browser fires cancel; while a request is under way the dialog stays, so its answer is seen.
dialogNode.addEventListener("cancel", function (event) {
  if (open && open.busy) {
    event.preventDefault();
    return;
  }
  if (open) { open.cancelled(); }
});

/**
 * Opens the dialog: options.title, options.body (nodes), options.actions ([{label, primary, id, run}]),
 * options.onCancel, options.returnTo (focused on close; else what had the focus). Answers a handle: setBusy(bool), problem(nodes or text), actions(list), body(nodes), close().
 * The Cancel button is always last; Escape does what it does.
 */
export function openDialog(options) {
  if (open) { open.close(); }
  var returnTo = options.returnTo || document.activeElement;
  var problemBox = el("div", { id: "confirm-problem", className: "alert", role: "alert", hidden: true });
  var bodyBox = el("div", { id: "confirm-body" });
  var actionsBox = el("div", { className: "dialog-actions" });
  clear(dialogNode);
  dialogNode.appendChild(el("h2", { id: "confirm-title", tabindex: "-1", text: options.title }));
  dialogNode.appendChild(bodyBox);
  dialogNode.appendChild(problemBox);
  dialogNode.appendChild(actionsBox);
  var handle = {
    busy: false,
    setBusy: function (busy) {
      handle.busy = busy;
      dialogNode.setAttribute("aria-busy", String(busy));
      Array.prototype.forEach.call(actionsBox.querySelectorAll("button"), function (b) { b.disabled = busy; });
    },
    body: function (nodes) {
      clear(bodyBox);
      nodes.forEach(function (node) { if (node) { bodyBox.appendChild(node); } });
    },
    problem: function (content) {
      clear(problemBox);
      (Array.isArray(content) ? content : [content]).forEach(function (node) {
        if (node) { problemBox.appendChild(typeof node === "string" ? document.createTextNode(node) : node); }
      });
      problemBox.hidden = !problemBox.firstChild;
    },
    actions: function (list) {
      clear(actionsBox);
      list.concat([{ label: "Cancel", id: "confirm-cancel", run: function () { handle.cancelled(); } }]).forEach(function (a) {
        actionsBox.appendChild(el("button", { type: "button", id: a.id, className: a.primary ? "primary" : null,
          text: a.label, onclick: a.run }));
      });
    },
    cancelled: function () {
      handle.close();
      if (options.onCancel) { options.onCancel(); }
    },
    close: function () {
      if (open !== handle) { return; }
      open = null;
      if (dialogNode.open) { dialogNode.close(); }
      clear(dialogNode);
      var target = returnTo && document.contains(returnTo) && !returnTo.disabled ? returnTo
        : document.getElementById("decision-title");
      if (target) { target.focus(); }
    }
  };
  handle.body(options.body || []);
  handle.actions(options.actions || []);
  open = handle;
  dialogNode.showModal();
  // The safe choice has the focus first: Enter on a stray key press never sends an email.
  document.getElementById("confirm-cancel").focus();
  return handle;
}

/** What a decision will do: the email exactly as the server renders it, that the note stays internal, when it goes. */
export function previewBody(preview, context) {
  var nodes = [];
  nodes.push(el("p", { text: context.organization + ": " + context.fromLabel + " → " + context.toLabel + "." }));
  if (context.warning) { nodes.push(el("p", { className: "warning", text: context.warning })); }
  var email = preview.email;
  if (email) {
    nodes.push(el("h3", { text: "The email the applicant will get" }));
    nodes.push(el("dl", { className: "fields email-preview" }, [
      el("dt", { text: "To" }), el("dd", { id: "preview-to", text: email.to }),
      el("dt", { text: "Subject" }), el("dd", { id: "preview-subject", text: email.subject }),
      el("dt", { text: "Goes out" }), el("dd", { id: "preview-sends", text: preview.holdMinutes > 0
        ? "at " + time(preview.sendsAt) + " if you confirm now: held " + preview.holdMinutes
          + " minutes, and you can undo the decision until then."
        : "at once: it cannot be undone." })]));
    nodes.push(el("pre", { id: "preview-text", className: "email-text", tabindex: "0", role: "region",
      "aria-label": "The email's text", text: email.text }));
  } else {
    nodes.push(el("p", { id: "preview-no-email", text: "The applicant gets no email for this move." }));
  }
  nodes.push(el("p", { id: "preview-note", className: "internal-note" }, [
    el("strong", { text: "Your note stays internal: " }),
    context.note ? "“" + context.note + "” is kept in the status log and never emailed." : "notes are never emailed."]));
  if (context.final) {
    nodes.push(el("p", { text: context.toLabel + " is final once " + (email ? "the email goes out." : "the hold ends.") }));
  }
  return nodes;
}

/**
 * The line under the status while the last decision can be undone, with a countdown. options.onUndo(),
 * options.onExpired() (the hold ended: refresh). Answers nothing; a later call (or clearHeld) replaces it.
 */
var timer = null;
export function clearHeld(box) {
  if (timer) { clearInterval(timer); timer = null; }
  clear(box);
  box.hidden = true;
}

export function renderHeld(held, box, options) {
  clearHeld(box);
  if (!held || !held.until) { return; }
  var until = new Date(held.until).getTime();
  if (!(until > Date.now())) { return; }
  var countdown = el("span", { id: "held-countdown", className: "countdown", role: "timer", "aria-live": "off" });
  var undo = el("button", { type: "button", id: "undo-decision", onclick: options.onUndo,
    "aria-label": "Undo: back to " + options.statusLabel(held.undoTo) });
  undo.textContent = "Undo";
  box.appendChild(el("p", { id: "held-line" }, [held.emailTo
    ? "Email to " + held.emailTo + " goes out at " + time(held.until) + " — "
    : "This move can be undone until " + time(held.until) + " — ", undo, " ", countdown]));
  box.hidden = false;
  function tick() {
    var left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      clearHeld(box);
      options.onExpired();
      return;
    }
    countdown.textContent = "(" + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") + " left)";
  }
  tick();
  if (!box.hidden) { timer = setInterval(tick, 1000); }
}

/** The close-out dialog's body: the status to move to and an optional internal note. */
export function closeOutBody(detail, regionName) {
  var choices = [["declined", "Decline them"], ["waitlisted", "Waitlist them"]].map(function (c) {
    return el("label", { className: "check" }, [el("input", { type: "radio", name: "closeout-status", value: c[0],
      id: "closeout-" + c[0] }), " " + c[1]]);
  });
  return [
    el("p", { text: regionName + " has its partner" + (detail.regionPartner ? ": " + detail.regionPartner : "")
      + ". Every other open application in the region (unreviewed, pending or interview) moves to the status you choose,"
      + " each as its own decision with its status log entry and its email to the applicant, held like any"
      + " decision's so each can be undone from its own page." }),
    el("fieldset", { className: "field", id: "closeout-choice" }, [el("legend", { text: "Move them to" })].concat(choices)),
    el("div", { className: "field" }, [el("label", { "for": "closeout-note", text: "Note on each (optional, internal: never emailed)" }),
      el("textarea", { id: "closeout-note", rows: "2", maxlength: "5000" })])
  ];
}

/** The close-out's answer: what moved and what was skipped, and why. */
export function closeOutSummary(report, regionName, statusLabel) {
  var moved = report.moved || [];
  var skipped = report.skipped || [];
  var nodes = [el("h3", { text: "Closed out " + regionName }),
    el("p", { text: moved.length + " moved to " + statusLabel(report.status) + ", " + skipped.length + " skipped." })];
  if (moved.length) {
    nodes.push(el("ul", { className: "moved" }, moved.map(function (m) {
      return el("li", { text: (m.organizationName || m.id) + ": " + statusLabel(m.from) + " → " + statusLabel(m.to) });
    })));
  }
  if (skipped.length) {
    nodes.push(el("p", { text: "Skipped (left as they are):" }));
    nodes.push(el("ul", { className: "skipped" }, skipped.map(function (s) {
      return el("li", { text: (s.organizationName || s.id) + " (" + statusLabel(s.status) + "): " + plain(s.reason) });
    })));
  }
  return nodes;
}
