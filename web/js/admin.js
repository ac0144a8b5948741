// admin.html: the review queue, an application's detail and workflow, CSV exports, interest counts.
(function () {
  "use strict";
  // The workflow's statuses and their words, from rules.json (filled before the console starts).
  var STATUSES = PLP.APPLICATION_STATUSES;
  var STATUS_LABEL = PLP.APPLICATION_STATUS;
  var CONFLICT = "Someone else changed this application; reload to see their change.";
  var PAGE_SIZE = 25;

  var $ = function (id) { return document.getElementById(id); };
  var statusNode = $("console-status");
  var alertNode = $("console-alert");
  var state = { cursors: [null], page: 0, nextCursor: null, current: null, regions: {}, regionsLoaded: null, items: [],
    queueRequest: 0 };

  function say(text) { statusNode.textContent = text; }

  function alertText(text) {
    alertNode.textContent = text;
    alertNode.hidden = !text;
  }

  function api(method, path, body) {
    return PLP.request(method, path, { token: PLP.auth.token(), body: body }).catch(function (error) {
      if (error instanceof PLP.ApiError && error.status === 401) {
        PLP.auth.forget();
        showSignIn("Your sign-in has expired. Please sign in again.");
      } else if (error instanceof PLP.ApiError && error.status === 403) {
        alertText("Your account is not allowed to do this (it needs the reviewers group).");
      }
      throw error;
    });
  }

  /** A 401 or 403 that api() has already answered (sign-in again, not allowed): nothing more to say. */
  function shownByApi(error) {
    return error instanceof PLP.ApiError && (error.status === 401 || error.status === 403);
  }

  function formatDate(iso) {
    if (!iso) { return ""; }
    var date = new Date(iso);
    return isNaN(date) ? String(iso) : date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
  }

  function regionLabel(id) {
    if (!id || id === "none") { return "No region"; }
    return state.regions[id] || id;
  }

  // ------------------------------------------------------------------ sign-in
  function showSignIn(message) {
    $("console").hidden = true;
    $("who").hidden = true;
    $("signin").hidden = false;
    $("signin-cognito").hidden = !PLP.auth.useCognito;
    $("signin-local").hidden = PLP.auth.useCognito;
    alertText(message || "");
  }

  function showConsole() {
    $("signin").hidden = true;
    $("console").hidden = false;
    $("who").hidden = false;
    $("who-text").textContent = "Signed in as " + PLP.auth.identity();
    alertText("");
    readAddress();
    // The region filter's options come from the map: the address's region is chosen once they are there.
    if (state.wantedRegion && state.wantedRegion !== "all") {
      loadRegions().then(loadQueue);
    } else {
      loadRegions();
      loadQueue();
    }
    loadInterest();
    loadInterestList(null);
    // A link to one application (the staff email's): admin.html?open=<id>
    if (PLP.query("open")) { openApplication(PLP.query("open")); }
  }

  $("cognito-signin").addEventListener("click", function () { PLP.auth.signInWithCognito(); });
  $("signin-local").addEventListener("submit", function (event) {
    event.preventDefault();
    var email = $("local-email").value.trim();
    var groups = Array.prototype.filter.call(document.querySelectorAll("#signin-local input[name=groups]"),
      function (box) { return box.checked; }).map(function (box) { return box.value; });
    say("Signing in…");
    PLP.auth.signInLocally(email, groups).then(function () {
      say("");
      showConsole();
    }).catch(function (error) {
      say("");
      alertText("Sign-in failed: " + error.message);
    });
  });
  $("sign-out").addEventListener("click", function () { PLP.auth.signOut(); });

  // ------------------------------------------------------------------ queue
  function fillStatusFilter() {
    STATUSES.forEach(function (status) {
      $("filter-status").appendChild(PLP.el("option", { value: status, text: STATUS_LABEL[status] }));
    });
  }

  // Once per page: signing in again (after an expired token) must not add the regions twice.
  function loadRegions() {
    state.regionsLoaded = state.regionsLoaded || PLP.request("GET", "/pins").then(function (response) {
      var select = $("filter-region");
      ((response.body && response.body.features) || []).forEach(function (feature) {
        var p = feature.properties || {};
        state.regions[feature.id] = (p.city || feature.id) + (p.state ? ", " + p.state : "");
        select.appendChild(PLP.el("option", { value: feature.id, text: state.regions[feature.id] }));
      });
      if (state.wantedRegion && state.wantedRegion !== "all") {
        // A region the map does not list (closed, or newer than the map's cache) still filters by its id.
        if (!select.querySelector("option[value='" + state.wantedRegion + "']")) {
          select.appendChild(PLP.el("option", { value: state.wantedRegion, text: state.wantedRegion }));
        }
        select.value = state.wantedRegion;
      }
    }).catch(function () { /* the filter still offers all / none */ });
    return state.regionsLoaded;
  }

  // Spaces as %20, not "+": API Gateway hands "+" to the function as a literal plus.
  function queryString(params) {
    return params.toString().replace(/\+/g, "%20");
  }

  function filters() {
    var params = new URLSearchParams();
    if ($("filter-status").value) { params.set("status", $("filter-status").value); }
    params.set("region", $("filter-region").value || "all");
    if ($("filter-q").value.trim()) { params.set("q", $("filter-q").value.trim()); }
    if ($("filter-sort").value === "score") { params.set("sort", "score"); }
    if ($("filter-assigned").checked) { params.set("assigned", "me"); }
    return params;
  }

  function loadQueue() {
    var params = filters();
    params.set("limit", String(PAGE_SIZE));
    var cursor = state.cursors[state.page];
    if (cursor) { params.set("cursor", cursor); }
    say("Loading applications…");
    var request = ++state.queueRequest;
    return api("GET", "/admin/applications?" + queryString(params)).then(function (response) {
      if (request !== state.queueRequest) {
        return; // a newer filter or page was asked for meanwhile: its answer wins, whatever arrives last
      }
      var body = response.body || {};
      renderCounts(body.counts || {});
      state.items = body.items || [];
      renderQueue(state.items);
      if (!$("detail").hidden) { showDetail(true); }
      updateAddress();
      updateNeighbours();
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
    var box = PLP.clear($("counts"));
    var selected = $("filter-status").value;
    var total = STATUSES.reduce(function (sum, s) { return sum + (counts[s] || 0); }, 0);
    [""].concat(STATUSES).forEach(function (status) {
      var n = status ? (counts[status] || 0) : total;
      box.appendChild(PLP.el("button", {
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
    var body = PLP.clear($("queue-body"));
    if (items.length === 0) {
      body.appendChild(PLP.el("tr", {}, [PLP.el("td", { colspan: "7", text: "No applications match." })]));
      return;
    }
    items.forEach(function (item) {
      body.appendChild(PLP.el("tr", { "data-id": item.id }, [
        PLP.el("td", { "data-label": "Submitted", text: formatDate(item.submittedAt) }),
        PLP.el("td", { "data-label": "Organization" }, [itemOrganization(item),
          item.possibleDuplicate ? PLP.el("span", { className: "flag", text: " ⚑ possible duplicate" }) : null]),
        PLP.el("td", { "data-label": "Region", text: item.regionName || regionLabel(item.regionId) }),
        PLP.el("td", { "data-label": "Status", className: "status-badge", text: STATUS_LABEL[item.status] || item.status }),
        PLP.el("td", { "data-label": "Program manager", text: itemManager(item) }),
        PLP.el("td", { "data-label": "Score", text: item.overallScore === null || item.overallScore === undefined
          ? "—" : item.overallScore + "% (" + item.reviewerCount + ")" }),
        PLP.el("td", {}, [PLP.el("button", { type: "button", className: "open", "data-id": item.id,
          "aria-label": "Open " + itemOrganization(item), text: "Open",
          onclick: function () { openApplication(item.id); } })])
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
  function updateAddress() {
    var params = filters();
    if (params.get("region") === "all") { params.delete("region"); }
    if (state.page > 0) {
      params.set("page", String(state.page + 1));
      params.set("cursor", state.cursors[state.page]);
    }
    if (state.current && !$("detail").hidden) { params.set("open", state.current.id); }
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

  function updateNeighbours() {
    var index = state.current ? state.items.map(function (i) { return i.id; }).indexOf(state.current.id) : -1;
    $("prev-application").disabled = index <= 0;
    $("next-application").disabled = index < 0 || index >= state.items.length - 1;
    state.neighbourIndex = index;
  }

  function showDetail(open) {
    $("detail").hidden = !open;
    $("applications-layout").classList.toggle("with-detail", open);
    Array.prototype.forEach.call($("queue-body").querySelectorAll("tr"), function (row) {
      row.classList.toggle("current", open && !!state.current && row.getAttribute("data-id") === state.current.id);
      if (row.getAttribute("data-id")) {
        row.setAttribute("aria-current", String(open && !!state.current && row.getAttribute("data-id") === state.current.id));
      }
    });
  }

  $("back-to-list").addEventListener("click", function () {
    var id = state.current && state.current.id;
    showDetail(false);
    updateAddress();
    var button = id && $("queue-body").querySelector("button[data-id='" + id + "']");
    if (button) { button.focus(); }
  });
  $("prev-application").addEventListener("click", function () {
    if (state.neighbourIndex > 0) { openApplication(state.items[state.neighbourIndex - 1].id); }
  });
  $("next-application").addEventListener("click", function () {
    if (state.neighbourIndex >= 0 && state.neighbourIndex < state.items.length - 1) {
      openApplication(state.items[state.neighbourIndex + 1].id);
    }
  });

  $("filters").addEventListener("submit", function (event) {
    event.preventDefault();
    restartPaging();
  });
  $("next-page").addEventListener("click", function () {
    if (!state.nextCursor) { return; }
    state.page += 1;
    state.cursors[state.page] = state.nextCursor;
    loadQueue();
  });
  $("prev-page").addEventListener("click", function () {
    if (state.page === 0) { return; }
    state.page -= 1;
    loadQueue();
  });

  // ------------------------------------------------------------------ detail
  function openApplication(id) {
    say("Loading the application…");
    $("detail-conflict").hidden = true;
    return api("GET", "/admin/applications/" + encodeURIComponent(id)).then(function (response) {
      state.current = response.body;
      renderDetail(response.body);
      showDetail(true);
      updateAddress();
      updateNeighbours();
      $("detail-title").focus();
      say("");
    }).catch(function (error) {
      say("");
      alertText("The application could not be loaded: " + error.message);
    });
  }

  function addField(list, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    list.appendChild(PLP.el("dt", { text: label }));
    list.appendChild(PLP.el("dd", { text: String(value) }));
  }

  // The detail is the queue's summary fields plus the submitted form under "application".
  function renderDetail(detail) {
    var app = Object.assign({}, detail.application || {}, detail);
    var org = app.organization || {};
    var address = org.address || {};
    var pm = app.programManager || {};
    $("detail-title").textContent = org.name || app.id;
    $("detail-status").textContent = "Status: " + (STATUS_LABEL[app.status] || app.status)
      + " · region " + regionLabel(app.regionId) + " · submitted " + formatDate(app.submittedAt);

    var fields = PLP.clear($("detail-fields"));
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
    addField(fields, "Programs", (app.programs || []).map(function (c) { return PLP.PROGRAMS[c] || c; }).join(", "));
    addField(fields, "District relationships", app.districtRelationships);
    addField(fields, "PD experience", app.pdExperience);
    addField(fields, "Funding plan", app.fundingPlan);
    addField(fields, "Facilitators", app.facilitators);
    addField(fields, "Joint application with", app.jointApplication && app.jointApplication.partnerName);
    addField(fields, "Terms version agreed to", app.termsVersion);

    var buttons = PLP.clear($("decision-buttons"));
    // The detail carries the moves the server allows from this status: one button for each.
    var allowed = detail.allowedTransitions || [];
    if (allowed.length === 0) {
      buttons.appendChild(PLP.el("p", { text: "This application is finalized (" + (STATUS_LABEL[app.status] || app.status) + ")." }));
    }
    allowed.forEach(function (next) {
      buttons.appendChild(PLP.el("button", { type: "button", "data-decision": next,
        text: "Move to " + STATUS_LABEL[next], onclick: function () { decide(next); } }));
    });

    renderScores(app.scores || {}, app.criteria);
    var me = PLP.auth.me();
    renderReviewPanels(detail, $("review-panels"), { api: api, say: say, alertText: alertText, criterionLabel: criterionLabel,
      me: me.email, isAdmin: me.groups.indexOf("admins") >= 0, reload: function () { openApplication(detail.id); } });
    if (detail.recused) { enableDecisions(false); }

    var notes = PLP.clear($("notes"));
    (app.notes || []).forEach(function (note) {
      notes.appendChild(PLP.el("li", {}, [PLP.el("strong", { text: (note.by || "staff") + ", " + formatDate(note.at) + ": " }),
        note.text || ""]));
    });
    if (!(app.notes || []).length) { notes.appendChild(PLP.el("li", { text: "No notes yet." })); }

    var log = PLP.clear($("status-log").tBodies[0]);
    (app.statusLog || []).forEach(function (entry) {
      log.appendChild(PLP.el("tr", {}, [
        PLP.el("td", { "data-label": "Status" }, [STATUS_LABEL[entry.status] || entry.status,
          entry.note ? PLP.el("p", { className: "internal-note" }, [
            PLP.el("strong", { text: "Internal note (not sent to the applicant): " }), entry.note]) : null]),
        PLP.el("td", { "data-label": "By", text: entry.by || "" }),
        PLP.el("td", { "data-label": "When", text: formatDate(entry.at) })
      ]));
    });
  }

  function renderScores(scores, order) {
    var box = PLP.clear($("scores"));
    var criteria = order && order.length ? order : Object.keys(scores);
    if (criteria.length === 0) {
      box.appendChild(PLP.el("p", { text: "No scoring criteria." }));
      return;
    }
    criteria.forEach(function (criterion, index) {
      var name = "score-" + index;
      var current = scores[criterion];
      var options = [["yes", "Yes"], ["no", "No"], ["", "Unset"]].map(function (option) {
        return PLP.el("label", {}, [
          PLP.el("input", { type: "radio", name: name, value: option[0], "data-criterion": criterion,
            checked: (current || "") === option[0],
            onchange: function () { saveScore(criterion, option[0] || null); } }),
          " " + option[1]
        ]);
      });
      box.appendChild(PLP.el("fieldset", { className: "score" },
        [PLP.el("legend", { text: criterionLabel(criterion) })].concat(options)));
    });
  }

  // "pdExperience" -> "PD experience"
  function criterionLabel(criterion) {
    var words = criterion.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase().replace(/\bpd\b/g, "PD");
    return words.charAt(0).toUpperCase() + words.substring(1);
  }

  function conflictOr(error, what) {
    if (error instanceof PLP.ApiError && error.status === 409) {
      var box = $("detail-conflict");
      PLP.clear(box);
      box.appendChild(document.createTextNode(CONFLICT + " "));
      box.appendChild(PLP.el("button", { type: "button", text: "Reload", onclick: function () { openApplication(state.current.id); } }));
      box.hidden = false;
    } else if (!shownByApi(error)) {
      alertText(what + " failed: " + error.message);
    }
  }

  function enableDecisions(enabled) {
    Array.prototype.forEach.call($("decision-buttons").querySelectorAll("button"), function (b) { b.disabled = !enabled; });
  }

  function decide(next) {
    var app = state.current;
    var body = { status: next, expectedVersion: app.version };
    var note = $("decision-note").value.trim();
    if (note) { body.note = note; }
    enableDecisions(false);
    say("Saving the decision…");
    return api("POST", "/admin/applications/" + encodeURIComponent(app.id) + "/decision", body).then(function () {
      $("decision-note").value = "";
      say("Moved to " + STATUS_LABEL[next] + ".");
      return openApplication(app.id).then(loadQueue);
    }).catch(function (error) {
      say("");
      enableDecisions(true);
      conflictOr(error, "The decision");
    });
  }

  function saveScore(criterion, value) {
    var app = state.current;
    var change = {};
    change[criterion] = value;
    say("Saving the score…");
    return api("PUT", "/admin/applications/" + encodeURIComponent(app.id) + "/scores", change).then(function (response) {
      app.scores = response.body.scores;
      say("Score saved.");
    }).catch(function (error) {
      say("");
      conflictOr(error, "Saving the score");
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
    api("POST", "/admin/applications/" + encodeURIComponent(state.current.id) + "/notes", { text: text }).then(function () {
      $("note-text").value = "";
      say("Note added.");
      return openApplication(state.current.id);
    }).catch(function (error) {
      say("");
      conflictOr(error, "Adding the note");
    }).finally(function () {
      $("add-note").disabled = false;
    });
  });

  // ------------------------------------------------------------------ CSV
  // Always in parts (parts=true): each answer is whole rows up to the server's cap, with
  // X-Next-Cursor while rows remain. The parts are joined into one file; a failure in the middle
  // saves nothing, so staff never get a silently partial export.
  function download(path, filename) {
    var parts = [];
    var rows = 0;
    say("Preparing " + filename + "…");
    alertText("");

    function fetchPart(cursor) {
      var url = path + (path.indexOf("?") >= 0 ? "&" : "?") + "parts=true" +
        (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
      return fetch(PLP.url(url), { headers: { "Authorization": "Bearer " + PLP.auth.token(), "Accept": "text/csv" } })
        .then(function (response) {
          if (!response.ok) {
            return response.text().then(function (text) {
              var detail = "";
              try { detail = JSON.parse(text).detail || ""; } catch (ignored) { detail = ""; }
              throw new Error("Part " + (parts.length + 1) + " failed (HTTP " + response.status + ")" +
                (detail ? ": " + detail : ""));
            });
          }
          var next = response.headers.get("X-Next-Cursor");
          rows += parseInt(response.headers.get("X-Row-Count") || "0", 10) || 0;
          return response.blob().then(function (blob) {
            parts.push(blob);
            say("Downloading… part " + parts.length + ", " + PLP.formatNumber(rows) + " rows");
            return next ? fetchPart(next) : null;
          });
        });
    }

    return fetchPart(null).then(function () {
      var blob = new Blob(parts, { type: "text/csv;charset=utf-8" });
      var link = PLP.el("a", { href: URL.createObjectURL(blob), download: filename, hidden: true });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      say(filename + " downloaded: " + PLP.formatNumber(rows) + " rows in " + parts.length +
        (parts.length === 1 ? " part." : " parts."));
    }).catch(function (error) {
      parts = [];
      say("");
      alertText("The download failed and nothing was saved. " + error.message);
    });
  }

  function today() { return new Date().toISOString().substring(0, 10); }
  // The exports state their times in the reviewer's own zone.
  function timeZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (ignored) { return "UTC"; }
  }

  $("download-applications").addEventListener("click", function () {
    var params = filters();
    params.set("tz", timeZone());
    download("/admin/applications.csv?" + queryString(params), "applications-" + today() + ".csv");
  });
  $("download-cohort").addEventListener("click", function () {
    download("/admin/cohort.csv?tz=" + encodeURIComponent(timeZone()), "cohort-" + today() + ".csv");
  });

  // ------------------------------------------------------------------ interest summary
  // The summary comes as byState [{state, count}] and byCity [{city, state, count}], most first.
  function loadInterest() {
    return api("GET", "/admin/interest/summary").then(function (response) {
      var states = response.body.byState || [];
      var cities = response.body.byCity || [];
      var sBody = PLP.clear($("interest-states").tBodies[0]);
      states.forEach(function (s) {
        sBody.appendChild(PLP.el("tr", {}, [PLP.el("td", { text: s.state }), PLP.el("td", { text: String(s.count) })]));
      });
      var cBody = PLP.clear($("interest-cities").tBodies[0]);
      cities.forEach(function (c) {
        var here = "regions.html?" + new URLSearchParams({ city: c.city || "", state: c.state || "",
          interest: String(c.count) }).toString();
        cBody.appendChild(PLP.el("tr", {}, [PLP.el("td", { text: c.city }), PLP.el("td", { text: c.state || "" }),
          PLP.el("td", { text: String(c.count) }),
          PLP.el("td", {}, [PLP.el("a", { href: here, text: "Open a region here",
            "aria-label": "Open a region in " + c.city + (c.state ? ", " + c.state : "") })])]));
      });
      if (!states.length) { sBody.appendChild(PLP.el("tr", {}, [PLP.el("td", { colspan: "2", text: "No interest forms yet." })])); }
      if (!cities.length) { cBody.appendChild(PLP.el("tr", {}, [PLP.el("td", { colspan: "4", text: "No interest forms yet." })])); }
    }).catch(function () { /* shown by api() for 401/403; otherwise the tables stay empty */ });
  }

  // The forms themselves, newest first, a page at a time.
  function loadInterestList(cursor) {
    var body = $("interest-list").tBodies[0];
    if (!cursor) { PLP.clear(body); }
    return api("GET", "/admin/interest?limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "")).then(function (response) {
      (response.body.items || []).forEach(function (f) {
        body.appendChild(PLP.el("tr", {}, [
          PLP.el("td", { "data-label": "Submitted", text: formatDate(f.submittedAt) }),
          PLP.el("td", { "data-label": "Name", text: f.name || "" }),
          PLP.el("td", { "data-label": "Email", text: f.email || "" }),
          PLP.el("td", { "data-label": "Role", text: (f.role || "").replace(/_/g, " ") }),
          PLP.el("td", { "data-label": "City", text: [f.city, f.state].filter(Boolean).join(", ") }),
          PLP.el("td", { "data-label": "ZIP", text: f.zip || "" })]));
      });
      if (!body.children.length) { body.appendChild(PLP.el("tr", {}, [PLP.el("td", { colspan: "6", text: "No interest forms yet." })])); }
      state.interestCursor = response.body.nextCursor || null;
      $("more-interest").hidden = !state.interestCursor;
    }).catch(function () { /* shown by api() for 401/403 */ });
  }
  $("more-interest").addEventListener("click", function () { loadInterestList(state.interestCursor); });
  $("reload-interest").addEventListener("click", function () { loadInterest(); loadInterestList(null); });
  $("download-interest").addEventListener("click", function () {
    download("/admin/interest.csv?tz=" + encodeURIComponent(timeZone()), "interest-" + today() + ".csv");
  });

  // ------------------------------------------------------------------ start
  PLP.ready.then(fillStatusFilter).then(PLP.auth.completeCognitoRedirect).then(function () {
    if (PLP.auth.token()) { showConsole(); } else { showSignIn(); }
  }).catch(function (error) {
    showSignIn(error.message);
  });
})();
