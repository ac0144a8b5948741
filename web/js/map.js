// map.html: one pin per region from GET /pins over US state outlines (us-atlas, Census boundaries).
// Records how long it took from navigation start until the pins were drawn (window.PLP_MAP, and
// the data-pins-drawn-ms attribute on <html>) so browser tests and people can read the figure.
(function () {
  "use strict";
  var CONUS = [[24.4, -125.0], [49.5, -66.9]];
  var statusNode = document.getElementById("map-status");
  var listNode = document.getElementById("regions");
  var timing = window.PLP_MAP = { pinsDrawnMs: null, statesDrawnMs: null, pinCount: 0 };

  var map = L.map("map", { zoomSnap: 0.25, minZoom: 2, maxZoom: 12, keyboard: true, worldCopyJump: false });
  map.fitBounds(CONUS);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("State outlines: U.S. Census Bureau via us-atlas");

  var tiles = (PLP.config.tiles || {});
  if (tiles.url && (tiles.enabled || PLP.query("tiles") === "1")) {
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
    return PLP.REGION_STATUS[status] || status || "Unknown";
  }

  function regionTitle(p) {
    return (p.city || p.name || "Region") + (p.state ? ", " + p.state : "");
  }

  function details(feature) {
    var p = feature.properties || {};
    var pop = p.populationServed || {};
    var programs = (p.programsSought || []).map(function (code) { return PLP.PROGRAMS[code] || code; });
    return PLP.el("div", { className: "region-details" }, [
      PLP.el("h3", { className: "region-title", tabindex: "-1", text: regionTitle(p) }),
      p.name && p.name !== p.city ? PLP.el("p", { className: "region-name", text: p.name }) : null,
      PLP.el("p", { className: "region-status status-" + (p.status || "unknown") }, [
        PLP.el("span", { className: "pin pin-" + p.status, "aria-hidden": "true" }, [PLP.el("span", { className: "pin-shape" })]),
        " " + statusLabel(p.status)
      ]),
      PLP.el("h4", { text: "Population served" }),
      PLP.el("dl", { className: "population" }, [
        PLP.el("dt", { text: "Districts" }), PLP.el("dd", { text: PLP.formatNumber(pop.districts) }),
        PLP.el("dt", { text: "Schools" }), PLP.el("dd", { text: PLP.formatNumber(pop.schools) }),
        PLP.el("dt", { text: "Teachers" }), PLP.el("dd", { text: PLP.formatNumber(pop.teachers) }),
        PLP.el("dt", { text: "Students" }), PLP.el("dd", { text: PLP.formatNumber(pop.students) })
      ]),
      programs.length ? PLP.el("h4", { text: "Programs sought" }) : null,
      programs.length ? PLP.el("ul", { className: "programs" }, programs.map(function (name) {
        return PLP.el("li", { text: name });
      })) : null,
      p.summary ? PLP.el("p", { className: "summary", text: p.summary }) : null,
      p.status === "seeking_partner"
        ? PLP.el("a", { className: "apply button", target: "_top",
          href: "apply.html?region=" + encodeURIComponent(feature.id),
          text: "Apply for " + regionTitle(p) })
        : PLP.el("p", { text: p.status === "partner_selected" ? "A partner has been selected for this region." : "This region is not taking applications." })
    ]);
  }

  function drawPins(collection) {
    var features = (collection && collection.features) || [];
    features.sort(function (a, b) {
      return regionTitle(a.properties || {}).localeCompare(regionTitle(b.properties || {}));
    });
    var markers = [];
    PLP.clear(listNode);
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
          className: "pin pin-" + (PLP.REGION_STATUS[p.status] ? p.status : "closed"),
          html: "<span class=\"pin-shape\"></span>",
          iconSize: [22, 22],
          iconAnchor: [11, 11],
          popupAnchor: [0, -10]
        })
      });
      marker.bindPopup(function () { return details(feature); }, { maxWidth: 300, autoPanPadding: [20, 20] });
      marker.on("add", function () {
        var element = marker.getElement();
        if (element) {
          element.setAttribute("aria-label", label + ". Press Enter for details.");
          element.dataset.regionId = feature.id;
        }
      });
      markers.push(marker);

      var item = PLP.el("li", { className: "region-item", "data-region-id": feature.id }, [
        details(feature),
        PLP.el("button", { type: "button", className: "show-on-map", text: "Show " + regionTitle(p) + " on the map",
          onclick: function () { showOnMap(marker); } })
      ]);
      listNode.appendChild(item);
    });
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

  function showOnMap(marker) {
    document.getElementById("map").scrollIntoView({ block: "nearest" });
    clusters.zoomToShowLayer(marker, function () {
      marker.openPopup();
    });
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

  // The status words come with the rules: draw when both are in.
  Promise.all([PLP.request("GET", "/pins"), PLP.ready]).then(function (results) {
    drawPins(results[0].body);
  }).catch(function () {
    statusNode.textContent = "The regions could not be loaded. Please reload the page.";
  });
})();
