/* hyteguide calendar pages: "Subscribe" follows the filter.
 *
 * Without this script the subscribe control (templates/partials/macros.html, `subscribe`) gives
 * the page's own feed: the region's or the municipality's. With it, when the filter
 * (assets/calendar.js, which tells each choice in a "hyteguide:filter" event) is one target
 * group and nothing else, and that group has a feed of its own here (data-choice-counts: the
 * municipality and the group, or on the region's calendar the group's), the link, the download,
 * the address to copy and the words before them give that feed; any other choice keeps the
 * page's feed and says so. Loaded before calendar.js, which tells the choices restored from the
 * address as soon as it starts. Text is set as text, never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-calendar]");
  var box = root && root.querySelector("[data-subscribe][data-choice-counts]");
  if (!box) {
    return;
  }
  var what = document.getElementById("subscribe-what");
  var link = box.querySelector("a.button");
  var file = box.querySelector("a[download]");
  var address = document.getElementById("subscribe-address");
  var own = [what.textContent, link.getAttribute("href"), file.getAttribute("href"),
             address.value]; // the page's own feed
  var counts = {};
  box.getAttribute("data-choice-counts").split(" ").forEach(function (pair) {
    var parts = pair.split("=");
    if (parts.length === 2) {
      counts[parts[0]] = Number(parts[1]);
    }
  });

  function message(name) {
    return box.getAttribute("data-msg-" + name) || "";
  }

  function label(id) { // the group's name as the filter shows it
    var boxes = root.querySelectorAll("input[name=audience]");
    for (var i = 0; i < boxes.length; i += 1) {
      if (boxes[i].value === id) {
        return boxes[i].getAttribute("data-label") || id;
      }
    }
    return id;
  }

  function pattern(name, id) {
    return box.getAttribute("data-choice-" + name).split("{id}").join(id);
  }

  function show(words, href, download, https) {
    if (what.textContent !== words) {
      what.textContent = words;
    }
    link.setAttribute("href", href);
    file.setAttribute("href", download);
    address.value = https;
  }

  /* The chosen group's id when the choices are that group alone and it has a feed here. */
  function chosenFeed(state) {
    if (state.count !== 1 || !state.audience || state.audience.length !== 1) {
      return null;
    }
    var id = state.audience[0];
    return Object.prototype.hasOwnProperty.call(counts, id) ? id : null;
  }

  root.addEventListener("hyteguide:filter", function (event) {
    var state = event.detail;
    var id = chosenFeed(state);
    if (id === null) {
      show(state.count ? message("no-match") + " " + own[0] : own[0], own[1], own[2], own[3]);
      return;
    }
    var n = counts[id];
    var count = message(n === 1 ? "count-one" : "count").split("{n}").join(String(n));
    // {count} first: a group's name is put in last, so nothing in it is taken for a slot.
    var words = message("choice").split("{count}").join(count).split("{label}").join(label(id));
    if (box.hasAttribute("data-msg-audience-only") && id !== box.getAttribute("data-everyone")) {
      words += " " + message("audience-only");
    }
    show(words, pattern("webcal", id), pattern("href", id), pattern("address", id));
  });
}());
