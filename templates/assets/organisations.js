/* hyteguide organisation list: filter the listed organisations by the expertise they offer
 * partners.
 *
 * Without this script the list shows every organisation, and the expertise page (linked
 * above the list) lists them by expertise. With it, the expertise choices (hidden in the
 * HTML) narrow the cards; any chosen expertise matches. The choices live in the URL
 * (?expertise=tilat), are restored on load and carried to the list's other pages; on a page
 * of a long list they narrow that page's organisations, and the status says so.
 * Which cards the choices keep is lib/filters.js's (loaded before this script).
 * Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-organisations]");
  var filters = window.hyteguideFilters; // lib/filters.js
  var form = root && root.querySelector("[data-organisations-filter]");
  if (!form || !filters) {
    return;
  }
  var FILTERS = filters.of("organisations");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var status = root.querySelector("[data-organisations-status]");
  var none = root.querySelector("[data-organisations-none]");
  var pages = Array.prototype.slice.call(root.querySelectorAll(".pagination a[href]"));
  pages.forEach(function (link) {
    link.setAttribute("data-href", link.getAttribute("href"));
  });

  function apply(updateUrl) {
    var state = filters.chosen(FILTERS, boxes);
    var shown = 0;
    root.querySelectorAll("[data-organisation]").forEach(function (card) {
      var ok = filters.elementPasses(FILTERS, state, card);
      card.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    none.hidden = shown > 0;
    if (state.count) {
      var key = root.hasAttribute("data-msg-shown-page") ? "data-msg-shown-page"
        : shown === 1 ? "data-msg-shown-one" : "data-msg-shown";
      status.textContent = (root.getAttribute(key) || "").replace("{n}", String(shown));
    } else {
      status.textContent = status.getAttribute("data-all") || status.textContent;
    }
    var query = filters.query(FILTERS, state);
    pages.forEach(function (link) {
      var href = link.getAttribute("data-href");
      var hash = href.indexOf("#") === -1 ? href.length : href.indexOf("#");
      link.setAttribute("href", href.slice(0, hash) + query + href.slice(hash));
    });
    if (updateUrl && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + query +
                                  window.location.hash);
    }
  }

  status.setAttribute("data-all", status.textContent);
  filters.restore(boxes, window.location.search);
  form.hidden = false;
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-organisations-clear]").addEventListener("click", function () {
    filters.clear(boxes);
    apply(true);
  });
  apply(false);
})();
