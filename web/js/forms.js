// The public forms' engine: reads inputs named by the contract's dotted field paths, checks them
// with the same rules as the server (validation/Validator.java), shows the server's problem+json
// field errors next to their fields, and sends once per form view (Idempotency-Key).
(function () {
  "use strict";
  var EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
  var ZIP = /^\d{5}(-?\d{4})?$/;
  var PHONE_CHARS = /^[0-9()+.\-\s]+$/;
  var URL_SHAPE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
  var STATE_CODES = PLP.STATES.map(function (s) { return s[0]; });

  var CHECKS = {
    email: function (value) {
      var at = value.lastIndexOf("@");
      return EMAIL.test(value) && at <= 64 ? null : "Must be an email address like name@example.org.";
    },
    phone: function (value) {
      var digits = value.replace(/\D/g, "");
      if (digits.length === 11 && digits.charAt(0) === "1") {
        digits = digits.substring(1);
      }
      var ok = PHONE_CHARS.test(value) && digits.length === 10 && digits.charAt(0) >= "2" && digits.charAt(3) >= "2";
      return ok ? null : "Must be a US phone number with 10 digits.";
    },
    zip: function (value) {
      return ZIP.test(value) ? null : "Must be a 5-digit ZIP code or ZIP+4.";
    },
    state: function (value) {
      return STATE_CODES.indexOf(value.toUpperCase()) >= 0 ? null : "Must be a US state or DC, as a two-letter code.";
    },
    url: function (value) {
      return URL_SHAPE.test(value) ? null : "Must be a web address starting with https:// or http://.";
    }
  };

  function fillStates(select) {
    PLP.STATES.forEach(function (state) {
      select.appendChild(PLP.el("option", { value: state[0], text: state[1] + " (" + state[0] + ")" }));
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
  function serialize(form) {
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
        var value = input.value.trim();
        if (value !== "" || input.dataset.keepEmpty === "true") {
          setPath(body, input.name, value);
        }
      }
    });
    Object.keys(lists).forEach(function (name) {
      if (lists[name].length > 0) {
        setPath(body, name, lists[name]);
      }
    });
    return body;
  }

  function inputsOf(form, name) {
    return Array.prototype.filter.call(form.elements, function (input) { return input.name === name; });
  }

  /** Client-side checks from the markup: required, data-check, maxlength, checkbox groups. */
  function check(form) {
    var errors = [];
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || input.disabled || seen[input.name] || input.closest(".honeypot")) {
        return;
      }
      seen[input.name] = true;
      if (input.type === "checkbox" && input.dataset.type === "bool") {
        if (input.required && !input.checked) {
          errors.push({ field: input.name, message: input.dataset.requiredMessage || "Required." });
        }
        return;
      }
      if (input.type === "checkbox" || input.type === "radio") {
        var group = input.closest("[data-field]");
        var min = group && group.dataset.min ? parseInt(group.dataset.min, 10) : 0;
        var chosen = inputsOf(form, input.name).filter(function (i) { return i.checked; }).length;
        if (chosen < min) {
          errors.push({ field: input.name, message: "Choose at least " + min + "." });
        }
        return;
      }
      var value = input.value.trim();
      if (value === "") {
        if (input.required) {
          errors.push({ field: input.name, message: "Required." });
        }
        return;
      }
      var max = input.getAttribute("maxlength");
      if (max && Array.from(value).length > parseInt(max, 10)) {
        errors.push({ field: input.name, message: "At most " + max + " characters." });
        return;
      }
      var rule = CHECKS[input.dataset.check];
      var message = rule && rule(value);
      if (message) {
        errors.push({ field: input.name, message: message });
      }
    });
    return errors;
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
        items.push(PLP.el("li", {}, [PLP.el("a", { href: "#" + (first ? first.id : ""), text: label + ": " + error.message })]));
      } else {
        items.push(PLP.el("li", { text: (label ? label + ": " : "") + error.message }));
      }
    });
    PLP.clear(summary);
    summary.appendChild(PLP.el("h2", { text: errors.length === 1 ? "There is 1 problem with your answers"
      : "There are " + errors.length + " problems with your answers" }));
    summary.appendChild(PLP.el("ul", {}, items));
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
   * Fills the form's select[data-states] with the states.
   * options: endpoint, sendingText, onSuccess(responseBody, requestBody).
   * The Idempotency-Key is fixed for this view of the form: a retry after a lost answer, or a
   * second click, replays the first answer instead of storing a second submission.
   */
  function setup(form, options) {
    var summary = document.getElementById("form-errors");
    var status = document.getElementById("form-status");
    var button = form.querySelector("button[type=submit]");
    var idempotencyKey = newKey();
    var sending = false;
    form.dataset.idempotencyKey = idempotencyKey;
    Array.prototype.forEach.call(form.querySelectorAll("select[data-states]"), fillStates);
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
      PLP.request("POST", options.endpoint, { body: body, headers: { "Idempotency-Key": idempotencyKey } })
        .then(function (response) {
          status.textContent = "";
          options.onSuccess(response.body, body);
        })
        .catch(function (error) {
          sending = false;
          button.disabled = false;
          form.removeAttribute("aria-busy");
          status.textContent = "";
          if (error instanceof PLP.ApiError && error.problem.errors && error.problem.errors.length > 0) {
            showErrors(form, summary, error.problem.errors);
          } else if (error instanceof PLP.ApiError && error.status === 503) {
            // Nothing was stored; the same key makes a second try safe. Keep every answer and offer it.
            button.textContent = "Send again";
            showErrors(form, summary, [{ field: "", message: error.message + " Your answers are still here." }]);
          } else if (error instanceof PLP.ApiError && error.status === 409) {
            showErrors(form, summary, [{ field: "", message: "This form was already sent with different answers. Reload the page to send a new one." }]);
          } else if (error instanceof PLP.ApiError) {
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
  function showSuccess(form, panel) {
    form.hidden = true;
    panel.hidden = false;
    panel.setAttribute("tabindex", "-1");
    panel.focus();
  }

  window.PLP.forms = {
    setup: setup,
    serialize: serialize,
    showSuccess: showSuccess
  };
})();
