// apply.html: "Save and finish later" (POST/PUT /drafts) and resuming from the emailed link
// (apply.html#resume=<token>: GET /drafts fills every field). The token travels in the URL
// fragment (never sent to a server) or in the first save's answer, then lives in sessionStorage
// and an Authorization header.
// apply.js starts it and tells it when the regions are in (a draft fills the region too) and when
// the application is sent (the draft is deleted then).
import { ApiError, request } from "./api.js";
import { serialize } from "./forms.js";

var KEY = "plp-draft-token";
var emailInput = document.getElementById("draft-email");
var managerEmail = document.getElementById("pm-email");
var status = document.getElementById("draft-status");
var restored = document.getElementById("draft-restored");
var regionsIn = false;
var pending = null;
var form = null;

function day(iso) {
  return new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}

function valueAt(data, path) {
  return path.split(".").reduce(function (node, part) {
    return node === undefined || node === null ? undefined : node[part];
  }, data);
}

/** Puts the saved answers back into every field of the form (and fires change, e.g. "Other" type). */
function fill(data) {
  Array.prototype.forEach.call(form.elements, function (input) {
    // Hidden fields are the page's (the terms version it read), not the applicant's answers.
    if (!input.name || input.type === "hidden") {
      return;
    }
    var value = valueAt(data, input.name);
    if (input.type === "checkbox" && input.dataset.type === "bool") {
      input.checked = value === true;
    } else if (input.type === "checkbox") {
      input.checked = Array.isArray(value) && value.indexOf(input.value) >= 0;
    } else if (input.type === "radio") {
      input.checked = value === input.value;
    } else if (typeof value === "string") {
      input.value = value;
    }
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function save() {
  var token = sessionStorage.getItem(KEY);
  var body = serialize(form);
  delete body.website;
  var email = emailInput.value.trim();
  if (!token && !email) {
    status.textContent = "Enter the email address we should send the link to.";
    emailInput.focus();
    return;
  }
  status.textContent = "Saving…";
  var saving = token
    ? request("PUT", "/drafts", { token: token, body: { form: body } })
    : request("POST", "/drafts", { body: { email: email, form: body } });
  saving.then(function (response) {
    if (response.body.token) {
      // This tab saves the same draft again (PUT): one draft and one email, however often it saves.
      sessionStorage.setItem(KEY, response.body.token);
    }
    status.textContent = token
      ? "Saved. Use the link in your email to come back; the draft is kept until " + day(response.body.expiresAt) + "."
      : response.body.message;
  }).catch(function (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(KEY);
      status.textContent = "Your saved draft has expired. Enter your email and save again.";
    } else {
      status.textContent = error instanceof ApiError ? error.message : "We could not reach the server. Try again.";
    }
  });
}

function resume(token) {
  restored.textContent = "Restoring your saved application…";
  request("GET", "/drafts", { token: token }).then(function (response) {
    emailInput.value = response.body.email;
    pending = response.body;
    if (regionsIn) {
      apply();
    }
  }).catch(function (error) {
    sessionStorage.removeItem(KEY);
    restored.textContent = error instanceof ApiError ? error.message : "We could not reach the server. Reload the page.";
  });
}

function apply() {
  fill(pending.form);
  restored.textContent = "Your saved application is restored. It is kept until " + day(pending.expiresAt) + ".";
  pending = null;
}

/** Wires "Save and finish later" to the form and resumes a draft from the link or this tab's session. */
export function keepDrafts(applyForm) {
  form = applyForm;
  managerEmail.addEventListener("change", function () {
    if (!emailInput.value) {
      emailInput.value = managerEmail.value.trim();
    }
  });
  document.getElementById("draft-save").addEventListener("click", save);

  var fresh = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("resume");
  if (fresh) {
    sessionStorage.setItem(KEY, fresh);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  if (sessionStorage.getItem(KEY)) {
    resume(sessionStorage.getItem(KEY));
  }
}

/** The region list is filled: a draft that arrived first is put in now. */
export function regionsLoaded() {
  regionsIn = true;
  if (pending) {
    apply();
  }
}

/** The application is stored: its draft is no longer needed. */
export function applicationSent() {
  var token = sessionStorage.getItem(KEY);
  if (token) {
    sessionStorage.removeItem(KEY);
    request("DELETE", "/drafts", { token: token }).catch(function () { /* it expires on its own */ });
  }
}
