/* hyteguide paged lists: fetch a list's other pages into this page, when the visitor asks.
 *
 * A list longer than a page is split into pages (calendar/2026-12-01/, …/2/, …). The scripts
 * that filter and print a list (calendar.js, handout.js) see only the items on this page, and
 * say so. This script lets the visitor bring the whole list here: it fetches the other pages,
 * takes the items of their list and puts them, in order, before and after this page's items.
 * All of them or none: when a page cannot be fetched nothing is added, and the status says so.
 *
 * The list's root carries data-paged-urls (every page's address in order, relative to this
 * page) and data-paged-current (this page's number, from 1); the items are the children of
 * [data-paged-items]. The control [data-paged-load] (hidden in the HTML) has the button
 * [data-paged-all] and the status [data-paged-status].
 *
 *   var paged = window.hyteguidePaged(root, function () { ... });  // after the items are in
 *   paged.load(); paged.loaded();
 *
 * Links in the fetched items are made absolute (the other pages may sit at another depth).
 * Our own code only: nothing is loaded from anywhere but this site.
 */
(function () {
  "use strict";

  var PARALLEL = 4; // pages fetched at a time

  function absolute(node, base) {
    Array.prototype.forEach.call(node.querySelectorAll("a[href]"), function (link) {
      link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
    });
  }

  function itemsOf(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.text();
    }).then(function (text) {
      var list = new DOMParser().parseFromString(text, "text/html")
        .querySelector("[data-paged-items]");
      if (!list) {
        throw new Error(url + ": no list");
      }
      return Array.prototype.map.call(list.children, function (item) {
        var node = document.importNode(item, true);
        absolute(node, url);
        return node;
      });
    });
  }

  window.hyteguidePaged = function (root, done) {
    var control = root.querySelector("[data-paged-load]");
    var list = root.querySelector("[data-paged-items]");
    if (!control || !list || !window.fetch || !window.DOMParser || !window.URL) {
      return null;
    }
    var urls = (root.getAttribute("data-paged-urls") || "").split(" ").filter(Boolean)
      .map(function (url) { return new URL(url, window.location.href).href; });
    var current = Number(root.getAttribute("data-paged-current"));
    var button = control.querySelector("[data-paged-all]");
    var status = control.querySelector("[data-paged-status]");
    var label = button.textContent;
    var state = { busy: false, loaded: false };

    function message(name, count) {
      return (control.getAttribute("data-msg-" + name) || "").replace("{done}", String(count));
    }

    function insert(pages) {
      var first = list.firstChild; // this page's first item: earlier pages go before it
      pages.forEach(function (items, index) {
        items.forEach(function (item) {
          if (index + 1 < current) {
            list.insertBefore(item, first);
          } else {
            list.appendChild(item);
          }
        });
      });
      if (list.tagName === "OL") {
        list.removeAttribute("start"); // numbered from 1 again: the whole list is here
      }
      Array.prototype.forEach.call(root.querySelectorAll("nav.pagination, .heading-page"),
                                   function (element) {
                                     element.hidden = true; // "page 2/5" no more: all are here
                                   });
    }

    function load() {
      if (state.busy || state.loaded) {
        return;
      }
      state.busy = true;
      button.setAttribute("aria-disabled", "true");
      status.textContent = message("loading", 1);
      var pages = urls.map(function () { return null; });
      pages[current - 1] = [];
      var queue = urls.map(function (url, index) { return index; })
        .filter(function (index) { return index !== current - 1; });
      var count = 1;

      function next() {
        var index = queue.shift();
        if (index === undefined) {
          return Promise.resolve();
        }
        return itemsOf(urls[index]).then(function (items) {
          pages[index] = items;
          count += 1;
          button.textContent = message("loading", count);
          return next();
        });
      }

      var workers = [];
      for (var i = 0; i < PARALLEL; i += 1) {
        workers.push(next());
      }
      Promise.all(workers).then(function () {
        insert(pages);
        state.loaded = true;
        control.querySelector("p").hidden = true;
        status.textContent = message("loaded", count);
        done();
      }, function () {
        queue.length = 0;
        status.textContent = message("failed", count);
      }).then(function () {
        state.busy = false;
        button.textContent = label;
        button.removeAttribute("aria-disabled");
      });
    }

    button.addEventListener("click", load);
    control.hidden = false;
    return {
      load: load,
      loaded: function () { return state.loaded; }
    };
  };
}());
