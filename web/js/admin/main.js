// admin.html's entry: sign-in (Cognito's hosted UI, or the local token form), then the console's
// screens: the list (queue.js) with an application's detail beside it (detail.js, decisions.js),
// the CSV exports (exports.js) and the interest from cities without a pin (interest.js).
import { query } from "../api.js";
import { ready } from "../rules.js";
import * as auth from "./auth.js";
import { $, alertText, onSignInExpired, say } from "./console.js";
import { openApplication } from "./detail.js";
import "./exports.js";
import { loadInterest, loadInterestList } from "./interest.js";
import { fillStatusFilter, startQueue } from "./queue.js";

function showSignIn(message) {
  $("console").hidden = true;
  $("who").hidden = true;
  $("signin").hidden = false;
  $("signin-cognito").hidden = !auth.useCognito;
  $("signin-local").hidden = auth.useCognito;
  alertText(message || "");
}

function showConsole() {
  $("signin").hidden = true;
  $("console").hidden = false;
  $("who").hidden = false;
  $("who-text").textContent = "Signed in as " + auth.identity();
  alertText("");
  startQueue();
  loadInterest();
  loadInterestList(null);
  // A link to one application (the staff email's): admin.html?open=<id>
  if (query("open")) { openApplication(query("open")); }
}

onSignInExpired(showSignIn);
$("cognito-signin").addEventListener("click", function () { auth.signInWithCognito(); });
$("signin-local").addEventListener("submit", function (event) {
  event.preventDefault();
  var email = $("local-email").value.trim();
  var groups = Array.prototype.filter.call(document.querySelectorAll("#signin-local input[name=groups]"),
    function (box) { return box.checked; }).map(function (box) { return box.value; });
  say("Signing in…");
  auth.signInLocally(email, groups).then(function () {
    say("");
    showConsole();
  }).catch(function (error) {
    say("");
    alertText("Sign-in failed: " + error.message);
  });
});
$("sign-out").addEventListener("click", function () { auth.signOut(); });

ready.then(fillStatusFilter).then(auth.completeCognitoRedirect).then(function () {
  if (auth.token()) { showConsole(); } else { showSignIn(); }
}).catch(function (error) {
  showSignIn(error.message);
});
