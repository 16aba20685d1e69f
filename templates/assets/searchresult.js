/* hyteguide search page: one result as elements, for search.js. Made with textContent only:
 * nothing from the index is parsed as HTML. Our own code (window.hyteguideSearchResult).
 */
(function () {
  "use strict";

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

  /* A result's list item. options: types (type → its name), today (the reader's day, or
     null), message (name → the page's text), flags (the yes/no filters shown as badges),
     nextDate (searchcore's). */
  function render(doc, options) {
    var message = options.message;
    var item = element("li", "search-result search-result--" + doc.type);
    item.appendChild(element("p", "search-result__type", options.types[doc.type]));
    var heading = element("h2", "search-result__title");
    var link = element("a", null, doc.title, doc.title_lang);
    link.href = doc.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = [doc.organisation, doc.where].filter(Boolean).join(" · ");
    if (meta) {
      item.appendChild(element("p", "search-result__meta", meta));
    }
    var next = options.nextDate(doc, options.today);
    if (next) {
      item.appendChild(element("p", "search-result__next", message("next") + ": " + next));
    }
    if (doc.summary) {
      item.appendChild(element("p", "search-result__summary", doc.summary, doc.summary_lang));
    }
    var badges = options.flags.filter(function (flag) {
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

  /* The near-identical results shown under one (searchcore's group: its organisation's
     same-named activity and place), each a link with its type. */
  function sublines(docs, types) {
    var ul = element("ul", "search-result__also");
    docs.forEach(function (doc) {
      var li = element("li", null, types[doc.type] + ": ");
      var link = element("a", null, doc.title, doc.title_lang);
      link.href = doc.url;
      li.appendChild(link);
      ul.appendChild(li);
    });
    return ul;
  }

  window.hyteguideSearchResult = { element: element, render: render, sublines: sublines };
})();
