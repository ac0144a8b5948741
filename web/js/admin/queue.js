// admin.html's list of applications: counts by status, filters, the region filter (from the map's
// pins), pages by cursor, and the address that keeps the view. Opening one is detail.js's: it tells
// this list what Open does and what follows each new page (showApplicationsWith).
import { clear, el, request } from "../api.js";
import { APPLICATION_STATUS as STATUS_LABEL, APPLICATION_STATUSES as STATUSES } from "../rules.js";
import { $, alertText, api, formatDate, queryString, say, shownByApi } from "./console.js";

var PAGE_SIZE = 25;
var state = { cursors: [null], page: 0, nextCursor: null, regions: {}, regionsLoaded: null, items: [], queueRequest: 0,
  wantedRegion: null };
var detail = { open: function () {}, listed: function () {} };

/** open(id) shows an application; listed() runs after each page of the list is drawn. */
export function showApplicationsWith(open, listed) {
  detail = { open: open, listed: listed };
}

/** The applications of the page shown, in order. */
export function listedItems() {
  return state.items;
}

export function regionLabel(id) {
  if (!id || id === "none") { return "No region"; }
  return state.regions[id] || id;
}

export function fillStatusFilter() {
  STATUSES.forEach(function (status) {
    $("filter-status").appendChild(el("option", { value: status, text: STATUS_LABEL[status] }));
  });
}

/** The address's view, then the regions and the list (the address's region is chosen once the regions are in). */
export function startQueue() {
  readAddress();
  if (state.wantedRegion && state.wantedRegion !== "all") {
    loadRegions().then(loadQueue);
  } else {
    loadRegions();
    loadQueue();
  }
}

// Once per page: signing in again (after an expired token) must not add the regions twice.
function loadRegions() {
  state.regionsLoaded = state.regionsLoaded || request("GET", "/pins").then(function (response) {
    var select = $("filter-region");
    ((response.body && response.body.features) || []).forEach(function (feature) {
      var p = feature.properties || {};
      state.regions[feature.id] = (p.city || feature.id) + (p.state ? ", " + p.state : "");
      select.appendChild(el("option", { value: feature.id, text: state.regions[feature.id] }));
    });
    if (state.wantedRegion && state.wantedRegion !== "all") {
      // A region the map does not list (closed, or newer than the map's cache) still filters by its id.
      if (!select.querySelector("option[value='" + state.wantedRegion + "']")) {
        select.appendChild(el("option", { value: state.wantedRegion, text: state.wantedRegion }));
      }
      select.value = state.wantedRegion;
    }
  }).catch(function () { /* the filter still offers all / none */ });
  return state.regionsLoaded;
}

export function filters() {
  var params = new URLSearchParams();
  if ($("filter-status").value) { params.set("status", $("filter-status").value); }
  params.set("region", $("filter-region").value || "all");
  if ($("filter-q").value.trim()) { params.set("q", $("filter-q").value.trim()); }
  if ($("filter-sort").value === "score") { params.set("sort", "score"); }
  if ($("filter-assigned").checked) { params.set("assigned", "me"); }
  return params;
}

export function loadQueue() {
  var params = filters();
  params.set("limit", String(PAGE_SIZE));
  var cursor = state.cursors[state.page];
  if (cursor) { params.set("cursor", cursor); }
  say("Loading applications…");
  var asked = ++state.queueRequest;
  return api("GET", "/admin/applications?" + queryString(params)).then(function (response) {
    if (asked !== state.queueRequest) {
      return; // a newer filter or page was asked for meanwhile: its answer wins, whatever arrives last
    }
    var body = response.body || {};
    renderCounts(body.counts || {});
    state.items = body.items || [];
    renderQueue(state.items);
    detail.listed();
    state.nextCursor = body.nextCursor || null;
    $("next-page").disabled = !state.nextCursor;
    $("prev-page").disabled = state.page === 0;
    $("page-label").textContent = "Page " + (state.page + 1);
    var shown = (body.items || []).length;
    say(shown + (shown === 1 ? " application" : " applications") + " shown.");
  }).catch(function (error) {
    say("");
    if (!shownByApi(error)) {
      alertText("The applications could not be loaded: " + error.message);
    }
  });
}

function renderCounts(counts) {
  var box = clear($("counts"));
  var selected = $("filter-status").value;
  var total = STATUSES.reduce(function (sum, s) { return sum + (counts[s] || 0); }, 0);
  [""].concat(STATUSES).forEach(function (status) {
    var n = status ? (counts[status] || 0) : total;
    box.appendChild(el("button", {
      type: "button", "aria-pressed": String(selected === status), "data-status": status || "all",
      text: (status ? STATUS_LABEL[status] : "All") + " (" + n + ")",
      onclick: function () {
        $("filter-status").value = status;
        restartPaging();
      }
    }));
  });
}

function itemOrganization(item) {
  return item.organizationName || "(no name)";
}

function itemManager(item) {
  return (item.contactName || "") + (item.contactEmail ? " <" + item.contactEmail + ">" : "");
}

function renderQueue(items) {
  var body = clear($("queue-body"));
  if (items.length === 0) {
    body.appendChild(el("tr", {}, [el("td", { colspan: "7", text: "No applications match." })]));
    return;
  }
  items.forEach(function (item) {
    body.appendChild(el("tr", { "data-id": item.id }, [
      el("td", { "data-label": "Submitted", text: formatDate(item.submittedAt) }),
      el("td", { "data-label": "Organization" }, [itemOrganization(item),
        item.possibleDuplicate ? el("span", { className: "flag", text: " ⚑ possible duplicate" }) : null]),
      el("td", { "data-label": "Region" }, [item.regionName || regionLabel(item.regionId),
        item.regionFilled ? el("span", { className: "filled", text: " · region filled" }) : null]),
      el("td", { "data-label": "Status", className: "status-badge", text: STATUS_LABEL[item.status] || item.status }),
      el("td", { "data-label": "Program manager", text: itemManager(item) }),
      el("td", { "data-label": "Score", text: item.overallScore === null || item.overallScore === undefined
        ? "—" : item.overallScore + "% (" + item.reviewerCount + ")" }),
      el("td", {}, [el("button", { type: "button", className: "open", "data-id": item.id,
        "aria-label": "Open " + itemOrganization(item), text: "Open",
        onclick: function () { detail.open(item.id); } })])
    ]));
  });
}

function restartPaging() {
  state.cursors = [null];
  state.page = 0;
  loadQueue();
}

// ------------------------------------------------------------------ the address keeps the view
// Filters, order, page (its cursor) and the open application live in the query string, so a reload
// or a shared link shows the same list and application. Previous from a reloaded page goes to page 1.
/** The address for the list as shown, with openId the application open beside it (or none). */
export function updateAddress(openId) {
  var params = filters();
  if (params.get("region") === "all") { params.delete("region"); }
  if (state.page > 0) {
    params.set("page", String(state.page + 1));
    params.set("cursor", state.cursors[state.page]);
  }
  if (openId) { params.set("open", openId); }
  var search = queryString(params);
  var next = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
  if (next !== window.location.pathname + window.location.search + window.location.hash) {
    window.history.replaceState(null, "", next);
  }
}

/** Puts the address's filters into the form before the first load. */
function readAddress() {
  var params = new URLSearchParams(window.location.search);
  if (params.get("status")) { $("filter-status").value = params.get("status"); }
  if (params.get("q")) { $("filter-q").value = params.get("q"); }
  $("filter-sort").value = params.get("sort") === "score" ? "score" : "submitted";
  $("filter-assigned").checked = params.get("assigned") === "me";
  var page = parseInt(params.get("page") || "1", 10);
  if (page > 1 && params.get("cursor")) {
    state.page = page - 1;
    state.cursors = [null];
    state.cursors[state.page] = params.get("cursor");
  }
  state.wantedRegion = params.get("region");
}

$("filters").addEventListener("submit", function (event) {
  event.preventDefault();
  restartPaging();
});
/** Whether there is a page after (step 1) or before (step -1) the one shown. */
export function canTurnPage(step) {
  return step > 0 ? !!state.nextCursor : state.page > 0;
}

/** Shows the page after or before; resolves once it is listed (false when there is none). */
export function turnPage(step) {
  if (!canTurnPage(step)) { return Promise.resolve(false); }
  if (step > 0) {
    state.page += 1;
    state.cursors[state.page] = state.nextCursor;
  } else {
    state.page -= 1;
  }
  return loadQueue().then(function () { return true; });
}

$("next-page").addEventListener("click", function () { turnPage(1); });
$("prev-page").addEventListener("click", function () { turnPage(-1); });
