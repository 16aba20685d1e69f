/* hyteguide header search box: the first results as you type, on every page.
 *
 * The box is a plain GET form to the search page, which works without this script. With it,
 * typing (two letters or more, debounced) loads the search (searchtext.js and searchcore.js,
 * then lunr and this language's search manifest, all from this site: nothing before the first
 * letter; searchcore.js fetches the parts of the index the query needs and the documents
 * shown) and shows the best five results under the box, each a link, with a link to all
 * results on the search page. The count is announced (role=status); Down arrow moves from the
 * box into the results, Up and Down move between them, Escape closes them and returns to the
 * box.
 * It also holds the site's one script loader (window.hyteguideLoadScript), which searchcore.js
 * uses too: so the search page, which has no box, loads this file as well.
 * Results are made with textContent only. Our own code only.
 */
(function () {
  "use strict";

  /* Adds a script of this site to the page; resolves once it has run. Scripts added one after
     another run in that order (async off). The one copy: searchcore.js loads lunr with it,
     which is why base.html loads this file on every page, the search page too. */
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
  window.hyteguideLoadScript = loadScript;

  var form = document.querySelector("[data-site-search]");
  if (!form || !window.fetch || !window.Promise || !window.URL) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = form.parentNode.querySelector("[data-site-search-status]");
  var panel = form.parentNode.querySelector("[data-site-search-results]");
  var SHOWN = 5;
  var DELAY = 200;
  var timer = null;
  var ready = null;

  function attr(name) {
    return form.getAttribute("data-" + name) || "";
  }

  function message(name, values) {
    var found = attr("msg-" + name);
    Object.keys(values || {}).forEach(function (key) {
      found = found.split("{" + key + "}").join(String(values[key]));
    });
    return found;
  }

  /* searchtext.js and searchcore.js, the first time only. */
  function core() {
    if (!ready) {
      ready = attr("core").split(" ").filter(Boolean).reduce(function (chain, src) {
        return chain.then(function () {
          return loadScript(src);
        });
      }, Promise.resolve()).then(function () {
        return window.hyteguideSearch;
      });
      ready.catch(function () {
        ready = null;
      });
    }
    return ready;
  }

  /* Links in the documents are relative to the search page. */
  var searchPage = new URL(form.getAttribute("action"), document.baseURI);

  function element(tag, className, content, lang) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content) {
      node.textContent = content;
    }
    if (lang) {
      node.lang = lang;
    }
    return node;
  }

  function close() {
    panel.hidden = true;
    panel.textContent = "";
  }

  function show(search, searcher, found, docs, query) {
    var today = window.hyteguideTodayIn(attr("timezone")); // readerday.js, in data-core
    var n = found.hits.length;
    status.textContent = n ? message(n === 1 ? "count-one" : "count", { n: n })
                           : message("none", { q: query });
    panel.textContent = "";
    if (!n) {
      panel.hidden = true;
      return;
    }
    var list = element("ul", "site-search__list");
    docs.forEach(function (doc) {
      var item = element("li", "site-search__result");
      var link = element("a", null, doc.title, doc.title_lang);
      link.href = new URL(doc.url, searchPage).href;
      item.appendChild(link);
      var next = search.nextDate(doc, today);
      var meta = [searcher.types[doc.type], doc.organisation || doc.where, next]
        .filter(Boolean).join(" · ");
      item.appendChild(element("span", "site-search__meta", meta));
      list.appendChild(item);
    });
    panel.appendChild(list);
    var all = element("a", "site-search__all", message("all", { n: n }));
    all.href = searchPage.pathname + "?" + new URLSearchParams({ q: query }).toString();
    panel.appendChild(element("p")).appendChild(all);
    panel.hidden = false;
  }

  function update() {
    var query = input.value.trim();
    if (query.length < 2) {
      close();
      status.textContent = "";
      return;
    }
    core().then(function (search) {
      return search.load({ scripts: attr("scripts").split(" ").filter(Boolean),
                           manifest: attr("manifest") })
        .then(function (searcher) {
          return searcher.find(query).then(function (matched) {
            var found = searcher.group(matched); // same-named organisation, activity: once
            var refs = found.hits.slice(0, SHOWN).map(function (hit) {
              return hit.ref;
            });
            return searcher.documents(refs).then(function (docs) {
              if (query === input.value.trim()) {
                show(search, searcher, found, docs, query);
              }
            });
          });
        });
    }).catch(function () {
      close();
      status.textContent = message("failed");
    });
  }

  function links() {
    return Array.prototype.slice.call(panel.querySelectorAll("a"));
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY);
  });
  form.parentNode.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape" && !panel.hidden) {
      close();
      input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && all.length && (document.activeElement === input ||
                                                           at !== -1)) {
      all[Math.min(at + 1, all.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at !== -1) {
      (at === 0 ? input : all[at - 1]).focus();
      event.preventDefault();
    }
  });
  form.parentNode.addEventListener("focusout", function () {
    window.setTimeout(function () {
      if (!form.parentNode.contains(document.activeElement)) {
        close();
      }
    }, 0);
  });
})();
