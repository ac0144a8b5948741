// interest.html: "Don't see your city? Tell us" (POST /interest).
import "./site-nav.js";
import { el, query } from "./api.js";
import { setup, showSuccess } from "./forms.js";

var form = document.getElementById("interest-form");

// Prefilled from the map's search ("interest.html?city=...&state=...&zip=...").
function prefill() {
  ["city", "state", "zip"].forEach(function (name) {
    var value = query(name);
    var field = form.elements[name];
    if (value && field && !field.value) {
      field.value = value;
    }
  });
}

// After setup: the state list is filled from the rules then, and a prefilled state needs its option.
setup(form, {
  endpoint: "/interest",
  sendingText: "Sending… please wait.",
  onSuccess: function (answer, body) {
    var match = document.getElementById("success-match");
    if (answer && answer.matchedRegionId) {
      match.textContent = "Good news: Code.org is already looking for a partner in your region. ";
      match.appendChild(el("a", { href: "apply.html?region=" + encodeURIComponent(answer.matchedRegionId),
        text: "Share the application with organizations near you" }));
      match.appendChild(document.createTextNode("."));
    } else {
      match.textContent = "Your city is counted. Staff use these counts to decide where to open new regions.";
    }
    document.getElementById("success-email").textContent = body.email || "";
    showSuccess(form, document.getElementById("success"));
  }
}).then(prefill);
