// An application's workflow in admin.html: a button for each move the server allows, confirmed with
// the email first when it mails the applicant or is final; the held email's line with Undo; a filled
// region's close-out; a 409 said plainly. decision-dialog.js draws the dialogs; detail.js draws the
// rest of the application and says how to show it again after a change (reopenWith).
import { ApiError, clear, el } from "../api.js";
import { APPLICATION_STATUS as STATUS_LABEL } from "../rules.js";
import { $, alertText, api, say, shownByApi } from "./console.js";
import { closeOutBody, closeOutSummary, openDialog, plain, previewBody, renderHeld as drawHeld, time }
  from "./decision-dialog.js";
import { loadQueue, regionLabel } from "./queue.js";

var CONFLICT = "Someone else changed this application; reload to see their change.";
// Moves that email the applicant or cannot be taken back once the hold ends: confirmed with the email first.
var CONFIRMED = ["interview", "accepted", "declined", "waitlisted", "withdrawn"];
var FINAL = ["accepted", "declined", "waitlisted", "withdrawn"];

var reopen = function () { return Promise.resolve(); };
/** open(id, {quiet}) shows an application again (detail.js's openApplication). */
export function reopenWith(open) {
  reopen = open;
}

/** The held line, the filled region's panel, the decision buttons and their help for this detail. */
export function renderDecisions(detail) {
  renderHeld(detail);
  renderRegionFilled(detail);
  var buttons = clear($("decision-buttons"));
  // The detail carries the moves the server allows from this status: one button for each.
  var allowed = detail.allowedTransitions || [];
  var status = STATUS_LABEL[detail.status] || detail.status;
  if (allowed.length === 0) {
    buttons.appendChild(el("p", { text: detail.held
      ? status + " becomes final at " + time(detail.held.until) + " unless you undo it."
      : "This application is finalized (" + status + ")." }));
  }
  allowed.forEach(function (next) {
    buttons.appendChild(el("button", { type: "button", "data-decision": next,
      text: "Move to " + STATUS_LABEL[next], onclick: function () { decide(detail, next); } }));
  });
  // While the last decision's email is held the server takes no other decision: undo it first.
  var heldEmail = detail.held && detail.held.emailTo;
  $("decision-help").textContent = heldEmail
    ? "The email of the last decision is held: undo it to decide differently, or decide again once it has gone out."
    : "Moves that email the applicant or are final show the email and ask you to confirm first.";
  if (detail.recused || heldEmail) { enableDecisions(false); }
}

function problemSlug(error) {
  var type = (error && error.problem && error.problem.type) || "";
  return type.substring(type.lastIndexOf("/") + 1);
}

/** A 409 said plainly (the server's own words name what happened), with Reload of application id; other failures in the alert. */
export function conflictOr(error, what, id) {
  if (error instanceof ApiError && error.status === 409) {
    var box = $("detail-conflict");
    clear(box);
    var slug = problemSlug(error);
    box.appendChild(document.createTextNode((slug && slug !== "version-conflict" && error.problem.detail
      ? plain(error.problem.detail) : CONFLICT) + " "));
    box.appendChild(el("button", { type: "button", text: "Reload", onclick: function () { reopen(id); } }));
    box.hidden = false;
  } else if (!shownByApi(error)) {
    alertText(what + " failed: " + error.message);
  }
}

function enableDecisions(enabled) {
  Array.prototype.forEach.call($("decision-buttons").querySelectorAll("button"), function (b) { b.disabled = !enabled; });
}

function decide(app, next) {
  var note = $("decision-note").value.trim();
  if (CONFIRMED.indexOf(next) < 0) { return sendDecision(app, next, note, false, null); }
  var trigger = $("decision-buttons").querySelector("button[data-decision='" + next + "']");
  enableDecisions(false);
  say("Preparing the email…");
  return api("GET", "/admin/applications/" + encodeURIComponent(app.id) + "/decision-preview?status="
    + encodeURIComponent(next)).then(function (response) {
    say("");
    enableDecisions(true);
    var dialog = openDialog({
      title: "Move to " + STATUS_LABEL[next] + "?",
      body: previewBody(response.body, {
        organization: $("detail-title").textContent, note: note, final: FINAL.indexOf(next) >= 0,
        fromLabel: STATUS_LABEL[app.status], toLabel: STATUS_LABEL[next],
        warning: next === "accepted" && app.regionFilled && app.regionPartner
          ? "The region already has its partner: " + app.regionPartner + "." : null }),
      actions: [{ label: response.body.email ? "Confirm: move to " + STATUS_LABEL[next] + " and send the email"
        : "Confirm: move to " + STATUS_LABEL[next], primary: true, id: "confirm-decision",
        run: function () { sendDecision(app, next, note, false, dialog); } }],
      returnTo: trigger,
      onCancel: function () { say("Not moved: nothing was sent."); }
    });
  }).catch(function (error) {
    say("");
    enableDecisions(true);
    conflictOr(error, "Preparing the email", app.id);
  });
}

/** POSTs the decision; in a dialog a region's 409 is answered there (joint partner, or closed). */
function sendDecision(app, next, note, coPartner, dialog) {
  var body = { status: next, expectedVersion: app.version };
  if (note) { body.note = note; }
  if (coPartner) { body.coPartner = true; }
  enableDecisions(false);
  if (dialog) { dialog.setBusy(true); }
  say("Saving the decision…");
  return api("POST", "/admin/applications/" + encodeURIComponent(app.id) + "/decision", body).then(function (response) {
    if (dialog) { dialog.close(); }
    $("decision-note").value = "";
    var held = response.body && response.body.held;
    return refresh(app.id, "Moved to " + STATUS_LABEL[next] + (coPartner ? " as a joint partner" : "") + "."
      + (held && held.emailTo ? " The email to " + held.emailTo + " goes out at " + time(held.until)
        + "; you can undo until then." : ""));
  }).catch(function (error) {
    say("");
    enableDecisions(true);
    var slug = problemSlug(error);
    if (dialog && error instanceof ApiError && error.status === 409 && slug === "region-has-partner") {
      dialog.setBusy(false);
      dialog.problem(["Not accepted: " + error.problem.detail.replace(/ Send "coPartner": true .*$/, ""),
        el("br"), "Accept it anyway as a joint partner of the region, or cancel."]);
      dialog.actions([{ label: "Accept as joint partner", primary: true, id: "accept-joint",
        run: function () { sendDecision(app, next, note, true, dialog); } }]);
      document.getElementById("accept-joint").focus();
      return;
    }
    if (dialog && error instanceof ApiError && error.status === 409 && slug === "region-closed") {
      dialog.setBusy(false);
      dialog.problem("Not accepted: " + plain(error.problem.detail));
      dialog.actions([]);
      document.getElementById("confirm-cancel").focus();
      return;
    }
    if (dialog) { dialog.close(); }
    conflictOr(error, "The decision", app.id);
  });
}

/** After a change: the application and the list again, then what happened (the list's own message would hide it). */
function refresh(id, message) {
  say(message);
  return reopen(id, { quiet: true }).then(loadQueue).then(function () { say(message); });
}

function renderHeld(detail) {
  drawHeld(detail.held, $("held"), {
    statusLabel: function (s) { return STATUS_LABEL[s] || s; },
    onUndo: function () { undo(detail); },
    // The hold is over: the server now says the decision stands (and the buttons it allows). Each render
    // replaces this countdown, so it belongs to the application shown.
    onExpired: function () { reopen(detail.id, { quiet: true }); }
  });
}

function undo(detail) {
  var button = $("undo-decision");
  if (button) { button.disabled = true; }
  say("Undoing the decision…");
  return api("POST", "/admin/applications/" + encodeURIComponent(detail.id) + "/undo",
    { expectedVersion: detail.version }).then(function (response) {
    var back = STATUS_LABEL[response.body.status] || response.body.status;
    return refresh(detail.id, "Undone: back to " + back + "."
      + (detail.held.emailTo ? " The email to " + detail.held.emailTo + " will not be sent." : ""))
      .then(function () { $("detail-title").focus(); });
  }).catch(function (error) {
    say("");
    conflictOr(error, "Undo", detail.id);
    if (error instanceof ApiError && error.status === 409) { reopen(detail.id, { quiet: true }); }
  });
}

/** A region with its partner: say so, and offer to close out its other open applications. */
function renderRegionFilled(detail) {
  var box = clear($("region-filled"));
  var region = detail.regionName || regionLabel(detail.regionId);
  var partnerHere = detail.status === "accepted" && !detail.held;
  box.hidden = !detail.regionId || !(detail.regionFilled || partnerHere);
  if (box.hidden) { return; }
  box.appendChild(el("p", { text: detail.regionFilled
    ? "Region filled: " + region + " has its partner" + (detail.regionPartner ? ", " + detail.regionPartner : "") + "."
    : "This application is " + region + "'s partner." }));
  box.appendChild(el("button", { type: "button", id: "close-out", text: "Close out the region's other applications",
    onclick: function () { closeOut(detail, region); } }));
}

function closeOut(detail, region) {
  var dialog = openDialog({
    title: "Close out " + region + "?",
    body: closeOutBody(detail, region),
    actions: [{ label: "Close out the region", primary: true, id: "confirm-close-out", run: function () {
      var chosen = document.querySelector("input[name=closeout-status]:checked");
      if (!chosen) {
        dialog.problem("Choose whether to decline or waitlist them.");
        document.getElementById("closeout-declined").focus();
        return;
      }
      var body = { status: chosen.value };
      var note = document.getElementById("closeout-note").value.trim();
      if (note) { body.note = note; }
      dialog.setBusy(true);
      say("Closing out " + region + "…");
      api("POST", "/admin/regions/" + encodeURIComponent(detail.regionId) + "/close-out", body).then(function (response) {
        dialog.close();
        var summary = clear($("closeout-summary"));
        closeOutSummary(response.body, region, function (s) { return STATUS_LABEL[s] || s; })
          .forEach(function (node) { summary.appendChild(node); });
        summary.hidden = false;
        summary.focus();
        return refresh(detail.id, "Closed out " + region + ": " + response.body.moved.length + " moved, "
          + response.body.skipped.length + " skipped.");
      }).catch(function (error) {
        say("");
        dialog.setBusy(false);
        dialog.problem("Nothing was closed out: " + error.message);
      });
    } }],
    onCancel: function () { say("Not closed out: nothing changed."); }
  });
}
