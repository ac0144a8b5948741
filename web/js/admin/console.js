// What every screen of admin.html shares: its elements by id, the live status line and the alert,
// the API with the staff token (a 401 or 403 answered once for all), and dates in the reviewer's words.
import { ApiError, request } from "../api.js";
import * as auth from "./auth.js";

export function $(id) {
  return document.getElementById(id);
}

export function say(text) {
  $("console-status").textContent = text;
}

export function alertText(text) {
  $("console-alert").textContent = text;
  $("console-alert").hidden = !text;
}

// main.js shows the sign-in again when the API refuses the token.
var signInAgain = function () {};
export function onSignInExpired(show) {
  signInAgain = show;
}

export function api(method, path, body) {
  return request(method, path, { token: auth.token(), body: body }).catch(function (error) {
    if (error instanceof ApiError && error.status === 401) {
      auth.forget();
      signInAgain("Your sign-in has expired. Please sign in again.");
    } else if (error instanceof ApiError && error.status === 403) {
      alertText("Your account is not allowed to do this (it needs the reviewers group).");
    }
    throw error;
  });
}

/** A 401 or 403 that api() has already answered (sign-in again, not allowed): nothing more to say. */
export function shownByApi(error) {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

export function formatDate(iso) {
  if (!iso) { return ""; }
  var date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

// Spaces as %20, not "+": API Gateway hands "+" to the function as a literal plus.
export function queryString(params) {
  return params.toString().replace(/\+/g, "%20");
}
