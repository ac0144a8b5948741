// The parts of an application's detail that are about the reviewers, for admin.html: the totals and
// every reviewer's own scores, assignment ("assign me", admins anyone), recusal, and possible duplicates.
// renderReviewPanels(detail, container, options) fills the container; options: api(method, path, body),
// say(text), alertText(text), reload() (opens the application again after a change), criterionLabel(c).
import { clear, el } from "../api.js";

function when(iso) {
  var date = new Date(iso);
  return isNaN(date) ? String(iso || "") : date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

function totals(detail, label) {
  var box = el("div", { className: "panel" }, [el("h3", { text: "Scores of all reviewers" })]);
  box.appendChild(el("p", { className: "overall", text: detail.overallScore === null || detail.overallScore === undefined
    ? "Overall score: not scored yet."
    : "Overall score: " + detail.overallScore + "% yes (weighted), from " + (detail.reviews || []).length + " reviewer"
      + ((detail.reviews || []).length === 1 ? "" : "s") + "." }));
  var criteria = detail.criteria || Object.keys(detail.totals || {});
  var reviews = detail.reviews || [];
  var head = [el("th", { scope: "col", text: "Criterion" }), el("th", { scope: "col", text: "Yes of answered" })]
    .concat(reviews.map(function (r) { return el("th", { scope: "col", text: r.reviewer }); }));
  var rows = criteria.map(function (c) {
    var t = (detail.totals || {})[c] || {};
    return el("tr", {}, [el("th", { scope: "row", text: label(c) + (t.weight && t.weight !== 1 ? " (×" + t.weight + ")" : "") }),
      el("td", { "data-label": "Yes of answered", text: t.answered ? t.yes + " of " + t.answered : "—" })]
      .concat(reviews.map(function (r) {
        var answer = (r.scores || {})[c];
        return el("td", { "data-label": r.reviewer, text: answer ? (answer === "yes" ? "✓ yes" : "✗ no") : "—" });
      })));
  });
  box.appendChild(el("div", { className: "scroll", tabindex: "0", role: "region", "aria-label": "Scores by reviewer" }, [el("table", { className: "cards totals" }, [
    el("caption", { className: "visually-hidden", text: "Each reviewer's answers per criterion" }),
    el("thead", {}, [el("tr", {}, head)]), el("tbody", {}, rows)])]));
  if (reviews.length) {
    box.appendChild(el("p", { className: "help", text: "Scored: " + reviews.map(function (r) {
      return r.reviewer + " (" + when(r.at) + ")"; }).join("; ") + "." }));
  }
  return box;
}

function assignment(detail, options) {
  var me = (options.me || "").toLowerCase();
  var assignees = detail.assignees || [];
  var mine = assignees.some(function (a) { return a.assignee === me; });
  var box = el("div", { className: "panel" }, [el("h3", { text: "Assigned reviewers" })]);
  box.appendChild(el("ul", {}, assignees.length ? assignees.map(function (a) {
    return el("li", {}, [a.assignee + " (by " + a.by + ", " + when(a.at) + ") ",
      options.isAdmin || a.assignee === me ? el("button", { type: "button", text: "Unassign",
        "aria-label": "Unassign " + a.assignee, onclick: function () {
          change("DELETE", "/assignees/" + encodeURIComponent(a.assignee), undefined, "Unassigned " + a.assignee + ".");
        } }) : null]);
  }) : [el("li", { text: "Nobody yet." })]));
  if (!mine && !detail.recused) {
    box.appendChild(el("button", { type: "button", text: "Assign me", onclick: function () {
      change("POST", "/assignees", {}, "Assigned to you."); } }));
  }
  if (options.isAdmin) {
    var input = el("input", { id: "assign-email", type: "email", autocomplete: "off" });
    box.appendChild(el("form", { className: "inline", novalidate: true, onsubmit: function (event) {
      event.preventDefault();
      change("POST", "/assignees", { email: input.value.trim() }, "Assigned " + input.value.trim() + ".");
    } }, [el("label", { "for": "assign-email", text: "Assign a reviewer by email" }), input,
      el("button", { type: "submit", text: "Assign" })]));
  }
  return box;

  function change(method, suffix, body, done) {
    options.api(method, "/admin/applications/" + encodeURIComponent(detail.id) + suffix, body).then(function () {
      options.say(done);
      options.reload();
    }).catch(function (error) { options.alertText(error.message); });
  }
}

function recusal(detail, options) {
  var box = el("div", { className: "panel" }, [el("h3", { text: "Conflict of interest" })]);
  (detail.recusals || []).forEach(function (r) {
    box.appendChild(el("p", { className: "recusal", text: r.reviewer + " recused themselves " + when(r.at)
      + (r.reason ? ": " + r.reason : ".") }));
  });
  if (detail.recused) {
    box.appendChild(el("p", { className: "alert", text: "You have recused yourself: you cannot score or decide this application." }));
    return box;
  }
  var reason = el("textarea", { id: "recusal-reason", rows: "2", maxlength: "2000" });
  box.appendChild(el("details", {}, [el("summary", { text: "Recuse myself from this application" }),
    el("div", { className: "field" }, [el("label", { "for": "recusal-reason", text: "Why (optional, staff only)" }), reason]),
    el("button", { type: "button", id: "recuse", text: "Recuse myself", onclick: function () {
      options.api("POST", "/admin/applications/" + encodeURIComponent(detail.id) + "/recusal",
        reason.value.trim() ? { reason: reason.value.trim() } : {}).then(function () {
        options.say("You are recused: your scores were withdrawn.");
        options.reload();
      }).catch(function (error) { options.alertText(error.message); });
    } })]));
  return box;
}

function duplicates(detail, options) {
  var others = detail.duplicates || [];
  if (!others.length) { return null; }
  var box = el("div", { className: "panel duplicate" }, [el("h3", { text: detail.possibleDuplicate
    ? "⚑ Possible duplicate" : "Similar applications (flag dismissed)" })]);
  box.appendChild(el("ul", {}, others.map(function (o) {
    var why = (o.sameAs || []).map(function (s) { return s === "email" ? "same email" : "same organization in the region"; })
      .join(" and ");
    return el("li", {}, [el("a", { href: "?open=" + encodeURIComponent(o.id), "data-open": o.id,
      text: (o.organizationName || o.id) }), " · " + (o.regionName || "no region") + " · " + (o.status || "")
      + " · " + when(o.submittedAt) + " (" + why + ")"]);
  })));
  if (detail.possibleDuplicate) {
    box.appendChild(el("button", { type: "button", text: "Not a duplicate: dismiss the flag", onclick: function () {
      options.api("POST", "/admin/applications/" + encodeURIComponent(detail.id) + "/duplicate-dismissal", {}).then(function () {
        options.say("The duplicate flag is dismissed.");
        options.reload();
      }).catch(function (error) { options.alertText(error.message); });
    } }));
  } else if (detail.duplicateDismissed) {
    box.appendChild(el("p", { className: "help", text: "Dismissed by " + detail.duplicateDismissed.by + ", "
      + when(detail.duplicateDismissed.at) + "." }));
  }
  return box;
}

export function renderReviewPanels(detail, container, options) {
  clear(container);
  [duplicates(detail, options), totals(detail, options.criterionLabel), assignment(detail, options), recusal(detail, options)]
    .forEach(function (panel) { if (panel) { container.appendChild(panel); } });
}
