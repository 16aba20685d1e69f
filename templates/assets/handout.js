/* hyteguide handout (palvelutarjotin): choose who and what a printed list is for.
 *
 * The page lists its activities (the whole list, or one page of it) without this script. With
 * it, the audience, age, theme, language, free and low-threshold choices (hidden in the HTML)
 * narrow the list; within a group any choice matches (an activity for everyone suits any
 * audience), across groups all must; an age typed keeps the activities for that age and those
 * for any age. The choices live in the URL (?audience=…&age=9&theme=…&free=1), are restored
 * on load, are carried over to the links to the list's other pages and are named
 * above the list, so a printout says what it was made for.
 * A list longer than a page is split into pages. There the choices narrow this page's
 * activities only, and the status and the "none" notice say so, until the visitor fetches the
 * other pages here (assets/pagedlist.js); then the choices and the printout cover the whole
 * list, and the URL says so (&all=1, which fetches them again when the page is opened).
 * Which activities the choices keep is lib/filters.js's (loaded before this script).
 * The printout names its exact selection: the list's published address with the choices, in
 * short (without https://) and as a QR code (lib/qr.js, made here: the build made the code of
 * the address without choices), kept up to date as the choices change and before printing.
 * Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-handout]");
  var filters = window.hyteguideFilters; // lib/filters.js
  if (!root || !filters) {
    return;
  }
  var form = root.querySelector("[data-handout-filter]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll(
    "input[type=checkbox], input[type=number]"));
  var links = Array.prototype.slice.call(root.querySelectorAll("a[data-handout-link]"));
  links.forEach(function (link) {
    link.setAttribute("data-href", link.getAttribute("href"));
  });
  var paged = null; // the list's other pages (pagedlist.js), on a page of a paged list
  var status = root.querySelector("[data-handout-status]");
  var selection = root.querySelector("[data-handout-selection]");
  var none = root.querySelector("[data-handout-none]");
  var address = root.querySelector("[data-handout-address]");
  var code = root.querySelector(".handout__qr");
  var codeImage = code && code.querySelector("img");
  var published = root.getAttribute("data-handout-url") || "";
  var coded = published; // the address the QR code holds: the build's code is of the page
  var FILTERS = filters.of("handout");

  function partial() {
    return root.hasAttribute("data-paged-urls") && !(paged && paged.loaded());
  }

  function apply(updateUrl) {
    var state = filters.chosen(FILTERS, boxes);
    var shown = 0;
    root.querySelectorAll("[data-activity]").forEach(function (entry) {
      var ok = filters.elementPasses(FILTERS, state, entry);
      entry.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    none.hidden = shown > 0;
    var words = none.getAttribute(partial() ? "data-msg-page" : "data-msg-all");
    if (words) {
      none.textContent = words;
    }
    var key = partial() ? "data-msg-shown-page"
      : shown === 1 ? "data-msg-shown-one" : "data-msg-shown";
    status.textContent = (root.getAttribute(key) || "").replace("{n}", String(shown));
    selection.textContent = state.count ? state.labels.join(", ")
                                        : root.getAttribute("data-msg-all");
    links.forEach(function (link) {
      link.setAttribute("href", link.getAttribute("data-href") + query(state, false));
    });
    var chosen = query(state, paged && paged.loaded());
    printed(published + chosen);
    if (updateUrl && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + chosen +
                                  window.location.hash);
    }
  }

  /* The printed address and QR code of the list as chosen (url: its published address). */
  function printed(url) {
    address.textContent = url.replace(/^[a-z]+:\/\//, "");
    if (codeImage && url !== coded && window.hyteguideQr) { // lib/qr.js
      codeImage.src = window.hyteguideQr.dataUrl(url);
      coded = url;
    }
    if (code) { // never a code of another selection than the one printed
      code.hidden = coded !== url;
    }
  }

  /* "?audience=…&free=1" for the choices ("" for none); all: and "all=1" (every page here). */
  function query(state, all) {
    var params = filters.toParams(FILTERS, state, new URLSearchParams());
    if (all) {
      params.append("all", "1");
    }
    var text = params.toString();
    return text ? "?" + text : "";
  }

  filters.restore(boxes, window.location.search);
  if (window.hyteguidePaged) {
    paged = window.hyteguidePaged(root, function () { apply(true); });
  }
  form.hidden = false;
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("input", function () { // an age, as it is typed
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-handout-clear]").addEventListener("click", function () {
    filters.clear(boxes);
    apply(true);
  });
  form.querySelector("[data-handout-print]").addEventListener("click", function () {
    window.print();
  });
  window.addEventListener("beforeprint", function () { // the browser's own Print too
    apply(false);
  });
  apply(false);
  if (paged && new URLSearchParams(window.location.search).get("all") === "1") {
    paged.load();
  }
})();
