// apply.html: the partner application (POST /applications), with its drafts (drafts.js).
import "./site-nav.js";
import { clear, el, query, request } from "./api.js";
import { setup, showSuccess } from "./forms.js";
import { applicationSent, keepDrafts, regionsLoaded } from "./drafts.js";

var form = document.getElementById("apply-form");
var regionSelect = document.getElementById("regionId");
var typeSelect = document.getElementById("org-type");
var typeOtherBox = document.getElementById("typeOther-box");
var typeOther = document.getElementById("org-typeOther");

// "Other" needs its own description; hidden and disabled (so not sent) otherwise.
function syncTypeOther() {
  var other = typeSelect.value === "other";
  typeOtherBox.hidden = !other;
  typeOther.disabled = !other;
  typeOther.required = other;
}
typeSelect.addEventListener("change", syncTypeOther);
syncTypeOther();

function loadRegions() {
  var wanted = query("region");
  return request("GET", "/pins?status=seeking_partner").then(function (response) {
    var features = (response.body && response.body.features) || [];
    features.sort(function (a, b) {
      var pa = a.properties || {}, pb = b.properties || {};
      return (pa.state + pa.city).localeCompare(pb.state + pb.city);
    });
    clear(regionSelect);
    regionSelect.appendChild(el("option", { value: "", text: "Choose a region" }));
    features.forEach(function (feature) {
      var p = feature.properties || {};
      var label = p.city + ", " + p.state + (p.name && p.name !== p.city ? " — " + p.name : "");
      regionSelect.appendChild(el("option", { value: feature.id, text: label, selected: feature.id === wanted }));
    });
    regionSelect.disabled = false;
    regionsLoaded();
    if (wanted && regionSelect.value !== wanted) {
      document.getElementById("regionId-help").insertBefore(
        document.createTextNode("The region from the map link is no longer seeking a partner; choose another. "),
        document.getElementById("regionId-help").firstChild);
    }
  }).catch(function () {
    clear(regionSelect);
    regionSelect.appendChild(el("option", { value: "", text: "Regions could not be loaded — reload the page" }));
  });
}

// The version agreed to is the one terms.html states (data-terms-version): staff change it there only.
// Until it is read the field stays disabled (not sent), and the server records the version in force.
function loadTermsVersion() {
  return fetch("terms.html").then(function (response) {
    return response.ok ? response.text() : "";
  }).then(function (html) {
    var terms = new DOMParser().parseFromString(html, "text/html").querySelector("[data-terms-version]");
    if (terms && terms.dataset.termsVersion) {
      var field = document.getElementById("termsVersion");
      field.value = terms.dataset.termsVersion;
      field.disabled = false;
      document.getElementById("terms-version-shown").textContent = "version " + terms.dataset.termsVersion;
    }
  }).catch(function () { /* not sent: the server records the version in force */ });
}
loadTermsVersion();

setup(form, {
  endpoint: "/applications",
  sendingText: "Sending your application… please wait.",
  onSuccess: function (answer, body) {
    document.getElementById("success-id").textContent = answer && answer.id ? answer.id : "";
    document.getElementById("success-email").textContent = body.programManager ? body.programManager.email : "";
    showSuccess(form, document.getElementById("success"));
    applicationSent();
  }
}).then(loadRegions);
keepDrafts(form);
