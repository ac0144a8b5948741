// Shared by every page: the API base from config.js, JSON/problem+json requests, small DOM helpers.
import { config } from "../config.js";

const base = (config.apiBase || "").replace(/\/+$/, "");

export function url(path) {
  return base + path;
}

/** An error carrying the API's problem+json (status, title, detail, errors[]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ("HTTP " + status));
    this.name = "ApiError";
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * fetch + JSON. Resolves with {status, headers, body}; rejects with ApiError on 4xx/5xx
 * and with a plain Error when the network fails.
 */
export function request(method, path, options) {
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

export function el(tag, attrs, children) {
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

/**
 * Gives each field box ([data-field]) of a form its error message slot, hidden until a check or the
 * API names the field: "<control id>-error" for a single field, "<data-field>-error" for a group.
 * The pages leave the slots out: they are only ever filled by script.
 */
export function addErrorSlots(form) {
  Array.prototype.forEach.call(form.querySelectorAll("[data-field]"), function (box) {
    var id = box.tagName === "FIELDSET" ? box.dataset.field : box.querySelector("input, select, textarea").id;
    box.appendChild(el("p", { className: "field-error", id: id + "-error", hidden: true }));
  });
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

export function query(name) {
  return new URLSearchParams(window.location.search).get(name);
}

export function formatNumber(value) {
  return typeof value === "number" ? value.toLocaleString("en-US") : (value === undefined || value === null ? "—" : String(value));
}
