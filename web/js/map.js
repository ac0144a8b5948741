// map.html: one pin per region from GET /pins over US state outlines (us-atlas, Census boundaries).
// Records how long it took from navigation start until the pins were drawn (window.PLP_MAP, and
// the data-pins-drawn-ms attribute on <html>) so browser tests and people can read the figure.
import { config } from "../config.js";
import { clear, el, formatNumber, query, request } from "./api.js";
import { PROGRAMS, REGION_STATUS, ready } from "./rules.js";

var CONUS = [[24.4, -125.0], [49.5, -66.9]];
var REGION_ZOOM = 6; // a region's surroundings, when the search or the list shows one pin
var statusNode = document.getElementById("map-status");
var listNode = document.getElementById("regions");
var timing = window.PLP_MAP = { pinsDrawnMs: null, statesDrawnMs: null, pinCount: 0 };

// The wheel scrolls the page (the map is often embedded) until the map is clicked or focused.
var map = L.map("map", { zoomSnap: 0.25, minZoom: 2, maxZoom: 12, keyboard: true, worldCopyJump: false,
  scrollWheelZoom: false });
map.fitBounds(CONUS);
var everyPin = null;
// Focus anywhere inside the map (the map itself, a pin, a popup's heading or link) counts: the
// map's own focus and blur events only see the map's box, which loses focus to its popups and pins.
var container = map.getContainer();
map.on("click", function () { map.scrollWheelZoom.enable(); });
container.addEventListener("focusin", function () { map.scrollWheelZoom.enable(); });
container.addEventListener("focusout", function (event) {
  if (!event.relatedTarget || !container.contains(event.relatedTarget)) {
    map.scrollWheelZoom.disable();
  }
});
container.addEventListener("mouseleave", function () {
  if (!container.contains(document.activeElement)) {
    map.scrollWheelZoom.disable();
  }
});

/** The whole country: every pin, Alaska and Hawaii included. */
function wholeCountry(options) {
  map.fitBounds(everyPin && everyPin.isValid() ? everyPin.pad(0.05) : CONUS, options);
}
var WholeCountry = L.Control.extend({
  options: { position: "topleft" },
  onAdd: function () {
    var box = L.DomUtil.create("div", "leaflet-bar leaflet-control whole-country");
    var button = el("button", { type: "button", text: "Whole country", title: "Show the whole country" });
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      map.closePopup();
      wholeCountry();
    });
    box.appendChild(button);
    L.DomEvent.disableClickPropagation(box);
    return box;
  }
});
map.addControl(new WholeCountry());

// Escape closes an open popup wherever focus is inside the map (its heading, its links).
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape" && openPopup) {
    map.closePopup();
  }
});
var openPopup = null;
map.on("popupopen", function (event) { openPopup = event.popup; });
map.on("popupclose", function () { openPopup = null; });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("State outlines: U.S. Census Bureau via us-atlas");

var tiles = (config.tiles || {});
if (tiles.url && (tiles.enabled || query("tiles") === "1")) {
  L.tileLayer(tiles.url, { attribution: tiles.attribution || "", maxZoom: 12 }).addTo(map);
}

fetch("vendor/us-atlas/states-10m.json").then(function (r) { return r.json(); }).then(function (topology) {
  L.geoJSON(topojson.feature(topology, topology.objects.states), {
    renderer: L.canvas({ padding: 0.2 }),
    interactive: false,
    style: { color: "#7a8a99", weight: 0.8, fillColor: "#ffffff", fillOpacity: 1 }
  }).addTo(map);
  timing.statesDrawnMs = Math.round(performance.now());
}).catch(function () {
  // The pins still work without the outlines.
});

var clusters = L.markerClusterGroup({
  // Without animation the clusters split and merge as the zoom ends, so showOnMap can check at once.
  animate: false,
  showCoverageOnHover: false,
  maxClusterRadius: 30,
  spiderfyOnMaxZoom: true,
  iconCreateFunction: function (cluster) {
    var count = cluster.getChildCount();
    return L.divIcon({
      className: "marker-cluster marker-cluster-small",
      iconSize: L.point(40, 40),
      html: "<div><span>" + count + "<span class=\"visually-hidden\"> regions close together; press Enter to zoom in</span></span></div>"
    });
  }
}).addTo(map);

function statusLabel(status) {
  return REGION_STATUS[status] || status || "Unknown";
}

function regionTitle(p) {
  return (p.city || p.name || "Region") + (p.state ? ", " + p.state : "");
}

function details(feature) {
  var p = feature.properties || {};
  var pop = p.populationServed || {};
  var programs = (p.programsSought || []).map(function (code) { return PROGRAMS[code] || code; });
  return el("div", { className: "region-details" }, [
    el("h3", { className: "region-title", tabindex: "-1", text: regionTitle(p) }),
    p.name && p.name !== p.city ? el("p", { className: "region-name", text: p.name }) : null,
    el("p", { className: "region-status status-" + (p.status || "unknown") }, [
      el("span", { className: "pin pin-" + p.status, "aria-hidden": "true" }, [el("span", { className: "pin-shape" })]),
      " " + statusLabel(p.status)
    ]),
    // The Apply link comes first, so a short map or a phone shows it without scrolling the popup.
    p.status === "seeking_partner"
      ? el("a", { className: "apply button", target: "_top",
        href: "apply.html?region=" + encodeURIComponent(feature.id),
        text: "Apply for " + regionTitle(p) })
      : el("p", { text: p.status === "partner_selected" ? "A partner has been selected for this region." : "This region is not taking applications." }),
    el("h4", { text: "Population served" }),
    el("dl", { className: "population" }, [
      el("dt", { text: "Districts" }), el("dd", { text: formatNumber(pop.districts) }),
      el("dt", { text: "Schools" }), el("dd", { text: formatNumber(pop.schools) }),
      el("dt", { text: "Teachers" }), el("dd", { text: formatNumber(pop.teachers) }),
      el("dt", { text: "Students" }), el("dd", { text: formatNumber(pop.students) })
    ]),
    programs.length ? el("h4", { text: "Programs sought" }) : null,
    programs.length ? el("ul", { className: "programs" }, programs.map(function (name) {
      return el("li", { text: name });
    })) : null,
    p.summary ? el("p", { className: "summary", text: p.summary }) : null
  ]);
}

/** How far the map's corner controls (zoom, whole country, attribution) reach in from its top and bottom. */
function controlMargins() {
  var box = container.getBoundingClientRect();
  var margins = { top: 0, bottom: 0 };
  container.querySelectorAll(".leaflet-top .leaflet-control").forEach(function (control) {
    margins.top = Math.max(margins.top, control.getBoundingClientRect().bottom - box.top);
  });
  container.querySelectorAll(".leaflet-bottom .leaflet-control").forEach(function (control) {
    margins.bottom = Math.max(margins.bottom, box.bottom - control.getBoundingClientRect().top);
  });
  return margins;
}

// A popup that fits between the controls of the map as it is when it opens (a phone, a frame, a
// resized window): autoPan then brings its heading, and the Apply link under it, clear of them.
var FittingPopup = L.Popup.extend({
  _updateLayout: function () {
    var margins = controlMargins();
    this.options.autoPanPaddingTopLeft = [10, margins.top + 8];
    this.options.autoPanPaddingBottomRight = [10, margins.bottom + 8];
    // The content's height; the popup's padding, tip and anchor add about 50 px.
    this.options.maxHeight = Math.max(160, this._map.getSize().y - margins.top - margins.bottom - 16 - 50);
    this.options.maxWidth = Math.max(160, Math.min(300, this._map.getSize().x - 20 - 40));
    L.Popup.prototype._updateLayout.call(this);
  }
});

function drawPins(collection) {
  var features = (collection && collection.features) || [];
  // Keyboard and list order: by state, then city (not the clusters' order).
  features.sort(function (a, b) {
    var pa = a.properties || {};
    var pb = b.properties || {};
    return (pa.state || "").localeCompare(pb.state || "") || regionTitle(pa).localeCompare(regionTitle(pb));
  });
  var markers = [];
  markersById = {};
  clear(listNode);
  features.forEach(function (feature) {
    var p = feature.properties || {};
    var coords = feature.geometry && feature.geometry.coordinates;
    if (!coords || coords.length < 2) {
      return;
    }
    var label = regionTitle(p) + " — " + statusLabel(p.status);
    var marker = L.marker([coords[1], coords[0]], {
      keyboard: true,
      title: label,
      alt: label,
      riseOnHover: true,
      icon: L.divIcon({
        className: "pin pin-" + (REGION_STATUS[p.status] ? p.status : "closed"),
        html: "<span class=\"pin-shape\"></span>",
        iconSize: [22, 22],
        iconAnchor: [11, 11],
        popupAnchor: [0, -10]
      })
    });
    // The popup never grows past the map (its content scrolls) and is panned into view, so its
    // Apply link can be reached in a 640 px iframe, a 448 px map or on a phone.
    marker.bindPopup(new FittingPopup({ autoPan: true, keepInView: true }, marker)
      .setContent(function () { return details(feature); }));
    markersById[feature.id] = marker;
    marker.on("add", function () {
      var element = marker.getElement();
      if (element) {
        element.setAttribute("aria-label", label + ". Press Enter for details.");
        element.dataset.regionId = feature.id;
      }
    });
    markers.push(marker);

    var item = el("li", { className: "region-item", "data-region-id": feature.id }, [
      details(feature),
      el("button", { type: "button", className: "show-on-map", text: "Show " + regionTitle(p) + " on the map",
        onclick: function () { showOnMap(marker); } })
    ]);
    listNode.appendChild(item);
  });
  // Fit first, without animation, so the clusters are computed once for the view they are shown in.
  everyPin = markers.length ? L.latLngBounds(markers.map(function (m) { return m.getLatLng(); })) : null;
  wholeCountry({ animate: false });
  clusters.addLayers(markers);
  timing.pinCount = markers.length;
  statusNode.textContent = markers.length === 0 ? "No regions are on the map yet."
    : markers.length + (markers.length === 1 ? " region" : " regions") + " on the map.";
  // Measured after the browser has painted the markers: navigation start -> pins visible.
  requestAnimationFrame(function () {
    timing.pinsDrawnMs = Math.round(performance.now());
    document.documentElement.setAttribute("data-pins-drawn-ms", String(timing.pinsDrawnMs));
    if (window.performance && performance.mark) {
      performance.mark("pins-drawn");
    }
  });
}

/**
 * Opens a region's popup: centres its pin, zooming in one level at a time (at least to a region's
 * view) until the pin stands alone, or spiderfies its cluster at the deepest zoom. Every step is
 * synchronous (no animated view change, clusters without animation), so it always ends with the
 * popup open; markercluster's zoomToShowLayer, used before, waited for animation events that
 * sometimes never came, and the popup then never opened.
 */
function showOnMap(marker) {
  document.getElementById("map").scrollIntoView({ block: "nearest" });
  map.closePopup();
  if (map._animatingZoom) { // a wheel or button zoom under way refuses a new view: start when it ends
    map.once("zoomend", function () { showOnMap(marker); });
    return;
  }
  for (var step = 0; step < 20; step++) {
    var shown = clusters.getVisibleParent(marker);
    var zoom = Math.round(map.getZoom());
    if (shown === marker && map.getBounds().contains(marker.getLatLng())) {
      marker.openPopup();
      return;
    }
    if (shown === marker) {
      map.setView(marker.getLatLng(), map.getZoom(), { animate: false });
    } else if (shown && zoom >= map.getMaxZoom()) {
      shown.spiderfy();
    } else {
      map.setView(marker.getLatLng(), Math.min(map.getMaxZoom(), Math.max(zoom + 1, REGION_ZOOM)), { animate: false });
    }
  }
}

// Move focus into an opened popup (so keyboard and screen reader users land on it) and back to
// the pin when it closes.
var opener = null;
map.on("popupopen", function (event) {
  opener = event.popup._source && event.popup._source.getElement ? event.popup._source.getElement() : null;
  var heading = event.popup.getElement().querySelector(".region-title");
  if (heading) {
    heading.focus({ preventScroll: true });
  }
});
map.on("popupclose", function () {
  var active = document.activeElement;
  if (opener && opener.isConnected
    && (!active || active === document.body || (active.closest && active.closest(".leaflet-popup")))) {
    opener.focus({ preventScroll: true });
  }
  opener = null;
});

var markersById = {};
var findResult = document.getElementById("find-result");

/** "70115", "70115-1234", "Memphis, TN" or "Memphis TN" as the lookup's query, or null. */
function lookupQuery(text) {
  var place = text.trim();
  var zip = /^(\d{5})(-?\d{4})?$/.exec(place);
  if (zip) {
    return { zip: zip[1] };
  }
  var cityState = /^(.*?)[,\s]+([A-Za-z]{2})$/.exec(place);
  if (cityState && cityState[1].trim()) {
    return { city: cityState[1].trim(), state: cityState[2].toUpperCase() };
  }
  return null;
}

function interestLink(query, text) {
  var params = new URLSearchParams();
  ["city", "state", "zip"].forEach(function (name) {
    if (query[name]) {
      params.set(name, query[name]);
    }
  });
  return el("a", { href: "interest.html?" + params.toString(), target: "_top", text: text });
}

document.getElementById("find-region").addEventListener("submit", function (event) {
  event.preventDefault();
  var wanted = lookupQuery(document.getElementById("find-place").value);
  clear(findResult);
  if (!wanted) {
    findResult.textContent = "Enter a 5-digit ZIP code, or a city and its state like Memphis, TN.";
    return;
  }
  findResult.textContent = "Looking…";
  request("GET", "/regions/lookup?" + new URLSearchParams(wanted).toString()).then(function (response) {
    var found = response.body || {};
    var region = found.region;
    var marker = region && markersById[region.id];
    clear(findResult);
    if (marker) {
      // By ZIP prefix (or city), else the state's region: as Code.org's partner lookup assigns them.
      findResult.textContent = (region.name || region.city) + " serves "
        + (wanted.zip || wanted.city + ", " + wanted.state) + (found.matchedBy === "state" ? " (by state)." : ".");
      showOnMap(marker);
      return;
    }
    findResult.appendChild(document.createTextNode("No region serves that place yet: "));
    findResult.appendChild(interestLink({ city: wanted.city, state: wanted.state || found.state, zip: wanted.zip },
      "tell us you are interested"));
    findResult.appendChild(document.createTextNode(" and we will count it where we decide the next regions."));
  }).catch(function (error) {
    findResult.textContent = error && error.status === 400 && error.message ? error.message
      : "The search is not available just now. Please try again.";
  });
});

// The region list narrows as you type (city, state or name).
var filterCount = document.getElementById("region-filter-count");
document.getElementById("region-filter").addEventListener("input", function (event) {
  var words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  var shown = 0;
  Array.prototype.forEach.call(listNode.children, function (item) {
    var text = item.textContent.toLowerCase();
    var match = words.every(function (word) { return text.indexOf(word) >= 0; });
    item.hidden = !match;
    shown += match ? 1 : 0;
  });
  filterCount.textContent = words.length ? shown + " of " + listNode.children.length + " regions" : "";
});

// The status words come with the rules: draw when both are in.
Promise.all([request("GET", "/pins"), ready]).then(function (results) {
  drawPins(results[0].body);
}).catch(function () {
  statusNode.textContent = "The regions could not be loaded. Please reload the page.";
});
