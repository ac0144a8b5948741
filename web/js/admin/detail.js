// admin.html's application detail beside the list: the submitted form, previous and next of the
// list, the reviewer's own scores, the reviewers' panels, notes and the status log. Its workflow
// (decisions, undo, close-out) is decisions.js's; this module tells it and the list how to open one.
import { clear, el } from "../api.js";
import { APPLICATION_STATUS as STATUS_LABEL, PROGRAMS } from "../rules.js";
import * as auth from "./auth.js";
import { $, alertText, api, formatDate, say } from "./console.js";
import { conflictOr, renderDecisions, reopenWith } from "./decisions.js";
import { canTurnPage, listedItems, regionLabel, showApplicationsWith, turnPage, updateAddress } from "./queue.js";
import { renderReviewPanels } from "./review-panels.js";

var current = null;
var neighbourIndex = -1;

/** Opens (or refreshes) an application; {quiet: true} keeps the focus and the messages where they are. */
export function openApplication(id, how) {
  var quiet = how && how.quiet;
  if (!quiet) {
    say("Loading the application…");
    $("detail-conflict").hidden = true;
    $("closeout-summary").hidden = true;
  }
  return api("GET", "/admin/applications/" + encodeURIComponent(id)).then(function (response) {
    current = response.body;
    renderDetail(response.body);
    showDetail(true);
    updateAddress(openId());
    updateNeighbours();
    if (!quiet) {
      $("detail-title").focus();
      say("");
    }
  }).catch(function (error) {
    say("");
    alertText("The application could not be loaded: " + error.message);
  });
}

reopenWith(openApplication);
showApplicationsWith(openApplication, function () {
  if (!$("detail").hidden) { showDetail(true); }
  updateAddress(openId());
  updateNeighbours();
});

/** The application shown beside the list, for the address; none when the detail is closed. */
function openId() {
  return current && !$("detail").hidden ? current.id : null;
}

function updateNeighbours() {
  var items = listedItems();
  var index = current ? items.map(function (i) { return i.id; }).indexOf(current.id) : -1;
  $("prev-application").disabled = index < 0 || (index === 0 && !canTurnPage(-1));
  $("next-application").disabled = index < 0 || (index === items.length - 1 && !canTurnPage(1));
  neighbourIndex = index;
}

function showDetail(open) {
  $("detail").hidden = !open;
  $("applications-layout").classList.toggle("with-detail", open);
  Array.prototype.forEach.call($("queue-body").querySelectorAll("tr"), function (row) {
    row.classList.toggle("current", open && !!current && row.getAttribute("data-id") === current.id);
    if (row.getAttribute("data-id")) {
      row.setAttribute("aria-current", String(open && !!current && row.getAttribute("data-id") === current.id));
    }
  });
}

$("back-to-list").addEventListener("click", function () {
  var id = current && current.id;
  showDetail(false);
  updateAddress(openId());
  var button = id && $("queue-body").querySelector("button[data-id='" + id + "']");
  if (button) { button.focus(); }
});
$("prev-application").addEventListener("click", function () { openNeighbour(-1); });
$("next-application").addEventListener("click", function () { openNeighbour(1); });

/** Opens the application before or after the open one in the list, across to the neighbouring page at its ends. */
function openNeighbour(step) {
  if (neighbourIndex < 0) { return; }
  var items = listedItems();
  var index = neighbourIndex + step;
  if (index >= 0 && index < items.length) {
    openApplication(items[index].id);
    return;
  }
  say(step > 0 ? "Loading the next page…" : "Loading the previous page…");
  turnPage(step).then(function (turned) {
    var page = listedItems();
    if (turned && page.length > 0) {
      openApplication(page[step > 0 ? 0 : page.length - 1].id);
    }
  });
}

function addField(list, label, value) {
  if (value === undefined || value === null || value === "") { return; }
  list.appendChild(el("dt", { text: label }));
  list.appendChild(el("dd", { text: String(value) }));
}

// The detail is the queue's summary fields plus the submitted form under "application".
function renderDetail(detail) {
  var app = Object.assign({}, detail.application || {}, detail);
  var org = app.organization || {};
  var address = org.address || {};
  var pm = app.programManager || {};
  $("detail-title").textContent = org.name || app.id;
  $("detail-status").textContent = "Status: " + (STATUS_LABEL[app.status] || app.status)
    + (detail.coPartner ? " (joint partner)" : "")
    + " · region " + (app.regionName || regionLabel(app.regionId)) + (detail.regionFilled ? " · region filled" : "")
    + " · submitted " + formatDate(app.submittedAt);

  var fields = clear($("detail-fields"));
  addField(fields, "Application", app.id);
  addField(fields, "Organization type", org.type === "other" ? "other: " + (org.typeOther || "") : org.type);
  addField(fields, "Website", org.website);
  addField(fields, "Address", [address.street, address.city, [address.state, address.zip].filter(Boolean).join(" ")]
    .filter(Boolean).join(", "));
  addField(fields, "Phone", org.phone);
  addField(fields, "Program manager", [pm.firstName, pm.lastName].filter(Boolean).join(" ")
    + (pm.title ? ", " + pm.title : ""));
  addField(fields, "Manager email", pm.email);
  addField(fields, "Manager phone", pm.phone);
  addField(fields, "Programs", (app.programs || []).map(function (c) { return PROGRAMS[c] || c; }).join(", "));
  addField(fields, "District relationships", app.districtRelationships);
  addField(fields, "PD experience", app.pdExperience);
  addField(fields, "Funding plan", app.fundingPlan);
  addField(fields, "Facilitators", app.facilitators);
  addField(fields, "Joint application with", app.jointApplication && app.jointApplication.partnerName);
  addField(fields, "Terms version agreed to", app.termsVersion);
  if (detail.coPartner) { addField(fields, "Partnership", "Joint partner: accepted although the region already had its partner"); }

  renderScores(app.scores || {}, app.criteria);
  var me = auth.me();
  renderReviewPanels(detail, $("review-panels"), { api: api, say: say, alertText: alertText, criterionLabel: criterionLabel,
    me: me.email, isAdmin: me.groups.indexOf("admins") >= 0, reload: function () { openApplication(detail.id); } });
  renderDecisions(detail);

  var notes = clear($("notes"));
  (app.notes || []).forEach(function (note) {
    notes.appendChild(el("li", {}, [el("strong", { text: (note.by || "staff") + ", " + formatDate(note.at) + ": " }),
      note.text || ""]));
  });
  if (!(app.notes || []).length) { notes.appendChild(el("li", { text: "No notes yet." })); }

  var log = clear($("status-log").tBodies[0]);
  (app.statusLog || []).forEach(function (entry) {
    log.appendChild(el("tr", {}, [
      el("td", { "data-label": "Status" }, [STATUS_LABEL[entry.status] || entry.status,
        entry.coPartner ? " (joint partner)" : "",
        entry.undid ? " (undid " + (STATUS_LABEL[entry.undid] || entry.undid) + ")" : "",
        entry.note ? el("p", { className: "internal-note" }, [
          el("strong", { text: "Internal note (not sent to the applicant): " }), entry.note]) : null]),
      el("td", { "data-label": "By", text: entry.by || "" }),
      el("td", { "data-label": "When", text: formatDate(entry.at) })
    ]));
  });
}

function renderScores(scores, order) {
  var box = clear($("scores"));
  var criteria = order && order.length ? order : Object.keys(scores);
  if (criteria.length === 0) {
    box.appendChild(el("p", { text: "No scoring criteria." }));
    return;
  }
  criteria.forEach(function (criterion, index) {
    var name = "score-" + index;
    var chosen = scores[criterion];
    var options = [["yes", "Yes"], ["no", "No"], ["", "Unset"]].map(function (option) {
      return el("label", {}, [
        el("input", { type: "radio", name: name, value: option[0], "data-criterion": criterion,
          checked: (chosen || "") === option[0],
          onchange: function () { saveScore(criterion, option[0] || null); } }),
        " " + option[1]
      ]);
    });
    box.appendChild(el("fieldset", { className: "score" },
      [el("legend", { text: criterionLabel(criterion) })].concat(options)));
  });
}

// "pdExperience" -> "PD experience"
function criterionLabel(criterion) {
  var words = criterion.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase().replace(/\bpd\b/g, "PD");
  return words.charAt(0).toUpperCase() + words.substring(1);
}

function saveScore(criterion, value) {
  var app = current;
  var change = {};
  change[criterion] = value;
  say("Saving the score…");
  return api("PUT", "/admin/applications/" + encodeURIComponent(app.id) + "/scores", change).then(function (response) {
    app.scores = response.body.scores;
    say("Score saved.");
  }).catch(function (error) {
    say("");
    conflictOr(error, "Saving the score", app.id);
    renderScores(app.scores || {}, app.criteria);
  });
}

$("note-form").addEventListener("submit", function (event) {
  event.preventDefault();
  var text = $("note-text").value.trim();
  if (!text) {
    say("Write a note first.");
    $("note-text").focus();
    return;
  }
  $("add-note").disabled = true;
  say("Adding the note…");
  api("POST", "/admin/applications/" + encodeURIComponent(current.id) + "/notes", { text: text }).then(function () {
    $("note-text").value = "";
    say("Note added.");
    return openApplication(current.id);
  }).catch(function (error) {
    say("");
    conflictOr(error, "Adding the note", current.id);
  }).finally(function () {
    $("add-note").disabled = false;
  });
});
