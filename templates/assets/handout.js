/* hyteguide handout (palvelutarjotin): choose who and what a printed list is for.
 *
 * The page lists every activity of the municipality without this script. With it, the
 * audience, theme, language, free and low-threshold choices (hidden in the HTML) narrow the list; within
 * a group any choice matches (an activity for everyone suits any audience), across groups all
 * must. The choices live in the URL (?audience=…&theme=…&free=1), are restored on load and
 * are named above the list, so a printout says what it was made for. Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-handout]");
  if (!root) {
    return;
  }
  var form = root.querySelector("[data-handout-filter]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var entries = Array.prototype.slice.call(root.querySelectorAll("[data-activity]"));
  var status = root.querySelector("[data-handout-status]");
  var selection = root.querySelector("[data-handout-selection]");
  var none = root.querySelector("[data-handout-none]");
  var LISTS = { audience: "data-audiences", theme: "data-themes", language: "data-languages" };
  var FLAGS = { free: "data-free", low_threshold: "data-low-threshold" };

  function chosen() {
    var state = { count: 0, labels: [] };
    Object.keys(LISTS).concat(Object.keys(FLAGS)).forEach(function (name) {
      state[name] = [];
    });
    boxes.forEach(function (box) {
      if (box.checked) {
        state[box.name].push(box.value);
        state.labels.push(box.getAttribute("data-label"));
        state.count += 1;
      }
    });
    return state;
  }

  function matches(entry, state) {
    return Object.keys(LISTS).every(function (name) {
      if (!state[name].length || (name === "audience" && entry.hasAttribute("data-everyone"))) {
        return true;
      }
      var has = (entry.getAttribute(LISTS[name]) || "").split(" ");
      return state[name].some(function (value) {
        return has.indexOf(value) !== -1;
      });
    }) && Object.keys(FLAGS).every(function (name) {
      return !state[name].length || entry.hasAttribute(FLAGS[name]);
    });
  }

  function apply(updateUrl) {
    var state = chosen();
    var shown = 0;
    entries.forEach(function (entry) {
      var ok = matches(entry, state);
      entry.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    none.hidden = shown > 0;
    var key = shown === 1 ? "data-msg-shown-one" : "data-msg-shown";
    status.textContent = (root.getAttribute(key) || "").replace("{n}", String(shown));
    selection.textContent = state.count ? state.labels.join(", ")
                                        : root.getAttribute("data-msg-all");
    if (updateUrl && window.history && window.history.replaceState) {
      var params = new URLSearchParams();
      Object.keys(LISTS).concat(Object.keys(FLAGS)).forEach(function (name) {
        state[name].forEach(function (value) {
          params.append(name, value);
        });
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname +
                                  (query ? "?" + query : "") + window.location.hash);
    }
  }

  var params = new URLSearchParams(window.location.search);
  boxes.forEach(function (box) {
    box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
  });
  form.hidden = false;
  form.addEventListener("change", function () {
    apply(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-handout-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) {
      box.checked = false;
    });
    apply(true);
  });
  form.querySelector("[data-handout-print]").addEventListener("click", function () {
    window.print();
  });
  apply(false);
})();
