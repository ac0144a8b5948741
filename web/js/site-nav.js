// The site's navigation, written once. The pages are static files with no build step to include a
// shared header, so each page's <header class="site"> names itself (data-current) and the list it
// shows (data-nav), and this module draws the links and the skip link. Without script a page keeps
// its brand link home.
const PROGRAM = [["index.html", "The program"], ["map.html", "Map"], ["faq.html", "FAQ"]];
const LISTS = {
  site: [...PROGRAM, ["apply.html", "Apply"], ["interest.html", "Tell us about your city"], ["terms.html", "Terms"]],
  api: [...PROGRAM, ["api.html", "API"]],
};

// Standalone (not api.js's el): on the program pages this is the only module, and the nav should not
// wait for api.js and config.js to load.
function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function drawHeader(header) {
  const nav = document.createElement("nav");
  nav.setAttribute("aria-label", "Site");
  for (const [href, text] of LISTS[header.dataset.nav] || LISTS.site) {
    const a = link(href, text);
    if (href === header.dataset.current) {
      a.setAttribute("aria-current", "page");
    }
    nav.append(a, " ");
  }
  header.append(nav);
  const skip = link("#main", "Skip to " + (header.dataset.skip || "the content"));
  skip.className = "skip";
  header.before(skip);
}

document.querySelectorAll("header.site[data-nav]").forEach(drawHeader);
