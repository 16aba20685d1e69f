/* hyteguide "nearest first": sort the cards of a list page by distance from the visitor.
 *
 * The pages work without this script; the controls ([data-nearby]) are hidden in the HTML and
 * shown only where the browser has geolocation. The position is asked for only when the
 * visitor presses the button (that is the browser's permission prompt) and is used only here:
 * nothing is sent anywhere and nothing is loaded. Cards carry their place's coordinates in
 * data-lat and data-lon; cards without them go last, in their original order.
 *
 * On a paged list (data-paged-urls on the controls) the list's other pages are fetched when
 * the button is pressed and their cards sorted with this page's: the nearest of the whole
 * list come first. In the calendar (data-nearby-within) each day's list is sorted in itself.
 * The cards live in lists marked [data-nearby-cards]. Sorted, they are moved into
 * [data-nearby-list] (the same list on the activities page; on the places page a list of its
 * own in [data-nearby-sorted], and the groups [data-nearby-group] are hidden). "Restore" puts
 * every card back where it was.
 * Our own code only: no libraries, nothing loaded from the network.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-nearby]");
  if (!root || !("geolocation" in navigator) || window.isSecureContext === false) {
    return; // browsers give a position only to https: pages (and the local machine)
  }
  var EARTH_RADIUS_KM = 6371.0088;
  var sortButton = root.querySelector("[data-nearby-sort]");
  var restoreButton = root.querySelector("[data-nearby-restore]");
  var status = root.querySelector("[data-nearby-status]");
  var within = root.hasAttribute("data-nearby-within"); // the calendar: each list in itself
  var list = document.querySelector("[data-nearby-list]");
  var sortedBox = document.querySelector("[data-nearby-sorted]");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-nearby-group]"));
  var cards = []; // this page's cards (taken when first sorted) and their lists
  var homes = [];
  var fetched = []; // the cards of a paged list's other pages, once fetched
  var pages = (root.getAttribute("data-paged-urls") || "").split(" ").filter(Boolean);
  var current = Number(root.getAttribute("data-paged-current"));
  var lang = document.documentElement.lang || "fi";
  var busy = false;
  if (!sortButton || !restoreButton || !status || (!within && (!list ||
      !document.querySelector("[data-nearby-cards] > li")))) {
    return;
  }

  /* A paged list's other pages' cards (their links made absolute): all pages are sorted, not
     only this one. Nothing new is built for this: the pages are the list's own. */
  function fetchOthers() {
    if (!pages.length || fetched.length || !window.fetch || !window.DOMParser) {
      return Promise.resolve();
    }
    var others = pages.map(function (url) { return new URL(url, window.location.href).href; })
      .filter(function (url, index) { return index !== current - 1; });
    return Promise.all(others.map(function (url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": " + response.status);
        }
        return response.text();
      }).then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        return Array.prototype.map.call(page.querySelectorAll("[data-nearby-cards] > li"),
                                        function (item) {
                                          var node = document.importNode(item, true);
                                          Array.prototype.forEach.call(
                                            node.querySelectorAll("a[href]"), function (link) {
                                              link.setAttribute("href", new URL(
                                                link.getAttribute("href"), url).href);
                                            });
                                          return node;
                                        });
      });
    })).then(function (found) {
      fetched = [].concat.apply([], found);
    });
  }

  function message(name) {
    return root.getAttribute("data-msg-" + name) || "";
  }

  function say(text) {
    status.textContent = text;
  }

  /* -- distances --------------------------------------------------------------------------- */

  function radians(degrees) {
    return degrees * Math.PI / 180;
  }

  /* Great-circle distance in kilometres (haversine). */
  function distance(lat1, lon1, lat2, lon2) {
    var dLat = radians(lat2 - lat1);
    var dLon = radians(lon2 - lon1);
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  function coordinate(card, name) {
    var value = card.getAttribute("data-" + name);
    var number = value === null || value === "" ? NaN : Number(value);
    return isFinite(number) ? number : null;
  }

  /* "1,2 km" in Finnish and Swedish, "1.2 km" in English: one decimal under 10 km. */
  function kilometres(km) {
    var digits = km < 10 ? 1 : 0;
    try {
      return new Intl.NumberFormat(lang, {
        style: "unit", unit: "kilometer", unitDisplay: "short",
        minimumFractionDigits: digits, maximumFractionDigits: digits
      }).format(km);
    } catch (error) {
      try {
        return new Intl.NumberFormat(lang, {
          minimumFractionDigits: digits, maximumFractionDigits: digits
        }).format(km) + " km";
      } catch (ignored) {
        return km.toFixed(digits) + " km";
      }
    }
  }

  /* -- sorting and restoring --------------------------------------------------------------- */

  function clearDistances() {
    cards.concat(fetched).forEach(function (card) {
      var shown = card.querySelector("[data-nearby-distance]");
      if (shown) {
        shown.parentNode.removeChild(shown);
      }
      card.removeAttribute("data-distance");
    });
  }

  function showDistance(card, km) {
    var shown = document.createElement("p");
    shown.className = "card__distance";
    shown.setAttribute("data-nearby-distance", "");
    shown.textContent = message("distance").replace("{distance}", kilometres(km));
    var title = card.querySelector(".card__title, .occurrence__title");
    card.insertBefore(shown, title ? title.nextSibling : card.firstChild);
  }

  /* Each [km, index] pair ordered: nearest first, those without a place last, else as
     they were. */
  function nearestFirst(a, b) {
    if (a.km === null || b.km === null) {
      return a.km === b.km ? a.index - b.index : (a.km === null ? 1 : -1);
    }
    return a.km - b.km || a.index - b.index;
  }

  function measure(card, index, latitude, longitude) {
    var lat = coordinate(card, "lat");
    var lon = coordinate(card, "lon");
    return { card: card, index: index,
             km: lat === null || lon === null ? null : distance(latitude, longitude, lat, lon) };
  }

  /* The calendar: each day's list sorted in itself. An item keeps its place in the day's
     time order in data-nearby-order (to restore it); a drawn week's day is listed anew by
     calendar.js when the filter changes (in time order again), so its places are taken anew. */
  var last = null; // the position sorted by, while sorted
  function sortWithin(latitude, longitude, renumber) {
    var unplaced = 0;
    Array.prototype.forEach.call(document.querySelectorAll("[data-nearby-cards]"), function (day) {
      var items = Array.prototype.slice.call(day.children);
      items.forEach(function (item, index) {
        var shown = item.querySelector("[data-nearby-distance]");
        if (shown) {
          shown.parentNode.removeChild(shown);
        }
        if (renumber || !item.hasAttribute("data-nearby-order")) {
          item.setAttribute("data-nearby-order", String(index));
        }
      });
      items.map(function (item) {
        return measure(item, Number(item.getAttribute("data-nearby-order")), latitude, longitude);
      }).sort(nearestFirst).forEach(function (item) {
        if (item.km === null) {
          unplaced += item.card.hidden ? 0 : 1;
        } else {
          item.card.setAttribute("data-distance", item.km.toFixed(3));
          showDistance(item.card, item.km);
        }
        day.appendChild(item.card);
      });
    });
    last = [latitude, longitude];
    restoreButton.hidden = false;
    return unplaced;
  }

  function restoreWithin() {
    last = null;
    Array.prototype.forEach.call(document.querySelectorAll("[data-nearby-cards]"), function (day) {
      Array.prototype.slice.call(day.children).map(function (item, index) {
        var shown = item.querySelector("[data-nearby-distance]");
        if (shown) {
          shown.parentNode.removeChild(shown);
        }
        item.removeAttribute("data-distance");
        var order = item.getAttribute("data-nearby-order");
        return { card: item, km: order === null ? null : Number(order), index: index };
      }).sort(nearestFirst).forEach(function (item) {
        day.appendChild(item.card);
      });
    });
  }

  function sortBy(latitude, longitude) {
    if (within) {
      var missing = sortWithin(latitude, longitude, false);
      say(message("sorted") + (missing ? " " + message("unplaced") : ""));
      return;
    }
    clearDistances();
    if (!cards.length) {
      cards = Array.prototype.slice.call(document.querySelectorAll("[data-nearby-cards] > li"));
      homes = cards.map(function (card) { return card.parentNode; });
    }
    var unplaced = 0;
    var measured = cards.concat(fetched).map(function (card, index) {
      var item = measure(card, index, latitude, longitude);
      unplaced += item.km === null ? 1 : 0;
      return item;
    });
    measured.sort(nearestFirst).forEach(function (item) {
      if (item.km !== null) {
        item.card.setAttribute("data-distance", item.km.toFixed(3));
        showDistance(item.card, item.km);
      }
      list.appendChild(item.card);
    });
    if (sortedBox) {
      sortedBox.hidden = false;
      groups.forEach(function (group) { group.hidden = true; });
    }
    restoreButton.hidden = false;
    say(message("sorted") + (unplaced ? " " + message("unplaced") : ""));
  }

  function restore() {
    if (within) {
      restoreWithin();
      restoreButton.hidden = true;
      sortButton.focus();
      say(message("restored"));
      return;
    }
    clearDistances();
    cards.forEach(function (card, index) {
      homes[index].appendChild(card);
    });
    fetched.forEach(function (card) { // the other pages' cards leave with the order
      if (card.parentNode) {
        card.parentNode.removeChild(card);
      }
    });
    if (sortedBox) {
      sortedBox.hidden = true;
      groups.forEach(function (group) { group.hidden = false; });
    }
    restoreButton.hidden = true;
    sortButton.focus();
    say(message("restored"));
  }

  /* -- the position: asked for only when the button is pressed ----------------------------- */

  function failed(error) {
    busy = false;
    sortButton.removeAttribute("aria-busy");
    var codes = { 1: "denied", 2: "unavailable", 3: "timeout" };
    say(message((error && codes[error.code]) || "unavailable"));
  }

  function locate() {
    if (busy) {
      return;
    }
    busy = true;
    sortButton.setAttribute("aria-busy", "true");
    say(message("locating"));
    try {
      navigator.geolocation.getCurrentPosition(function (position) {
        fetchOthers().then(function () {
          busy = false;
          sortButton.removeAttribute("aria-busy");
          sortBy(position.coords.latitude, position.coords.longitude);
        }, function () {
          failed(null);
        });
      }, failed, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
    } catch (error) {
      failed(null);
    }
  }

  var calendar = document.querySelector("[data-calendar]");
  if (within && calendar) { // the filter changed: keep the days sorted (calendar.js)
    calendar.addEventListener("hyteguide:filter", function () {
      if (last) {
        sortWithin(last[0], last[1], calendar.hasAttribute("data-week-drawn"));
      }
    });
  }
  sortButton.addEventListener("click", locate);
  restoreButton.addEventListener("click", restore);
  root.hidden = false;
})();
