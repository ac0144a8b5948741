// regions.html (admins): list, create, edit, close and reopen regions; import a CSV or GeoJSON file
// after a dry run shown as a table. The API's field errors are shown beside the fields they name.
import { ApiError, clear, el, query, request, url } from "./api.js";
import { PROGRAMS, REGION_STATUS, STATES, ready } from "./rules.js";
import * as auth from "./admin/auth.js";

var $ = function (id) { return document.getElementById(id); };
var POPULATION = ["districts", "schools", "teachers", "students"];
var FIELD_LABEL = {
  regionId: "Region id", name: "Name", city: "City", state: "State", lat: "Latitude", lng: "Longitude",
  coordinates: "Latitude", status: "Status", programsSought: "Programs sought", summary: "Summary",
  description: "Description", zipPrefixes: "ZIP prefixes", populationServed: "Population served",
  districts: "Districts", schools: "Schools", teachers: "Teachers", students: "Students"
};
var state = { regions: [], editing: null, importFile: null };

function say(text) { $("regions-status").textContent = text; }
function alertText(text) { $("regions-alert").textContent = text; $("regions-alert").hidden = !text; }

function api(method, path, options) {
  options = Object.assign({ token: auth.token() }, options || {});
  return request(method, path, options).catch(function (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      alertText(error.status === 401 ? "Your sign-in has expired: sign in again on the review console."
        : "Your account is not in the admins group, which manages regions.");
    }
    throw error;
  });
}

// ------------------------------------------------------------------ list
/** Loads the list; {@code done} is announced after it (else the count). */
function load(done) {
  say("Loading regions…");
  return api("GET", "/admin/pins").then(function (answer) {
    state.regions = ((answer.body && answer.body.features) || []).slice();
    state.regions.sort(function (a, b) {
      return (a.properties.state + a.properties.city).localeCompare(b.properties.state + b.properties.city);
    });
    render();
    say(done || state.regions.length + " regions.");
  }).catch(function (error) { say(""); alertText("The regions could not be loaded: " + error.message); });
}

function cell(label, children) { return el("td", { "data-label": label }, children); }

function render() {
  var body = clear($("regions-body"));
  state.regions.forEach(function (feature) {
    var p = feature.properties;
    var closed = p.status === "closed";
    var place = p.city + ", " + p.state;
    body.appendChild(el("tr", {}, [
      cell("Region", [el("strong", { text: place }), p.name ? el("span", { className: "help", text: " " + p.name }) : null]),
      cell("Id", [el("code", { text: feature.id })]),
      cell("Status", [REGION_STATUS[p.status] || p.status]),
      cell("Programs sought", [(p.programsSought || []).map(function (code) { return PROGRAMS[code] || code; }).join(", ")]),
      cell("Actions", [
        el("button", { type: "button", text: "Edit", "aria-label": "Edit " + place, onclick: function () { edit(feature.id); } }),
        " ",
        el("button", { type: "button", text: closed ? "Reopen" : "Close",
          "aria-label": (closed ? "Reopen " : "Close ") + place,
          onclick: function () { return closed ? reopen(feature.id) : close(feature.id, place); } })
      ])
    ]));
  });
}

function close(id, place) {
  if (!window.confirm("Close " + place + "? Its pin leaves the public map; applications stay.")) { return; }
  say("Closing " + place + "…");
  api("DELETE", "/admin/pins/" + encodeURIComponent(id)).then(function () {
    return load(place + " is closed.");
  }).catch(function (error) { say(""); alertText("Could not close it: " + error.message); });
}

function reopen(id) {
  say("Reopening…");
  api("GET", "/admin/pins/" + encodeURIComponent(id)).then(function (answer) {
    var body = bodyOf(answer.body);
    body.status = "seeking_partner";
    return api("PUT", "/admin/pins/" + encodeURIComponent(id), { body: body });
  }).then(function () {
    return load("Reopened: the region seeks a partner again.");
  }).catch(function (error) { say(""); alertText("Could not reopen it: " + error.message); });
}

/** The PUT body of a region from its detail feature. */
function bodyOf(feature) {
  var p = feature.properties;
  return {
    regionId: feature.id, name: p.name, city: p.city, state: p.state,
    lat: feature.geometry ? feature.geometry.coordinates[1] : null,
    lng: feature.geometry ? feature.geometry.coordinates[0] : null,
    status: p.status, programsSought: p.programsSought || [], summary: p.summary, description: p.description,
    populationServed: p.populationServed, zipPrefixes: p.zipPrefixes || []
  };
}

// ------------------------------------------------------------------ editor
function buildEditorLists() {
  STATES.forEach(function (pair) {
    $("region-state").appendChild(el("option", { value: pair[0], text: pair[1] + " (" + pair[0] + ")" }));
  });
  Object.keys(PROGRAMS).forEach(function (code) {
    $("region-programs").appendChild(el("label", { className: "check" }, [
      el("input", { type: "checkbox", name: "programsSought", value: code, id: "region-program-" + code }), " " + PROGRAMS[code]]));
  });
}

function openEditor(title, values, isNew) {
  clearErrors();
  state.editing = isNew ? null : values.regionId;
  $("editor-title").textContent = title;
  $("region-regionId").value = values.regionId || "";
  $("region-regionId").readOnly = !isNew;
  ["name", "city", "lat", "lng", "summary", "description"].forEach(function (name) {
    $("region-" + name).value = values[name] === null || values[name] === undefined ? "" : values[name];
  });
  $("region-state").value = values.state || "";
  $("region-status").value = values.status || "seeking_partner";
  var programs = values.programsSought || [];
  Object.keys(PROGRAMS).forEach(function (code) { $("region-program-" + code).checked = programs.indexOf(code) >= 0; });
  POPULATION.forEach(function (name) {
    var value = values.populationServed ? values.populationServed[name] : "";
    $("region-" + name).value = value === null || value === undefined ? "" : value;
  });
  $("region-zipPrefixes").value = (values.zipPrefixes || []).join(", ");
  $("region-editor").hidden = false;
  $("editor-title").focus();
}

function edit(id) {
  say("Opening " + id + "…");
  api("GET", "/admin/pins/" + encodeURIComponent(id)).then(function (answer) {
    say("");
    var values = bodyOf(answer.body);
    openEditor("Edit " + values.city + ", " + values.state, values, false);
  }).catch(function (error) { say(""); alertText("Could not open it: " + error.message); });
}

function number(id) {
  var raw = $(id).value.trim();
  return raw === "" || isNaN(Number(raw)) ? (raw === "" ? null : raw) : Number(raw);
}

function formBody() {
  var population = {};
  POPULATION.forEach(function (name) { population[name] = number("region-" + name); });
  var zips = $("region-zipPrefixes").value.split(/[\s,]+/).filter(function (z) { return z; });
  var body = {
    regionId: $("region-regionId").value.trim(), city: $("region-city").value.trim(), state: $("region-state").value,
    lat: number("region-lat"), lng: number("region-lng"), status: $("region-status").value,
    programsSought: Array.prototype.filter.call(document.querySelectorAll("#region-programs input"), function (box) {
      return box.checked; }).map(function (box) { return box.value; }),
    populationServed: population, zipPrefixes: zips
  };
  ["name", "summary", "description"].forEach(function (name) {
    var value = $("region-" + name).value.trim();
    if (value) { body[name] = value; }
  });
  return body;
}

/** The form field an API error names: populationServed.districts is the Districts box, coordinates Latitude. */
function fieldKey(field) {
  var key = String(field || "").replace(/\[\d+\]$/, "");
  if (key.indexOf("populationServed.") === 0) { key = key.substring("populationServed.".length); }
  if (key === "coordinates") { key = "lat"; }
  return $("field-" + key) ? key : null;
}

function clearErrors() {
  Array.prototype.forEach.call(document.querySelectorAll("#region-form .has-error"), function (node) {
    node.classList.remove("has-error");
  });
  Array.prototype.forEach.call(document.querySelectorAll("#region-form .field-error"), function (node) { node.remove(); });
  Array.prototype.forEach.call(document.querySelectorAll("#region-form [aria-invalid]"), function (node) {
    node.removeAttribute("aria-invalid");
    var described = (node.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id.indexOf("-error") < 0; });
    if (described.length) { node.setAttribute("aria-describedby", described.join(" ")); } else { node.removeAttribute("aria-describedby"); }
  });
  $("editor-summary").hidden = true;
  clear($("editor-summary-list"));
}

function showErrors(errors) {
  clearErrors();
  var list = $("editor-summary-list");
  errors.forEach(function (error) {
    var key = fieldKey(error.field) || "regionId";
    var wrapper = $("field-" + key);
    var input = wrapper.querySelector("input, select, textarea");
    var messageId = "error-" + key + "-" + list.children.length;
    wrapper.classList.add("has-error");
    wrapper.appendChild(el("p", { className: "field-error", id: messageId, text: error.message }));
    if (input && wrapper.tagName !== "FIELDSET") {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + messageId).trim());
    }
    var target = input ? input.id : wrapper.id;
    list.appendChild(el("li", {}, [el("a", { href: "#" + target, text: (FIELD_LABEL[key] || key) + ": " + error.message })]));
  });
  $("editor-summary").hidden = false;
  $("editor-summary").focus();
}

$("new-region").addEventListener("click", function () { openEditor("New region", {}, true); });
$("cancel-region").addEventListener("click", function () { $("region-editor").hidden = true; clearErrors(); });
$("region-form").addEventListener("submit", function (event) {
  event.preventDefault();
  var body = formBody();
  var id = state.editing || body.regionId;
  if (!id) {
    showErrors([{ field: "regionId", message: "Required: the region's id." }]);
    return;
  }
  say("Saving…");
  api("PUT", "/admin/pins/" + encodeURIComponent(id), { body: body }).then(function (answer) {
    $("region-editor").hidden = true;
    clearErrors();
    return load((answer.status === 201 ? "Created " : "Saved ") + body.city + ", " + body.state + ".");
  }).catch(function (error) {
    say("");
    if (error instanceof ApiError && error.problem.errors && error.problem.errors.length) {
      showErrors(error.problem.errors);
    } else if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) {
      alertText("Could not save: " + error.message);
    }
  });
});

// ------------------------------------------------------------------ import
function contentType(file) {
  return /\.csv$/i.test(file.name) || file.type === "text/csv" ? "text/csv" : "application/geo+json";
}

function sendImport(dryRun) {
  var file = $("import-file").files[0];
  if (!file) {
    alertText("Choose a CSV or GeoJSON file first.");
    return;
  }
  alertText("");
  say(dryRun ? "Checking " + file.name + "…" : "Importing " + file.name + "…");
  file.text().then(function (text) {
    return fetch(url("/admin/pins" + (dryRun ? "?dryRun=true" : "")), {
      method: "POST",
      headers: { "Content-Type": contentType(file), "Accept": "application/json, application/problem+json",
        "Authorization": "Bearer " + auth.token() },
      body: text
    });
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) { throw new ApiError(response.status, body); }
      return body;
    });
  }).then(function (report) {
    showReport(report, file.name);
    $("import-apply").disabled = !dryRun ? true : report.created + report.updated === 0;
    say("");
    if (!dryRun) { return load("Imported " + file.name + "."); }
  }).catch(function (error) {
    say("");
    $("import-apply").disabled = true;
    alertText((dryRun ? "The file could not be checked: " : "The import failed: ") + error.message);
  });
}

function showReport(report, name) {
  var body = clear($("import-body"));
  (report.rows || []).forEach(function (row) {
    var problems = (row.errors || []).map(function (e) { return e.field + ": " + e.message; }).join("; ");
    body.appendChild(el("tr", { className: row.result === "rejected" ? "rejected" : null }, [
      cell("Row", [String(row.line || row.row)]),
      cell("Region id", [row.regionId || "—"]),
      cell("Result", [row.result === "rejected" ? "✗ rejected" : (report.dryRun ? "✓ would be " : "✓ ") + row.result]),
      cell("Problems", [problems || "—"])
    ]));
  });
  $("import-report-title").textContent = (report.dryRun ? "Check of " + name + ": " : "Imported " + name + ": ")
    + report.created + " new, " + report.updated + " updated, " + report.rejected + " rejected"
    + (report.dryRun ? " (nothing saved yet)" : "");
  $("import-report").hidden = false;
  $("import-report-title").focus();
}

$("import-file").addEventListener("change", function () { $("import-apply").disabled = true; $("import-report").hidden = true; });
$("import-check").addEventListener("click", function () { sendImport(true); });
$("import-apply").addEventListener("click", function () { sendImport(false); });

// ------------------------------------------------------------------ start
function start() {
  if (!auth.token()) {
    $("need-signin").hidden = false;
    return;
  }
  $("regions-console").hidden = false;
  // The state and program lists (and status words) come with the rules.
  ready.then(buildEditorLists).then(load).then(function () {
    // "Open a region here" from the interest summary: regions.html?city=&state=&interest=
    var city = query("city");
    if (city) {
      openEditor("New region", { city: city, state: query("state") || "",
        regionId: (city + "-" + (query("state") || "")).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
          .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") }, true);
      var interest = query("interest");
      if (interest) {
        $("editor-interest").textContent = interest + " interest form" + (interest === "1" ? "" : "s")
          + " came from " + city + ". Add the coordinates, programs and population, then save.";
        $("editor-interest").hidden = false;
      }
    }
  });
}
start();
