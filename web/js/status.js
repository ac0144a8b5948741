// status.html: the applicant's private page (GET /status, withdraw, contact corrections), the
// confirmation of a new email address (#confirm=...) and "email me my link again" (POST /status/link).
// The link's token arrives in the URL fragment, which browsers never send to a server; the page
// moves it to sessionStorage and out of the address bar, and sends it only as an Authorization header.
import "./site-nav.js";
import { addErrorSlots, ApiError, clear, el, request } from "./api.js";

var KEY = "plp-status-token";
var statusLine = document.getElementById("page-status");

function fromUrl(name) {
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  return hash.get(name) || new URLSearchParams(window.location.search).get(name);
}

function forgetUrlToken() {
  if (window.location.hash || window.location.search) {
    window.history.replaceState(null, "", window.location.pathname);
  }
}

function text(id, value) {
  document.getElementById(id).textContent = value || "";
}

function date(iso) {
  return iso ? new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" }) : "";
}

function showFieldErrors(form, summary, problem) {
  Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (node) { node.hidden = true; });
  Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) { node.removeAttribute("aria-invalid"); });
  var errors = (problem && problem.errors) || [];
  errors.forEach(function (error) {
    var box = form.querySelector("[data-field=\"" + error.field + "\"]");
    if (!box) {
      return;
    }
    var input = box.querySelector("input");
    var message = box.querySelector(".field-error");
    message.textContent = error.message;
    message.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", message.id);
  });
  if (summary) {
    summary.hidden = errors.length === 0;
    if (errors.length) {
      clear(summary).appendChild(el("p", { text: problem.detail || "Please correct the fields marked below." }));
      summary.focus();
    }
  }
}

function values(form) {
  var body = {};
  Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
    var value = input.value.trim();
    if (value) {
      body[input.name] = value;
    }
  });
  return body;
}

function render(app) {
  document.getElementById("application").hidden = false;
  statusLine.textContent = "";
  text("s-organization", app.organizationName);
  text("s-region", app.regionName);
  text("s-status", app.statusText);
  text("s-submitted", date(app.submittedAt));
  text("s-next", app.next);
  var valid = document.getElementById("s-link-valid");
  valid.hidden = !app.linkValidUntil;
  valid.textContent = app.linkValidUntil ? "This link works until " + date(app.linkValidUntil) + "." : "";

  var timeline = clear(document.getElementById("s-timeline"));
  app.timeline.forEach(function (event) {
    timeline.appendChild(el("li", {}, [el("time", { datetime: event.at, text: date(event.at) }), event.what]));
  });
  var answers = clear(document.getElementById("s-answers"));
  app.answers.forEach(function (answer) {
    answers.appendChild(el("dt", { text: answer.label }));
    answers.appendChild(el("dd", { text: answer.value }));
  });

  document.getElementById("contact-section").hidden = !app.canCorrect;
  if (app.canCorrect) {
    ["firstName", "lastName", "title", "phone", "email"].forEach(function (name) {
      document.getElementById("c-" + name).value = (app.contact && app.contact[name]) || "";
    });
  }
  document.getElementById("withdraw-section").hidden = !app.canWithdraw;
  text("w-organization", app.organizationName);
}

function failed(error, where) {
  if (error instanceof ApiError && error.status === 401) {
    sessionStorage.removeItem(KEY);
    document.getElementById("application").hidden = true;
    document.getElementById("resend").hidden = false;
    statusLine.textContent = error.message;
    return;
  }
  where.textContent = error instanceof ApiError ? error.message
    : "We could not reach the server. Check your connection and try again.";
}

function load(token) {
  return request("GET", "/status", { token: token }).then(function (response) {
    render(response.body);
  }).catch(function (error) { failed(error, statusLine); });
}

function setupActions(token) {
  var contact = document.getElementById("contact-form");
  var contactStatus = document.getElementById("contact-status");
  addErrorSlots(contact);
  contact.addEventListener("submit", function (event) {
    event.preventDefault();
    contactStatus.textContent = "Saving…";
    request("PUT", "/status/contact", { token: token, body: values(contact) }).then(function (response) {
      showFieldErrors(contact, document.getElementById("contact-errors"), null);
      render(response.body);
      contactStatus.textContent = response.body.emailConfirmationSentTo
        ? "Saved. To change your email address, open the link we sent to " + response.body.emailConfirmationSentTo + "."
        : "Saved.";
    }).catch(function (error) {
      contactStatus.textContent = "";
      if (error instanceof ApiError && error.status === 400) {
        showFieldErrors(contact, document.getElementById("contact-errors"), error.problem);
      } else {
        failed(error, contactStatus);
      }
    });
  });

  var confirmBox = document.getElementById("withdraw-confirm");
  var start = document.getElementById("withdraw-start");
  var withdrawStatus = document.getElementById("withdraw-status");
  start.addEventListener("click", function () {
    confirmBox.hidden = false;
    start.hidden = true;
    document.getElementById("withdraw-no").focus();
  });
  document.getElementById("withdraw-no").addEventListener("click", function () {
    confirmBox.hidden = true;
    start.hidden = false;
    start.focus();
  });
  document.getElementById("withdraw-yes").addEventListener("click", function () {
    withdrawStatus.textContent = "Withdrawing…";
    request("POST", "/status/withdraw", { token: token, body: { confirm: true } }).then(function (response) {
      render(response.body);
      confirmBox.hidden = true;
      start.hidden = false;
      statusLine.textContent = "Your application is withdrawn.";
      document.getElementById("page-title").focus();
    }).catch(function (error) { failed(error, withdrawStatus); });
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });
}

function setupResend() {
  var form = document.getElementById("resend-form");
  var status = document.getElementById("resend-status");
  addErrorSlots(form);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    status.textContent = "Sending…";
    request("POST", "/status/link", { body: values(form) }).then(function (response) {
      showFieldErrors(form, null, null);
      status.textContent = response.body.message;
    }).catch(function (error) {
      status.textContent = error instanceof ApiError ? error.message : "We could not reach the server. Try again.";
      if (error instanceof ApiError && error.status === 400) {
        showFieldErrors(form, null, error.problem);
      }
    });
  });
}

function confirmEmail(token) {
  statusLine.textContent = "Confirming your new email address…";
  request("POST", "/status/email-confirmation", { body: { token: token } }).then(function (response) {
    statusLine.textContent = "Your new email address " + response.body.email + " is confirmed. We will write to it from now on.";
  }).catch(function (error) {
    document.getElementById("resend").hidden = false;
    failed(error, statusLine);
  });
}

/** The link's token (or a new address's confirmation) from the address, then this tab's session. */
function start() {
  setupResend();
  document.getElementById("page-title").setAttribute("tabindex", "-1");
  var confirm = fromUrl("confirm");
  var fresh = fromUrl("token");
  forgetUrlToken();
  if (confirm) {
    confirmEmail(confirm);
    return;
  }
  if (fresh) {
    sessionStorage.setItem(KEY, fresh);
  }
  var token = sessionStorage.getItem(KEY);
  if (!token) {
    statusLine.textContent = "Open this page from the link in your confirmation email, or ask for the link again.";
    document.getElementById("resend").hidden = false;
    return;
  }
  setupActions(token);
  load(token);
}

start();
