// Shared by every page: the API base from config.js, JSON/problem+json requests, small DOM helpers.
(function () {
  "use strict";
  var config = window.PLP_CONFIG || {};
  var base = (config.apiBase || "").replace(/\/+$/, "");

  function url(path) {
    return base + path;
  }

  /** An error carrying the API's problem+json (status, title, detail, errors[]). */
  function ApiError(status, problem) {
    this.name = "ApiError";
    this.status = status;
    this.problem = problem || {};
    this.message = (problem && (problem.detail || problem.title)) || ("HTTP " + status);
  }
  ApiError.prototype = Object.create(Error.prototype);

  /**
   * fetch + JSON. Resolves with {status, headers, body}; rejects with ApiError on 4xx/5xx
   * and with a plain Error when the network fails.
   */
  function request(method, path, options) {
    options = options || {};
    var headers = Object.assign({ "Accept": "application/json, application/problem+json, application/geo+json" },
      options.headers || {});
    var init = { method: method, headers: headers };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    if (options.token) {
      headers["Authorization"] = "Bearer " + options.token;
    }
    return fetch(url(path), init).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var parse = type.indexOf("json") >= 0 ? response.json().catch(function () { return null; })
        : response.text();
      return parse.then(function (body) {
        if (!response.ok) {
          throw new ApiError(response.status, typeof body === "object" ? body : { detail: String(body || "") });
        }
        return { status: response.status, headers: response.headers, body: body };
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else if (key.indexOf("on") === 0 && typeof value === "function") {
        node.addEventListener(key.substring(2), value);
      } else {
        node.setAttribute(key, value === true ? "" : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function query(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  // The lists of codes with their labels, the field rules, patterns and messages: web/js/rules.json,
  // generated from the Java validators. Filled in place when it arrives; PLP.ready resolves then.
  var PROGRAMS = {};
  var REGION_STATUS = {};
  var APPLICATION_STATUS = {};
  var APPLICATION_STATUSES = [];
  var STATES = [];
  var rulesUrl = document.currentScript ? new URL("rules.json", document.currentScript.src)
    : new URL("js/rules.json", window.location.href);

  function labels(choices) {
    var map = {};
    choices.forEach(function (choice) { map[choice.code] = choice.label; });
    return map;
  }

  var ready = fetch(rulesUrl).then(function (response) {
    if (!response.ok) {
      throw new Error("rules.json: HTTP " + response.status);
    }
    return response.json();
  }).then(function (rules) {
    window.PLP.rules = rules;
    Object.assign(PROGRAMS, labels(rules.choices.programs));
    Object.assign(REGION_STATUS, labels(rules.choices.regionStatuses));
    Object.assign(APPLICATION_STATUS, labels(rules.choices.applicationStatuses));
    rules.choices.applicationStatuses.forEach(function (status) { APPLICATION_STATUSES.push(status.code); });
    rules.choices.usStates.forEach(function (state) { STATES.push([state.code, state.label]); });
    return rules;
  });

  function formatNumber(value) {
    return typeof value === "number" ? value.toLocaleString("en-US") : (value === undefined || value === null ? "—" : String(value));
  }

  window.PLP = {
    config: config,
    url: url,
    request: request,
    ApiError: ApiError,
    el: el,
    clear: clear,
    query: query,
    ready: ready,
    rules: null,
    labels: labels,
    PROGRAMS: PROGRAMS,
    REGION_STATUS: REGION_STATUS,
    APPLICATION_STATUS: APPLICATION_STATUS,
    APPLICATION_STATUSES: APPLICATION_STATUSES,
    STATES: STATES,
    formatNumber: formatNumber
  };
})();
