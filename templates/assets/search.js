/* hyteguide search page: results as you type, with filters, from a prebuilt lunr index.
 *
 * Nothing is fetched until the visitor starts to search (types, or opens a link with ?q= or
 * filters); loading and matching are searchcore.js's. Filters: within a group any choice
 * matches (an audience meaning everyone matches any), across groups all must. The query and
 * filters live in the URL (?q=…&municipality=…&free=1), so a link can be shared; they are
 * restored on load. Results are made with textContent only. Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-search]");
  if (!root || !window.fetch || !window.Promise || !window.hyteguideSearch) {
    return; // the browse links on the page remain
  }
  var core = window.hyteguideSearch;
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
  var FACETS = ["municipality", "audience", "theme", "format", "language"];
  var FLAGS = ["free", "low_threshold"];
  var PAGE = 30; // results shown at a time
  var DELAY = 200; // ms after the last key press

  var loaded = false;
  var config = {
    scripts: (root.getAttribute("data-scripts") || "").split(" ").filter(Boolean),
    index: root.getAttribute("data-index"),
    documents: root.getAttribute("data-documents")
  };
  var shown = PAGE;
  var timer = null;
  var results = [];

  function message(name, values) {
    var found = root.getAttribute("data-msg-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      found = found.split("{" + key + "}").join(String(values[key]));
    });
    return found;
  }

  /* -- filters ---------------------------------------------------------------------------- */

  function chosen() {
    var state = { count: 0 };
    FACETS.concat(FLAGS).forEach(function (name) {
      state[name] = [];
    });
    boxes.forEach(function (box) {
      if (box.checked) {
        state[box.name].push(box.value);
        state.count += 1;
      }
    });
    return state;
  }

  var everyone = {};
  boxes.forEach(function (box) {
    if (box.hasAttribute("data-everyone")) {
      (everyone[box.name] = everyone[box.name] || []).push(box.value);
    }
  });

  function hasAny(doc, name, values) {
    var own = doc[name] || [];
    return own.some(function (value) {
      return values.indexOf(value) !== -1 || (everyone[name] || []).indexOf(value) !== -1;
    });
  }

  /* Does a document pass every chosen group except `skip` (for counting that group)? */
  function passes(doc, state, skip) {
    return FACETS.every(function (name) {
      return name === skip || !state[name].length || hasAny(doc, name, state[name]);
    }) && FLAGS.every(function (name) {
      return name === skip || !state[name].length || doc[name] === true;
    });
  }

  function updateCounts(docs, state) {
    boxes.forEach(function (box) {
      var name = box.name;
      var n = docs.filter(function (doc) {
        if (!passes(doc, state, name)) {
          return false;
        }
        return FLAGS.indexOf(name) !== -1 ? doc[name] === true : hasAny(doc, name, [box.value]);
      }).length;
      box.parentNode.querySelector("[data-count]").textContent = "(" + n + ")";
      box.parentNode.hidden = !n && !box.checked; // a choice that would leave nothing
    });
    showGroups();
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
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  function remember(state) {
    var params = new URLSearchParams();
    if (input.value.trim()) {
      params.set("q", input.value.trim());
    }
    FACETS.concat(FLAGS).forEach(function (name) {
      state[name].forEach(function (value) {
        params.append(name, value);
      });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  /* -- showing results -------------------------------------------------------------------- */

  function element(tag, className, content, lang) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content) {
      node.textContent = content; // text only: nothing from the index is parsed as HTML
    }
    if (lang) {
      node.lang = lang;
    }
    return node;
  }

  function render(doc, types, today) {
    var item = element("li", "search-result search-result--" + doc.type);
    item.appendChild(element("p", "search-result__type", types[doc.type]));
    var heading = element("h2", "search-result__title");
    var link = element("a", null, doc.title, doc.title_lang);
    link.href = doc.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = [doc.organisation, doc.where].filter(Boolean).join(" · ");
    if (meta) {
      item.appendChild(element("p", "search-result__meta", meta));
    }
    var next = core.nextDate(doc, today);
    if (next) {
      item.appendChild(element("p", "search-result__next", message("next") + ": " + next));
    }
    if (doc.summary) {
      item.appendChild(element("p", "search-result__summary", doc.summary, doc.summary_lang));
    }
    var badges = FLAGS.filter(function (flag) {
      return doc[flag] === true;
    });
    if (badges.length) {
      var ul = element("ul", "badges");
      badges.forEach(function (flag) {
        ul.appendChild(element("li", null, message(flag.replace("_", "-"))));
      });
      item.appendChild(ul);
    }
    return item;
  }

  function showResults(data, focusFrom) {
    var today = core.todayIn(root.getAttribute("data-timezone"));
    var start = focusFrom || 0;
    if (!focusFrom) {
      list.textContent = "";
    }
    results.slice(start, shown).forEach(function (doc) {
      list.appendChild(render(doc, data.types, today));
    });
    moreWrap.hidden = results.length <= shown;
    if (focusFrom && list.children[focusFrom]) {
      list.children[focusFrom].querySelector("a").focus();
    }
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
    remember(state);
    activeNote.textContent = state.count ? "(" + state.count + ")" : "";
    if (!query && !state.count) {
      resetCounts();
      clear();
      list.removeAttribute("aria-busy");
      return;
    }
    if (!loaded) {
      status.textContent = message("loading");
    }
    core.load(config).then(function (data) {
      loaded = true;
      if (query !== input.value.trim()) {
        return; // a newer query is on its way (and will clear aria-busy)
      }
      var found = query ? core.search(data.index, query)
                        : { hits: data.documents.map(function (doc, i) {
                          return { ref: String(i) };
                        }), kind: "all" };
      var docs = found.hits.map(function (hit) {
        return data.documents[Number(hit.ref)];
      });
      updateCounts(docs, state);
      results = docs.filter(function (doc) {
        return passes(doc, state, null);
      });
      shown = PAGE;
      showResults(data);
      say(found.kind, query, docs.length, state);
      list.removeAttribute("aria-busy");
    }).catch(function () {
      clear();
      status.textContent = message("failed");
      list.removeAttribute("aria-busy");
    });
  }

  function later() {
    list.setAttribute("aria-busy", "true"); // until the results for what was typed are shown
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY);
  }

  /* -- wiring ----------------------------------------------------------------------------- */

  panel.hidden = false;
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
  root.querySelector("[data-search-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) {
      box.checked = false;
    });
    update();
  });
  more.addEventListener("click", function () {
    var from = shown;
    shown += PAGE;
    core.load(config).then(function (data) {
      showResults(data, from);
    });
  });

  restore();
  if (input.value.trim() || chosen().count) {
    update();
  }
})();
