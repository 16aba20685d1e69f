/* hyteguide search page: results as you type, with filters, from a prebuilt lunr index.
 *
 * Nothing is fetched until the visitor starts to search (types, or opens a link with ?q= or
 * filters); loading and matching are searchcore.js's, which fetches the parts of the index a
 * query needs, the documents of the results shown, PAGE at a time, and the filters' values of
 * every document once filters are chosen or opened (for filtering and the counts). Filters: within a group any choice matches (an audience
 * meaning everyone matches any), across groups all must. The query and filters live in the
 * URL (?q=…&municipality=…&free=1), so a link can be shared; they are restored on load.
 * Which documents the filters keep is lib/filters.js's (loaded before this script).
 * Results are made with textContent only (searchresult.js). Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-search]");
  if (!root || !window.fetch || !window.Promise || !window.hyteguideSearch ||
      !window.hyteguideFilters || !window.hyteguideSearchResult) {
    return; // the browse links on the page remain
  }
  var core = window.hyteguideSearch;
  var filters = window.hyteguideFilters;
  var form = root.querySelector("[data-search-form]");
  var input = form.querySelector("input[name=q]");
  var panel = root.querySelector("[data-search-filters]");
  var activeNote = root.querySelector("[data-filter-active]");
  var status = root.querySelector("[data-search-status]");
  var notice = root.querySelector("[data-search-notice]");
  var list = root.querySelector("[data-search-results]");
  var moreWrap = root.querySelector("[data-search-more-wrap]");
  var more = root.querySelector("[data-search-more]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  // The choices: the boxes and the age field (a number, no count beside it).
  var inputs = boxes.concat(Array.prototype.slice.call(
    form.querySelectorAll("input[type=number]")));
  var FILTERS = filters.of("search");
  var FLAGS = FILTERS.filter(function (filter) { // shown as badges too
    return filter.yesNo;
  }).map(function (filter) {
    return filter.name;
  });
  var PAGE = 30; // results shown at a time
  var DELAY = 200; // ms after the last key press

  var loaded = false;
  var config = {
    scripts: (root.getAttribute("data-scripts") || "").split(" ").filter(Boolean),
    manifest: root.getAttribute("data-manifest")
  };
  var shown = PAGE;
  var timer = null;
  var results = []; // refs of the documents that match the query and the filters
  var latest = 0; // the number of the latest update: older ones' answers are dropped
  var matched = null; // refs of the documents the query matches, before the filters
  var also = {}; // ref → refs of the near-identical results shown under it (searchcore: group)

  function message(name, values) {
    var found = root.getAttribute("data-msg-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      found = found.split("{" + key + "}").join(String(values[key]));
    });
    return found;
  }

  /* -- filters ---------------------------------------------------------------------------- */

  function chosen() {
    return filters.chosen(FILTERS, inputs);
  }

  var everyone = []; // "audience=<id>" of the choices that mean everyone
  boxes.forEach(function (box) {
    if (box.hasAttribute("data-everyone")) {
      everyone.push(box.name + "=" + box.value);
    }
  });

  /* A document's values of a filter (facets.json: ids, or true for a yes). */
  function valuesOf(doc, filter) {
    if (filter.yesNo) {
      return doc[filter.name] === true ? [filters.TABLE.yes] : [];
    }
    return doc[filter.name] || [];
  }

  /* Is a document for everyone (one of its values is a choice meaning everyone)? */
  function forEveryone(doc) {
    return FILTERS.some(function (filter) {
      return filter.everyone && valuesOf(doc, filter).some(function (value) {
        return everyone.indexOf(filter.name + "=" + value) !== -1;
      });
    });
  }

  /* Does a document pass the chosen values of the filters given (default: all)? all: whether
     it is for everyone, when already known. */
  function passes(doc, state, only, all) {
    return filters.passes(only || FILTERS, state, function (filter) {
      return valuesOf(doc, filter);
    }, all === undefined ? forEveryone(doc) : all);
  }

  /* The names of the filters whose chosen values a document lacks. */
  function failing(doc, state) {
    var all = forEveryone(doc);
    return FILTERS.filter(function (filter) {
      return !passes(doc, state, [filter], all);
    }).map(function (filter) {
      return filter.name;
    });
  }

  /* Beside each choice: how many documents it would leave, with the other groups' choices.
     One pass over the documents: one that fails two groups counts nowhere, one that fails a
     single group counts only for that group's choices. */
  function updateCounts(refs, facets, state) {
    var counts = {};
    refs.forEach(function (ref) {
      var doc = facets[ref];
      var fails = failing(doc, state);
      if (fails.length > 1) {
        return;
      }
      (fails.length ? fails : FILTERS.map(function (filter) {
        return filter.name;
      })).forEach(function (name) {
        matchingValues(doc, name).forEach(function (value) {
          var key = name + "=" + value;
          counts[key] = (counts[key] || 0) + 1;
        });
      });
    });
    boxes.forEach(function (box) {
      var n = counts[box.name + "=" + box.value] || 0;
      box.parentNode.querySelector("[data-count]").textContent = "(" + n + ")";
      box.parentNode.hidden = !n && !box.checked; // a choice that would leave nothing
    });
    showGroups();
  }

  var byName = {};
  FILTERS.forEach(function (filter) {
    byName[filter.name] = filter;
  });
  var offered = {}; // filter → the values of its boxes
  boxes.forEach(function (box) {
    (offered[box.name] = offered[box.name] || []).push(box.value);
  });

  /* The values of a filter's boxes that a document matches. */
  function matchingValues(doc, name) {
    var filter = byName[name];
    var values = valuesOf(doc, filter);
    var all = forEveryone(doc);
    return (offered[name] || []).filter(function (value) {
      return filters.passesOne(filter, values, all, [value]);
    });
  }

  function resetCounts() {
    boxes.forEach(function (box) {
      box.parentNode.querySelector("[data-count]").textContent = "";
      box.parentNode.hidden = false;
    });
    showGroups();
  }

  function showGroups() {
    Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (group) {
      group.hidden = !group.querySelector("li:not([hidden])");
    });
  }

  /* -- the URL ---------------------------------------------------------------------------- */

  function restore() {
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    filters.restore(inputs, window.location.search);
  }

  function remember(state) {
    var params = new URLSearchParams();
    if (input.value.trim()) {
      params.set("q", input.value.trim());
    }
    filters.toParams(FILTERS, state, params);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  /* -- showing results -------------------------------------------------------------------- */

  var shownResult = window.hyteguideSearchResult; // searchresult.js: one result's elements
  var element = shownResult.element;

  function render(doc, types, today) {
    return shownResult.render(doc, { types: types, today: today, message: message,
                                     flags: FLAGS, nextDate: core.nextDate });
  }

  /* The results from focusFrom (default: all, from the first) to shown, once their documents
     are loaded, unless update number has been overtaken by a newer one meanwhile; then the
     focus moves to the first new one. */
  function showResults(searcher, number, focusFrom) {
    var today = window.hyteguideTodayIn(root.getAttribute("data-timezone")); // readerday.js
    var start = focusFrom || 0;
    var refs = results.slice(start, shown);
    var under = refs.map(function (ref) {
      return also[ref] || [];
    });
    return searcher.documents(refs.concat.apply(refs, under)).then(function (docs) {
      if (number !== latest) {
        return;
      }
      if (!focusFrom) {
        list.textContent = "";
      }
      var rest = refs.length;
      refs.forEach(function (ref, i) {
        var item = render(docs[i], searcher.types, today);
        if (under[i].length) {
          item.appendChild(shownResult.sublines(docs.slice(rest, rest + under[i].length),
                                                searcher.types));
          rest += under[i].length;
        }
        list.appendChild(item);
      });
      moreWrap.hidden = results.length <= shown;
      if (focusFrom && list.children[focusFrom]) {
        list.children[focusFrom].querySelector("a").focus();
      }
    });
  }

  function say(kind, query, total, state) {
    var n = results.length;
    var count = message(n === 1 ? "count-one" : "count", { n: n });
    var hint = null;
    if (n && state.count && total !== n) {
      count = message("count-filtered", { n: n, total: total });
    } else if (!n && (total || !query)) {
      count = message("none-filters");
    } else if (!n) {
      count = message("none", { q: query });
      hint = message("none-hint");
    }
    if (n && (kind === "some" || kind === "fuzzy")) {
      hint = message(kind === "some" ? "some-words" : "fuzzy");
    }
    notice.textContent = "";
    if (hint) {
      notice.appendChild(element("p", null, hint));
    }
    notice.hidden = !hint;
    status.textContent = count;
  }

  function clear() {
    results = [];
    list.textContent = "";
    moreWrap.hidden = true;
    notice.hidden = true;
    status.textContent = "";
  }

  function update() {
    list.setAttribute("aria-busy", "true");
    var state = chosen();
    var query = input.value.trim();
    var number = latest += 1;
    remember(state);
    activeNote.textContent = state.count ? "(" + state.count + ")" : "";
    if (!query && !state.count) {
      matched = null;
      resetCounts();
      clear();
      list.removeAttribute("aria-busy");
      return;
    }
    if (!loaded) {
      status.textContent = message("loading");
    }
    core.load(config).then(function (searcher) {
      return answer(searcher, query, state, number);
    }).catch(function () {
      if (number === latest) {
        clear();
        status.textContent = message("failed");
        list.removeAttribute("aria-busy");
      }
    });
  }

  /* Match the query, filter (with every document's filter values, fetched only when filters
     are chosen or shown) and show the first results, unless a newer update came meanwhile. */
  function answer(searcher, query, state, number) {
    var counting = state.count > 0 || panel.open;
    return Promise.all([query ? searcher.find(query).then(function (found) {
      return searcher.group(found); // an organisation and its same-named activity, place: once
    }) : searcher.all(),
                        counting ? searcher.facets() : null]).then(function (parts) {
      loaded = true;
      if (number !== latest) {
        return null;
      }
      var found = parts[0];
      var facets = parts[1];
      also = {};
      matched = found.hits.map(function (hit) {
        also[hit.ref] = hit.also || [];
        return Number(hit.ref);
      });
      results = facets ? matched.filter(function (ref) {
        return passes(facets[ref], state);
      }) : matched;
      if (facets) {
        updateCounts(matched, facets, state);
      } else {
        resetCounts();
        countWhenOpened(); // opened while this search ran
      }
      shown = PAGE;
      var total = matched.length;
      return showResults(searcher, number).then(function () {
        if (number === latest) {
          say(found.kind, query, total, state);
          list.removeAttribute("aria-busy");
        }
      });
    });
  }

  /* The counts beside the filters, when they are opened after (or during) a search without
     them. */
  function countWhenOpened() {
    if (!panel.open || !matched) {
      return;
    }
    var refs = matched;
    var number = latest;
    panel.setAttribute("aria-busy", "true");
    core.load(config).then(function (searcher) {
      return searcher.facets();
    }).then(function (facets) {
      if (number === latest) {
        updateCounts(refs, facets, chosen());
      }
    }).catch(function () {
      // the counts stay empty; choosing a filter tries again
    }).then(function () {
      panel.removeAttribute("aria-busy");
    });
  }

  function later() {
    list.setAttribute("aria-busy", "true"); // until the results for what was typed are shown
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY);
  }

  /* -- wiring ----------------------------------------------------------------------------- */

  panel.hidden = false;
  panel.addEventListener("toggle", countWhenOpened);
  input.addEventListener("input", later);
  form.addEventListener("submit", function (event) {
    event.preventDefault(); // the results are already on this page
    window.clearTimeout(timer);
    update();
  });
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      window.clearTimeout(timer);
      update();
    });
  });
  inputs.filter(function (field) { return field.type === "number"; }).forEach(function (field) {
    field.addEventListener("input", later); // an age, as it is typed
  });
  root.querySelector("[data-search-clear]").addEventListener("click", function () {
    filters.clear(inputs);
    update();
  });
  more.addEventListener("click", function () {
    var from = shown;
    shown += PAGE;
    var number = latest;
    core.load(config).then(function (searcher) {
      return showResults(searcher, number, from);
    }).catch(function () {
      status.textContent = message("failed");
    });
  });

  restore();
  if (input.value.trim() || chosen().count) {
    update();
  }
})();
