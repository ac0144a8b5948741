// admin.html's CSV exports: the applications as filtered, the accepted cohort (and, for interest.js,
// the interest forms), each fetched in parts and saved as one file.
import { el, formatNumber, url } from "../api.js";
import * as auth from "./auth.js";
import { $, alertText, queryString, say } from "./console.js";
import { filters } from "./queue.js";

// Always in parts (parts=true): each answer is whole rows up to the server's cap, with
// X-Next-Cursor while rows remain. The parts are joined into one file; a failure in the middle
// saves nothing, so staff never get a silently partial export.
export function download(path, filename) {
  var parts = [];
  var rows = 0;
  say("Preparing " + filename + "…");
  alertText("");

  function fetchPart(cursor) {
    var address = path + (path.indexOf("?") >= 0 ? "&" : "?") + "parts=true" +
      (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    return fetch(url(address), { headers: { "Authorization": "Bearer " + auth.token(), "Accept": "text/csv" } })
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (text) {
            var detail = "";
            try { detail = JSON.parse(text).detail || ""; } catch (ignored) { detail = ""; }
            throw new Error("Part " + (parts.length + 1) + " failed (HTTP " + response.status + ")" +
              (detail ? ": " + detail : ""));
          });
        }
        var next = response.headers.get("X-Next-Cursor");
        rows += parseInt(response.headers.get("X-Row-Count") || "0", 10) || 0;
        return response.blob().then(function (blob) {
          parts.push(blob);
          say("Downloading… part " + parts.length + ", " + formatNumber(rows) + " rows");
          return next ? fetchPart(next) : null;
        });
      });
  }

  return fetchPart(null).then(function () {
    var blob = new Blob(parts, { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: filename, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    say(filename + " downloaded: " + formatNumber(rows) + " rows in " + parts.length +
      (parts.length === 1 ? " part." : " parts."));
  }).catch(function (error) {
    parts = [];
    say("");
    alertText("The download failed and nothing was saved. " + error.message);
  });
}

export function today() { return new Date().toISOString().substring(0, 10); }

// The exports state their times in the reviewer's own zone.
export function timeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (ignored) { return "UTC"; }
}

$("download-applications").addEventListener("click", function () {
  var params = filters();
  params.set("tz", timeZone());
  download("/admin/applications.csv?" + queryString(params), "applications-" + today() + ".csv");
});
$("download-cohort").addEventListener("click", function () {
  download("/admin/cohort.csv?tz=" + encodeURIComponent(timeZone()), "cohort-" + today() + ".csv");
});
