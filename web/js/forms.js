// The public forms' engine: checks a form's answers with the server's own rules (web/js/rules.json,
// generated from the Java validators: kinds, caps, lists, patterns, messages), shows the server's
// problem+json field errors next to their fields, and sends once per form view (Idempotency-Key).
import { addErrorSlots, ApiError, clear, el, request } from "./api.js";
import { ready, rules } from "./rules.js";

// validation/Text.java: what a space is, and which characters a line or a paragraph refuses.
var SPACE = /[\p{Zs}\p{Zl}\p{Zp}\t-\r\x1C-\x1F]/u;
var SPACE_SEPARATOR = /\p{Zs}/u;
var CONTROL = /\p{Cc}/u;
var FORMAT = /\p{Cf}/u;
var patterns = {};

function say(key, values) {
  return rules.messages[key].replace(/\{(\w+)\}/g, function (all, name) { return String(values[name]); });
}

function pattern(name) {
  var p = rules.patterns[name];
  patterns[name] = patterns[name] || new RegExp(p.source, p.flags);
  return patterns[name];
}

function codes(choicesName) {
  return rules.choices[choicesName].map(function (choice) { return choice.code; });
}

function codePoint(cp) {
  var hex = cp.toString(16).toUpperCase();
  return "U+" + (hex.length < 4 ? ("000" + hex).slice(-4) : hex);
}

function isBidiControl(cp) {
  return cp === 0x061C || cp === 0x200E || cp === 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

function everywhereProblem(cp) {
  var noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) === 0xFFFE;
  return noncharacter || cp === 0xFFFD ? say("notText", { char: codePoint(cp) }) : null;
}

function lineProblem(cp) {
  var ch = String.fromCodePoint(cp);
  if (cp === 0x0A || cp === 0x0D || cp === 0x2028 || cp === 0x2029 || cp === 0x85) {
    return say("singleLine", {});
  }
  if (cp === 0x09 || SPACE_SEPARATOR.test(ch)) {
    return null;
  }
  if (CONTROL.test(ch) || FORMAT.test(ch)) {
    return say("invisible", { char: codePoint(cp) });
  }
  return everywhereProblem(cp);
}

function paragraphProblem(cp) {
  if (cp === 0x0A || cp === 0x0D || cp === 0x09) {
    return null;
  }
  if (CONTROL.test(String.fromCodePoint(cp))) {
    return say("control", { char: codePoint(cp) });
  }
  if (isBidiControl(cp) || cp === 0xFEFF) {
    return say("invisible", { char: codePoint(cp) });
  }
  return everywhereProblem(cp);
}

/** Why a text cannot be accepted, or null (Text.problem). */
function textProblem(raw, multiline) {
  for (var i = 0; i < raw.length;) {
    var c = raw.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      var next = raw.charCodeAt(i + 1);
      if (c > 0xDBFF || !(next >= 0xDC00 && next <= 0xDFFF)) {
        return say("notText", { char: codePoint(c) });
      }
    }
    var cp = raw.codePointAt(i);
    var why = multiline ? paragraphProblem(cp) : lineProblem(cp);
    if (why) {
      return why;
    }
    i += cp > 0xFFFF ? 2 : 1;
  }
  return null;
}

/** The value as the server stores it (Text.clean): NFC, trimmed of every space, a line's inner spaces one each. */
function clean(raw, multiline) {
  var chars = Array.from(raw.normalize("NFC"));
  var start = 0;
  var end = chars.length;
  while (start < end && SPACE.test(chars[start])) {
    start++;
  }
  while (end > start && SPACE.test(chars[end - 1])) {
    end--;
  }
  chars = chars.slice(start, end);
  if (multiline) {
    return chars.join("");
  }
  var out = "";
  var lastWasSpace = false;
  chars.forEach(function (ch) {
    var space = SPACE.test(ch);
    if (!space) {
      out += ch;
    } else if (!lastWasSpace) {
      out += " ";
    }
    lastWasSpace = space;
  });
  return out;
}

function phoneProblem(value) {
  var digits = value.replace(/\D/g, "");
  if (digits.length === 11 && digits.charAt(0) === "1") {
    digits = digits.substring(1);
  }
  var ok = pattern("phoneChars").test(value) && digits.length === 10 && digits.charAt(0) >= "2" && digits.charAt(3) >= "2";
  return ok ? null : say("phone", {});
}

function oneOfMessage(choicesName) {
  return say("oneOf", { choices: codes(choicesName).slice().sort().join(", ") });
}

/** The check of each kind on a cleaned, non-empty value within its cap (Validator.java). */
var KINDS = {
  line: function () { return null; },
  paragraph: function () { return null; },
  email: function (value) {
    var ok = pattern("email").test(value) && value.lastIndexOf("@") <= rules.emailLocalMax;
    return ok ? null : say("email", {});
  },
  phone: phoneProblem,
  zip: function (value) { return pattern("zip").test(value) ? null : say("zip", {}); },
  state: function (value, rule) { return codes(rule.choices).indexOf(value.toUpperCase()) >= 0 ? null : say("state", {}); },
  url: function (value) { return pattern("url").test(value) ? null : say("url", {}); },
  slug: function (value) { return pattern("slug").test(value) ? null : say("slug", {}); },
  oneOf: function (value, rule) { return codes(rule.choices).indexOf(value) >= 0 ? null : oneOfMessage(rule.choices); }
};

function valueAt(body, path) {
  return path.split(".").reduce(function (node, key) {
    return node === null || node === undefined ? undefined : node[key];
  }, body);
}

function isAbsent(value) {
  return value === null || value === undefined;
}

function checkText(rule, raw, required) {
  if (isAbsent(raw)) {
    return required ? say("required", {}) : null;
  }
  if (typeof raw !== "string") {
    return say("mustBeText", {});
  }
  if (rule.kind === "email" && /[\r\n]/.test(raw)) {
    return say("singleEmail", {});
  }
  var multiline = rule.kind === "paragraph";
  var problem = textProblem(raw, multiline);
  if (problem) {
    return problem;
  }
  var value = clean(raw, multiline);
  if (value === "") {
    return required ? say("required", {}) : null;
  }
  if (Array.from(value).length > rule.max) {
    return say("tooLong", { max: rule.max });
  }
  return KINDS[rule.kind](value, rule);
}

function checkList(rule, list, errors) {
  if (isAbsent(list)) {
    if (rule.min > 0) {
      errors.push({ field: rule.field, message: say("required", {}) });
    }
    return;
  }
  if (!Array.isArray(list)) {
    errors.push({ field: rule.field, message: say("mustBeList", {}) });
    return;
  }
  var allowed = codes(rule.choices);
  var seen = [];
  list.forEach(function (item, i) {
    if (typeof item !== "string" || allowed.indexOf(item) < 0) {
      errors.push({ field: rule.field + "[" + i + "]", message: oneOfMessage(rule.choices) });
    } else if (seen.indexOf(item) >= 0) {
      errors.push({ field: rule.field + "[" + i + "]", message: say("listedTwice", {}) });
    } else {
      seen.push(item);
    }
  });
  if (rule.min > 0 && list.length === 0) {
    errors.push({ field: rule.field, message: say("atLeast", { min: rule.min }) });
  }
}

function checkFlag(rule, value, errors) {
  var message = null;
  if (isAbsent(value)) {
    message = rule.required ? say("required", {}) : null;
  } else if (typeof value !== "boolean") {
    message = say("mustBeBoolean", {});
  } else if (rule.kind === "accept" && !value) {
    message = rule.refusal;
  }
  if (message) {
    errors.push({ field: rule.field, message: message });
  }
}

/**
 * Every field error of a request body by the form's rules (rules.json "forms"), as the API would
 * answer them. One difference on purpose: a missing object is checked as an empty one, so a blank
 * form names each of its fields rather than only "organization".
 */
export function validate(formName, body) {
  var errors = [];
  rules.forms[formName].forEach(function (rule) {
    var value = valueAt(body, rule.field);
    if (rule.kind === "honeypot") {
      return;
    }
    if (rule.kind === "listOf") {
      checkList(rule, value, errors);
    } else if (rule.kind === "bool" || rule.kind === "accept") {
      checkFlag(rule, value, errors);
    } else {
      var other = rule.requiredWhen && valueAt(body, rule.requiredWhen.field);
      var required = rule.requiredWhen
        ? typeof other === "string" && clean(other, false) === rule.requiredWhen.equals
        : !!rule.required;
      var message = checkText(rule, value, required);
      if (message) {
        errors.push({ field: rule.field, message: message });
      }
    }
  });
  return errors;
}

function ruleOf(form, name) {
  return rules.forms[form.dataset.rules].filter(function (rule) { return rule.field === name; })[0];
}

/** Options and choices from the rules' lists: select[data-choices], and [data-choices] boxes of checkboxes or radios. */
function fillChoices(form) {
  Array.prototype.forEach.call(form.querySelectorAll("[data-choices]"), function (box) {
    var list = rules.choices[box.dataset.choices];
    list.forEach(function (choice) {
      if (box.tagName === "SELECT") {
        var text = box.dataset.showCode ? choice.label + " (" + choice.code + ")" : choice.label;
        box.appendChild(el("option", { value: choice.code, text: text }));
        return;
      }
      var id = box.dataset.idPrefix + choice.code.toLowerCase().replace(/[^a-z0-9_]/g, "");
      box.appendChild(el("label", {}, [
        el("input", { type: box.dataset.input, id: id, name: box.dataset.name, value: choice.code }),
        " " + choice.label
      ]));
    });
  });
  Array.prototype.forEach.call(form.querySelectorAll("[data-max-of]"), function (node) {
    node.textContent = ruleOf(form, node.dataset.maxOf).max.toLocaleString("en-US");
  });
  Array.prototype.forEach.call(form.elements, function (input) {
    var rule = input.name && ruleOf(form, input.name);
    if (rule && rule.required && rule.kind !== "listOf") {
      input.required = true;
    }
  });
}

function setPath(target, path, value) {
  var parts = path.split(".");
  var node = target;
  for (var i = 0; i < parts.length - 1; i++) {
    node = node[parts[i]] = node[parts[i]] || {};
  }
  node[parts[parts.length - 1]] = value;
}

/** The request body: dotted names become nested objects; empty answers are left out. */
export function serialize(form) {
  var body = {};
  var lists = {};
  Array.prototype.forEach.call(form.elements, function (input) {
    if (!input.name || input.disabled || input.type === "submit" || input.type === "button") {
      return;
    }
    if (input.type === "checkbox" && input.dataset.type === "bool") {
      setPath(body, input.name, input.checked);
    } else if (input.type === "checkbox") {
      lists[input.name] = lists[input.name] || [];
      if (input.checked) {
        lists[input.name].push(input.value);
      }
    } else if (input.type === "radio") {
      if (input.checked) {
        setPath(body, input.name, input.value);
      }
    } else {
      // Sent as typed: the server trims and normalises (and refuses what it must, as validate() does).
      var multiline = input.tagName === "TEXTAREA";
      if (clean(input.value, multiline) !== "" || input.dataset.keepEmpty === "true") {
        setPath(body, input.name, input.value);
      }
    }
  });
  Object.keys(lists).forEach(function (name) {
    var rule = ruleOf(form, name);
    if (lists[name].length > 0 || (rule && rule.min > 0)) {
      setPath(body, name, lists[name]);
    }
  });
  return body;
}

/** The form's answers checked by its rules, as the server will check them (honeypot aside). */
function check(form) {
  return validate(form.dataset.rules, serialize(form));
}

/** The element that holds a field's message: its [data-field], else the first one below it. */
function fieldBox(form, path) {
  var plain = String(path || "").replace(/\[\d+\]/g, "");
  var box = form.querySelector('[data-field="' + cssEscape(plain) + '"]');
  while (!box && plain.indexOf(".") > 0 && !form.querySelector('[data-field^="' + cssEscape(plain) + '."]')) {
    plain = plain.substring(0, plain.lastIndexOf("."));
    box = form.querySelector('[data-field="' + cssEscape(plain) + '"]');
  }
  return box || form.querySelector('[data-field^="' + cssEscape(plain) + '."]');
}

function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
}

function controlsOf(box) {
  return Array.prototype.slice.call(box.querySelectorAll("input, select, textarea"));
}

function clearErrors(form) {
  Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (node) {
    node.textContent = "";
    node.hidden = true;
  });
  Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (input) {
    input.removeAttribute("aria-invalid");
  });
  Array.prototype.forEach.call(form.querySelectorAll(".has-error"), function (box) {
    box.classList.remove("has-error");
  });
}

/** Shows each error beside its field (with aria-invalid + aria-describedby) and in the summary. */
function showErrors(form, summary, errors) {
  clearErrors(form);
  var items = [];
  var firstControl = null;
  errors.forEach(function (error) {
    var box = fieldBox(form, error.field);
    var label = error.field;
    if (box) {
      var messageNode = box.querySelector(".field-error");
      if (messageNode) {
        messageNode.textContent = messageNode.hidden || !messageNode.textContent
          ? "Error: " + error.message
          : messageNode.textContent + " " + error.message;
        messageNode.hidden = false;
      }
      box.classList.add("has-error");
      controlsOf(box).forEach(function (control) {
        control.setAttribute("aria-invalid", "true");
      });
      var first = controlsOf(box)[0];
      firstControl = firstControl || first;
      var legend = box.querySelector("label, legend");
      label = legend ? legend.textContent.replace(/\s*\(required\)\s*/i, "").trim() : error.field;
      items.push(el("li", {}, [el("a", { href: "#" + (first ? first.id : ""), text: label + ": " + error.message })]));
    } else {
      items.push(el("li", { text: (label ? label + ": " : "") + error.message }));
    }
  });
  clear(summary);
  summary.appendChild(el("h2", { text: errors.length === 1 ? "There is 1 problem with your answers"
    : "There are " + errors.length + " problems with your answers" }));
  summary.appendChild(el("ul", {}, items));
  summary.hidden = false;
  summary.focus();
  return firstControl;
}

/** Wires aria-describedby of each control to its help text and error message. */
function describe(form) {
  Array.prototype.forEach.call(form.querySelectorAll("[data-field]"), function (box) {
    var help = box.querySelector(".help");
    var error = box.querySelector(".field-error");
    var ids = [help && help.id, error && error.id].filter(Boolean).join(" ");
    if (!ids) {
      return;
    }
    // A fieldset (a group of choices) is described as a whole, a single field on its control.
    var described = box.tagName === "FIELDSET" ? [box] : controlsOf(box);
    described.forEach(function (node) {
      node.setAttribute("aria-describedby", ids);
    });
  });
}

function newKey() {
  if (window.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

/**
 * When the rules are in: fills the form's choices and wires it; resolves then (the form carries
 * data-ready="true"). options: endpoint, sendingText, onSuccess(responseBody, requestBody).
 * The Idempotency-Key is fixed for this view of the form: a retry after a lost answer, or a
 * second click, replays the first answer instead of storing a second submission.
 */
export function setup(form, options) {
  return ready.then(function () {
    fillChoices(form);
    addErrorSlots(form);
    wire(form, options);
    form.dataset.ready = "true";
  }, function () {
    document.getElementById("form-status").textContent = "The form could not be loaded. Please reload the page.";
    throw new Error("rules.json could not be loaded");
  });
}

function wire(form, options) {
  var summary = document.getElementById("form-errors");
  var status = document.getElementById("form-status");
  var button = form.querySelector("button[type=submit]");
  var idempotencyKey = newKey();
  var sending = false;
  form.dataset.idempotencyKey = idempotencyKey;
  describe(form);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }
    var body = serialize(form);
    var errors = check(form);
    if (errors.length > 0) {
      status.textContent = "";
      showErrors(form, summary, errors);
      return;
    }
    clearErrors(form);
    summary.hidden = true;
    sending = true;
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    status.textContent = options.sendingText || "Sending…";
    request("POST", options.endpoint, { body: body, headers: { "Idempotency-Key": idempotencyKey } })
      .then(function (response) {
        status.textContent = "";
        options.onSuccess(response.body, body);
      })
      .catch(function (error) {
        sending = false;
        button.disabled = false;
        form.removeAttribute("aria-busy");
        status.textContent = "";
        if (error instanceof ApiError && error.problem.errors && error.problem.errors.length > 0) {
          showErrors(form, summary, error.problem.errors);
        } else if (error instanceof ApiError && error.status === 503) {
          // Nothing was stored; the same key makes a second try safe. Keep every answer and offer it.
          button.textContent = "Send again";
          showErrors(form, summary, [{ field: "", message: error.message + " Your answers are still here." }]);
        } else if (error instanceof ApiError && error.status === 409) {
          showErrors(form, summary, [{ field: "", message: "This form was already sent with different answers. Reload the page to send a new one." }]);
        } else if (error instanceof ApiError) {
          showErrors(form, summary, [{ field: "", message: error.message }]);
        } else {
          showErrors(form, summary, [{ field: "", message: "We could not reach the server. Check your connection and send again; you will not be counted twice." }]);
        }
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  });
}

/** Replaces the form with its success panel and moves focus there, so it is announced. */
export function showSuccess(form, panel) {
  form.hidden = true;
  panel.hidden = false;
  panel.setAttribute("tabindex", "-1");
  panel.focus();
}
