/* hyteguide language links: switching language keeps what the reader chose. The search,
 * calendar and handout pages keep their query and filters in the address (?q=…&theme=…):
 * the header's links to the same page in the other languages get this page's query string
 * when they are used (pointed at, focused, clicked), so the other language opens with the
 * same search and filters. Filter values are vocabulary ids, the same in every language; the
 * query text is carried as typed. Only the links' href is rewritten: without this script
 * they lead to the other language's page as they are. Our own code.
 */
(function () {
  "use strict";
  var nav = document.querySelector("nav.languages");
  if (!nav || !window.URL) {
    return;
  }

  function carry(link) {
    if (!link.hasAttribute("data-plain-href")) {
      link.setAttribute("data-plain-href", link.getAttribute("href"));
    }
    var target = new URL(link.getAttribute("data-plain-href"), window.location.href);
    target.search = window.location.search;
    link.setAttribute("href", target.href);
  }

  function update(event) {
    var link = event.target && event.target.closest ? event.target.closest("a[hreflang]") : null;
    if (link && nav.contains(link)) {
      carry(link);
    }
  }

  ["mouseover", "focusin", "mousedown", "touchstart", "click", "auxclick", "contextmenu"]
    .forEach(function (type) {
      nav.addEventListener(type, update, true);
    });
})();
