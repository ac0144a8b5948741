// Staff sign-in for the console. In the cloud: Cognito hosted UI, authorization code + PKCE
// (public client, no secret), keeping the id token for the API's Cognito authorizer. Locally
// (no Cognito domain in config.js): POST /local/token with an email and groups.
import { config } from "../../config.js";
import { request } from "../api.js";

var KEY = "plp.staff.token";
var cognito = (config.cognito || {});
export const useCognito = !!(cognito.domain && cognito.clientId);
var domain = (cognito.domain || "").replace(/\/+$/, "");

function redirectUri() {
  return cognito.redirectUri || (window.location.origin + window.location.pathname);
}

function base64url(bytes) {
  return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString() {
  var bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** The claims of a JWT (no signature check: the API checks; this only labels the page). */
function claims(token) {
  try {
    var part = token.split(".")[1];
    var json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(decodeURIComponent(Array.prototype.map.call(json, function (c) {
      return "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2);
    }).join("")));
  } catch (e) {
    return {};
  }
}

export function token() {
  var value = sessionStorage.getItem(KEY);
  if (!value) {
    return null;
  }
  var exp = claims(value).exp;
  if (exp && exp * 1000 < Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return value;
}

export function identity() {
  var c = claims(token() || "");
  if (c.email) {
    var groups = c["cognito:groups"] || [];
    return c.email + (groups.length ? " (" + [].concat(groups).join(", ") + ")" : "");
  }
  return sessionStorage.getItem("plp.staff.label") || "staff";
}

export function signInWithCognito() {
  var verifier = randomString();
  var state = randomString();
  sessionStorage.setItem("plp.pkce.verifier", verifier);
  sessionStorage.setItem("plp.pkce.state", state);
  // The hosted UI returns to the bare page: keep what the address held (filters, the open application).
  sessionStorage.setItem("plp.return", window.location.search + window.location.hash);
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)).then(function (hash) {
    var params = new URLSearchParams({
      response_type: "code", client_id: cognito.clientId, redirect_uri: redirectUri(),
      scope: "openid email profile", state: state,
      code_challenge_method: "S256", code_challenge: base64url(hash)
    });
    window.location.assign(domain + "/oauth2/authorize?" + params.toString());
  });
}

/** Finishes the hosted UI's redirect (?code=&state=), if this page load is one. */
export function completeCognitoRedirect() {
  var params = new URLSearchParams(window.location.search);
  var code = params.get("code");
  if (!useCognito || !code) {
    return Promise.resolve(false);
  }
  var verifier = sessionStorage.getItem("plp.pkce.verifier");
  var state = sessionStorage.getItem("plp.pkce.state");
  sessionStorage.removeItem("plp.pkce.verifier");
  sessionStorage.removeItem("plp.pkce.state");
  var back = sessionStorage.getItem("plp.return") || "";
  sessionStorage.removeItem("plp.return");
  window.history.replaceState(null, "", window.location.pathname + (back.indexOf("?code=") === 0 ? "" : back));
  if (!verifier || params.get("state") !== state) {
    return Promise.reject(new Error("The sign-in could not be verified. Please sign in again."));
  }
  return fetch(domain + "/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", client_id: cognito.clientId, code: code,
      redirect_uri: redirectUri(), code_verifier: verifier }).toString()
  }).then(function (response) {
    if (!response.ok) {
      throw new Error("Sign-in failed (" + response.status + "). Please sign in again.");
    }
    return response.json();
  }).then(function (tokens) {
    sessionStorage.setItem(KEY, tokens.id_token);
    return true;
  });
}

export function signInLocally(email, groups) {
  return request("POST", "/local/token", { body: { email: email, groups: groups } }).then(function (response) {
    sessionStorage.setItem(KEY, response.body.token);
    sessionStorage.setItem("plp.staff.label", email + (groups.length ? " (" + groups.join(", ") + ")" : ""));
    return true;
  });
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem("plp.staff.label");
  if (useCognito) {
    window.location.assign(domain + "/logout?" + new URLSearchParams({
      client_id: cognito.clientId, logout_uri: redirectUri() }).toString());
  } else {
    window.location.reload();
  }
}

/** Drops the token (the API refused it). */
export function forget() {
  sessionStorage.removeItem(KEY);
}

/** The signed-in staff member's email and groups, from the token (labels and buttons only; the API decides). */
export function me() {
  var c = claims(token() || "");
  var groups = c["cognito:groups"] || [];
  return { email: c.email || "", groups: typeof groups === "string" ? groups.split(/[,\s]+/) : [].concat(groups) };
}
