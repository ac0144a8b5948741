// admin.html's interest from cities without a pin: the counts by state and by city (each city with a
// link to open a region there), the forms themselves a page at a time, and their CSV.
import { clear, el } from "../api.js";
import { $, api, formatDate } from "./console.js";
import { download, timeZone, today } from "./exports.js";

var nextCursor = null;

// The summary comes as byState [{state, count}] and byCity [{city, state, count}], most first.
export function loadInterest() {
  return api("GET", "/admin/interest/summary").then(function (response) {
    var states = response.body.byState || [];
    var cities = response.body.byCity || [];
    var sBody = clear($("interest-states").tBodies[0]);
    states.forEach(function (s) {
      sBody.appendChild(el("tr", {}, [el("td", { text: s.state }), el("td", { text: String(s.count) })]));
    });
    var cBody = clear($("interest-cities").tBodies[0]);
    cities.forEach(function (c) {
      var here = "regions.html?" + new URLSearchParams({ city: c.city || "", state: c.state || "",
        interest: String(c.count) }).toString();
      cBody.appendChild(el("tr", {}, [el("td", { text: c.city }), el("td", { text: c.state || "" }),
        el("td", { text: String(c.count) }),
        el("td", {}, [el("a", { href: here, text: "Open a region here",
          "aria-label": "Open a region in " + c.city + (c.state ? ", " + c.state : "") })])]));
    });
    if (!states.length) { sBody.appendChild(el("tr", {}, [el("td", { colspan: "2", text: "No interest forms yet." })])); }
    if (!cities.length) { cBody.appendChild(el("tr", {}, [el("td", { colspan: "4", text: "No interest forms yet." })])); }
  }).catch(function () { /* shown by api() for 401/403; otherwise the tables stay empty */ });
}

// The forms themselves, newest first, a page at a time.
export function loadInterestList(cursor) {
  var body = $("interest-list").tBodies[0];
  if (!cursor) { clear(body); }
  return api("GET", "/admin/interest?limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "")).then(function (response) {
    (response.body.items || []).forEach(function (f) {
      body.appendChild(el("tr", {}, [
        el("td", { "data-label": "Submitted", text: formatDate(f.submittedAt) }),
        el("td", { "data-label": "Name", text: f.name || "" }),
        el("td", { "data-label": "Email", text: f.email || "" }),
        el("td", { "data-label": "Role", text: (f.role || "").replace(/_/g, " ") }),
        el("td", { "data-label": "City", text: [f.city, f.state].filter(Boolean).join(", ") }),
        el("td", { "data-label": "ZIP", text: f.zip || "" })]));
    });
    if (!body.children.length) { body.appendChild(el("tr", {}, [el("td", { colspan: "6", text: "No interest forms yet." })])); }
    nextCursor = response.body.nextCursor || null;
    $("more-interest").hidden = !nextCursor;
  }).catch(function () { /* shown by api() for 401/403 */ });
}

$("more-interest").addEventListener("click", function () { loadInterestList(nextCursor); });
$("reload-interest").addEventListener("click", function () { loadInterest(); loadInterestList(null); });
$("download-interest").addEventListener("click", function () {
  download("/admin/interest.csv?tz=" + encodeURIComponent(timeZone()), "interest-" + today() + ".csv");
});
