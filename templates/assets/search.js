/* hyteguide search page: results as you type, with filters, from a prebuilt lunr index.
 *
 * Nothing is fetched until the visitor starts to search (types, or opens a link with ?q= or
 * filters): then lunr.js and lunr-languages (copied from npm by the build), the index and the
 * documents of this language are loaded from this site, never from elsewhere.
 *
 * A query never goes through lunr's query parser, which throws on input such as "klo 10:30",
 * "title:" or "a~": the words are made into terms by searchtext.js (the same processing the
 * build used) and given to lunr's query builder. Matching, in order:
 *  1. every word matches (its term exactly, or a word starting with it: results as you type);
 *  2. if none: any word matches (a notice says not all words were found together);
 *  3. if none: close matches by edit distance (a notice says so): "kesleiri" finds Kesäleiri.
 * Filters: within a group any choice matches (an audience meaning everyone matches any),
 * across groups all must. The query and filters live in the URL (?q=…&municipality=…&free=1),
 * so a link can be shared; they are restored on load. Our own code only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-search]");
  if (!root || !window.fetch || !window.Promise) {
    return; // the browse links on the page remain
  }
  var text = window.hyteguideSearchText;
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
  var loading = null; // a Promise of {index, documents, types} once the search has started
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

  /* -- loading, on the first search only ------------------------------------------------- */

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(script);
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }

  function load() {
    if (loading) {
      return loading;
    }
    var scripts = (root.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    var libraries = scripts.reduce(function (chain, src) {
      return chain.then(function () {
        return loadScript(src);
      });
    }, Promise.resolve());
    loading = Promise.all([libraries, fetchJson(root.getAttribute("data-index")),
                           fetchJson(root.getAttribute("data-documents"))])
      .then(function (parts) {
        var data = parts[1];
        text.registerLanguage(window.lunr, data.lang, data.stopwords);
        return { index: window.lunr.Index.load(data.index), documents: parts[2].documents,
                 types: parts[2].types };
      });
    loading.catch(function () {
      loading = null; // try again on the next search
    });
    return loading;
  }

  /* -- the query -------------------------------------------------------------------------- */

  /* The ways a word of the query may match an index term, best first. Snowball stems are
     not always the same for a word's forms (liikunta → liikun, liikuntaa → liikunt; huset
     stays huset), and Finnish builds compounds (vertaistuki → vertaistukiryhmä), so besides
     its term a word matches terms starting with it, its term shortened by one or two
     letters, and the first part of a compound the index does not know; the word being typed
     also matches terms starting with what is typed so far. */
  function clauses(index, token, term, last) {
    var found = [];
    if (term) {
      found.push({ term: term, boost: 10 });
      var part = firstPart(index, term);
      if (part) {
        found.push({ term: part, boost: 2 });
      }
      if (term.length >= 4) {
        found.push({ term: term, boost: 2, prefix: true });
      }
      if (!/\d/.test(term)) {
        for (var cut = 1; cut <= 2 && term.length - cut >= 3; cut += 1) {
          found.push({ term: term.slice(0, term.length - cut), boost: 3 });
        }
      }
    }
    var typed = text.fold(token);
    if (last && typed.length >= 2 && typed !== term) {
      found.push({ term: typed, boost: 1, prefix: true });
    }
    return found;
  }

  /* A compound the index does not know (kävelyryhmä) by its longest known first part
     (kävely), leaving at least three letters for the rest. */
  function firstPart(index, term) {
    if (index.invertedIndex[term] || /\d/.test(term)) {
      return null;
    }
    for (var end = term.length - 3; end >= 4; end -= 1) {
      if (index.invertedIndex[term.slice(0, end)]) {
        return term.slice(0, end);
      }
    }
    return null;
  }

  /* The words of the query that can match: stop words only while still being typed. */
  function words(index, query) {
    var tokens = text.tokenize(query);
    var terms = text.terms(index, query);
    var typing = !/\s$/.test(query);
    return tokens.map(function (token, i) {
      var last = typing && i === tokens.length - 1;
      return { term: terms[i], prefix: text.fold(token), ways: clauses(index, token, terms[i], last) };
    }).filter(function (word) {
      return word.ways.length;
    });
  }

  function run(index, build) {
    try {
      return index.query(build);
    } catch (error) {
      return []; // lunr's own limits (e.g. a huge fuzzy expansion) must never break the page
    }
  }

  function exactOrPrefix(index, found) {
    var TRAILING = window.lunr.Query.wildcard.TRAILING;
    return run(index, function (q) {
      found.forEach(function (word) {
        word.ways.forEach(function (way) {
          var options = { usePipeline: false, boost: way.boost };
          if (way.prefix) {
            options.wildcard = TRAILING;
          }
          q.term(way.term, options);
        });
      });
    });
  }

  function matchesWord(terms, word) {
    return terms.some(function (term) {
      return word.ways.some(function (way) {
        return way.prefix ? term.indexOf(way.term) === 0 : term === way.term;
      });
    });
  }

  function fuzzy(index, found) {
    return run(index, function (q) {
      found.forEach(function (word) {
        var term = word.term || word.prefix;
        if (term.length >= 3) {
          q.term(term, { usePipeline: false, editDistance: term.length >= 7 ? 2 : 1 });
        }
      });
    });
  }

  function byScore(a, b) {
    return b.score - a.score || Number(a.ref) - Number(b.ref);
  }

  /* Matching documents as [{ref, score}], and which kind of match they are. */
  function search(index, query) {
    var found = words(index, query);
    if (!found.length) {
      return { hits: [], kind: "none" };
    }
    var any = exactOrPrefix(index, found);
    var all = any.filter(function (hit) {
      var terms = Object.keys(hit.matchData.metadata);
      return found.every(function (word) {
        return matchesWord(terms, word);
      });
    });
    if (all.length) {
      return { hits: all.sort(byScore), kind: "all" };
    }
    if (any.length) {
      return { hits: any.sort(byScore), kind: "some" };
    }
    return { hits: fuzzy(index, found).sort(byScore), kind: "fuzzy" };
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

  function todayIn(zone) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-GB", {
        timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
      }).formatToParts(new Date()).forEach(function (part) {
        parts[part.type] = part.value;
      });
      return parts.year + "-" + parts.month + "-" + parts.day;
    } catch (error) {
      return "";
    }
  }

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

  function nextDate(doc, today) {
    var upcoming = (doc.next || []).filter(function (pair) {
      return pair[0] >= today;
    });
    return upcoming.length ? upcoming[0][1] : null;
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
    var next = nextDate(doc, today);
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
    var today = todayIn(root.getAttribute("data-timezone"));
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
    load().then(function (data) {
      loaded = true;
      if (query !== input.value.trim()) {
        return; // a newer query is on its way (and will clear aria-busy)
      }
      var found = query ? search(data.index, query)
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
    load().then(function (data) {
      showResults(data, from);
    });
  });

  restore();
  if (input.value.trim() || chosen().count) {
    update();
  }
})();
