// api.html: renders openapi.json (this site's own copy) as a readable reference. No libraries:
// operations grouped by tag, their parameters, bodies, answers and examples, and the schemas.
import "./site-nav.js";
import { el } from "./api.js";

var statusEl = document.getElementById("api-status");

function refName(ref) {
  return ref.split("/").pop();
}

function resolve(doc, node) {
  var seen = 0;
  while (node && node.$ref && seen++ < 10) {
    node = node.$ref.substring(2).split("/").reduce(function (at, key) {
      return at && at[key.replace(/~1/g, "/").replace(/~0/g, "~")];
    }, doc);
  }
  return node || {};
}

/** A short type text for a schema: a link for a $ref, the type, enum values or array item type. */
function typeOf(schema) {
  if (!schema) { return el("span", { text: "any" }); }
  if (schema.$ref) { return el("a", { href: "#schema-" + refName(schema.$ref), text: refName(schema.$ref) }); }
  if (schema.anyOf || schema.oneOf) {
    var span = el("span");
    (schema.anyOf || schema.oneOf).forEach(function (option, i) {
      if (i) { span.appendChild(document.createTextNode(" or ")); }
      span.appendChild(typeOf(option));
    });
    return span;
  }
  var type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type || "any");
  if (schema.type === "array" || (Array.isArray(schema.type) && schema.type.indexOf("array") >= 0)) {
    var arr = el("span", {}, ["array of "]);
    arr.appendChild(typeOf(schema.items));
    return arr;
  }
  var text = type;
  if (schema.enum) { text += ": " + schema.enum.map(String).join(", "); }
  if (schema.const !== undefined) { text += " = " + JSON.stringify(schema.const); }
  if (schema.pattern) { text += " matching " + schema.pattern; }
  if (schema.maxLength) { text += ", at most " + schema.maxLength + " characters"; }
  return el("span", { text: text });
}

function propertiesTable(schema) {
  var props = schema.properties || {};
  var required = schema.required || [];
  var body = el("tbody");
  Object.keys(props).forEach(function (name) {
    var prop = props[name] === true ? {} : props[name];
    body.appendChild(el("tr", {}, [
      el("td", {}, [el("code", { text: name })]),
      el("td", {}, [typeOf(prop)]),
      el("td", { text: required.indexOf(name) >= 0 ? "required" : "" }),
      el("td", { text: prop.description || "" })
    ]));
  });
  return el("table", { "class": "schema-props" }, [
    el("thead", {}, [el("tr", {}, [el("th", { text: "field" }), el("th", { text: "type" }), el("th", { text: "" }), el("th", { text: "meaning" })])]),
    body
  ]);
}

function content(doc, contentMap) {
  var out = [];
  Object.keys(contentMap || {}).forEach(function (media) {
    var entry = contentMap[media];
    out.push(el("p", {}, [el("code", { text: media }), " ", typeOf(entry.schema)]));
    if (entry.example !== undefined) {
      out.push(el("pre", { text: typeof entry.example === "string" ? entry.example : JSON.stringify(entry.example, null, 2) }));
    }
  });
  return out;
}

function operation(doc, path, method, op) {
  var id = "op-" + op.operationId;
  var heading = el("h3", { id: id }, [el("span", { "class": "method", text: method.toUpperCase() }), path]);
  if (op["x-local-only"]) { heading.appendChild(el("span", { "class": "badge", text: "local only" })); }
  if (op.security && op.security.length) { heading.appendChild(el("span", { "class": "badge", text: "staff sign-in" })); }
  var parts = [heading, el("p", { text: op.summary || "" })];
  if (op.description) { parts.push(el("p", { "class": "help", text: op.description })); }
  if (op.parameters && op.parameters.length) {
    parts.push(el("h4", { text: "Parameters" }));
    var rows = el("tbody");
    op.parameters.forEach(function (p) {
      rows.appendChild(el("tr", {}, [el("td", {}, [el("code", { text: p.name })]), el("td", { text: p.in + (p.required ? ", required" : "") }),
        el("td", {}, [typeOf(p.schema)]), el("td", { text: p.description || "" })]));
    });
    parts.push(el("table", {}, [rows]));
  }
  if (op.requestBody) {
    parts.push(el("h4", { text: "Request body" }));
    parts = parts.concat(content(doc, op.requestBody.content));
  }
  parts.push(el("h4", { text: "Answers" }));
  var answers = el("dl");
  Object.keys(op.responses || {}).forEach(function (code) {
    var response = resolve(doc, op.responses[code]);
    answers.appendChild(el("dt", {}, [el("strong", { text: code }), " " + (response.description || "")]));
    answers.appendChild(el("dd", {}, content(doc, response.content)));
  });
  parts.push(answers);
  return el("section", { "class": "op", "aria-labelledby": id }, parts);
}

function render(doc) {
  var byTag = {};
  var tags = (doc.tags || []).map(function (t) { return t.name; });
  Object.keys(doc.paths).forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      var tag = (op.tags && op.tags[0]) || "other";
      if (tags.indexOf(tag) < 0) { tags.push(tag); }
      (byTag[tag] = byTag[tag] || []).push(operation(doc, path, method, op));
    });
  });
  var contents = el("ul");
  var operations = document.getElementById("api-operations");
  tags.forEach(function (tag) {
    if (!byTag[tag]) { return; }
    var tagId = "tag-" + tag.replace(/[^a-z0-9]+/gi, "-");
    var info = (doc.tags || []).filter(function (t) { return t.name === tag; })[0] || {};
    operations.appendChild(el("h2", { id: tagId, text: tag + (info.description ? " · " + info.description : "") }));
    var links = el("ul");
    byTag[tag].forEach(function (section) {
      operations.appendChild(section);
      var h3 = section.querySelector("h3");
      links.appendChild(el("li", {}, [el("a", { href: "#" + h3.id, text: h3.textContent })]));
    });
    contents.appendChild(el("li", {}, [el("a", { href: "#" + tagId, text: tag }), links]));
  });
  document.getElementById("api-contents").appendChild(contents);
  var list = document.getElementById("api-schema-list");
  Object.keys(doc.components.schemas).forEach(function (name) {
    var schema = doc.components.schemas[name];
    var parts = [el("h3", { id: "schema-" + name, text: name })];
    if (schema.description) { parts.push(el("p", { "class": "help", text: schema.description })); }
    parts.push(schema.properties ? propertiesTable(schema) : el("p", {}, [typeOf(schema)]));
    list.appendChild(el("section", {}, parts));
  });
  document.getElementById("api-schemas").hidden = false;
  statusEl.textContent = doc.info.title + " " + doc.info.version + ", OpenAPI " + doc.openapi + ".";
  if (location.hash) {
    var target = document.getElementById(location.hash.substring(1));
    if (target) { target.scrollIntoView(); }
  }
}

fetch("openapi.json").then(function (response) {
  if (!response.ok) { throw new Error("HTTP " + response.status); }
  return response.json();
}).then(render).catch(function (error) {
  statusEl.textContent = "The API document could not be loaded (" + error.message + "). Open openapi.json directly.";
});
