/* hyteguide calendar pages: hide days already past and filter the agenda.
 *
 * The pages work without this script. With it:
 *  1. days before the viewer's today (in the site's time zone, data-timezone) are hidden when
 *     the page is viewed later than it was built (data-built), with a visible note, and the
 *     date presets (today, this weekend, next week) point at the viewer's days;
 *  2. the filter form (hidden in the HTML) is revealed; its state lives in the URL query
 *     (?audience=…&age=9&theme=…&format=…&language=…&free=1&low_threshold=1), is restored on
 *     load and is carried over to the other calendar pages' links; each change is told to
 *     other scripts as a "hyteguide:filter" event on the root, its detail the choices
 *     (assets/subscribe.js);
 * "Nearest first" ([data-nearby]) is shown here and its script, nearby.js, loaded when first
 * asked for.
 * A day too long for one page is split into pages. There the filter covers this page's
 * occurrences only, and the status and the "none" notice say so, until the visitor fetches
 * the day's other pages here (assets/pagedlist.js); then it covers the whole day, and the
 * URL says so (&all=1, which fetches them again when the page is reloaded).
 * A later week (data-week-data) is drawn first from the week's data (hyteguide/pages/calendardata.py),
 * with the markup the HTML weeks have; then 1. and 2. work on it as on any week.
 * Which occurrences the choices keep is lib/filters.js's (loaded before this script), the
 * reader's day lib/dom.js's, and how a week's data becomes its days calendarweek.js's.
 * Our own code only: no libraries, nothing loaded from anywhere but this site; text is set
 * as text, never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-calendar]");
  var filters = window.hyteguideFilters; // lib/filters.js
  if (!root || !filters) {
    return;
  }

  var drawn = []; // [section, its items] of each day of a drawn week that has any
  var drawer = window.hyteguideWeekDrawer(root, filters, drawn); // calendarweek.js
  var PAGE = 100; // items of a drawn day on the page before "show all" (data.page_size)

  /* Put a drawn day's items that match on the page: a page-size of them, or all once asked;
     returns how many are on the page. */
  function show(day, items, matching, then) {
    var list = day.querySelector("ul");
    var more = day.querySelector("[data-day-more]");
    var all = day.hasAttribute("data-day-all");
    var count = all ? matching.length : Math.min(PAGE, matching.length);
    list.textContent = "";
    matching.slice(0, count).forEach(function (item) {
      item.hidden = false;
      list.appendChild(item);
    });
    more.hidden = count >= matching.length;
    more.textContent = (root.getAttribute("data-msg-day-more") || "{n}").replace(
      "{n}", String(matching.length));
    more.onclick = function () {
      day.setAttribute("data-day-all", "");
      then();
      var next = matching[count] && matching[count].querySelector("a");
      if (next) {
        next.focus();
      }
    };
    return count;
  }

  function draw(then) {
    var container = root.querySelector(".calendar-days");
    var wait = container.querySelector("[data-week-wait]");
    var loading = container.querySelector("[data-week-loading]");
    wait.hidden = true;
    loading.hidden = false;
    var request = new XMLHttpRequest();
    request.open("GET", root.getAttribute("data-week-data"));
    request.onload = function () {
      var data = null;
      try {
        data = request.status === 200 || request.status === 0 ? JSON.parse(request.responseText)
          : null;
      } catch (error) {
        data = null;
      }
      loading.hidden = true;
      if (!data || data.v !== 1) {
        container.querySelector("[data-week-failed]").hidden = false;
        return;
      }
      PAGE = data.page_size || PAGE;
      drawer(data)(container);
      root.setAttribute("data-week-drawn", "");
      then();
      var target = window.location.hash && document.getElementById(
        decodeURIComponent(window.location.hash.slice(1)));
      if (target) { // a link to a day (#day-…): its section exists only now
        target.scrollIntoView();
      }
    };
    request.onerror = function () {
      loading.hidden = true;
      container.querySelector("[data-week-failed]").hidden = false;
    };
    request.send();
  }

  if (root.hasAttribute("data-week-data")) {
    draw(start);
  } else {
    start();
  }
  nearby();

  /* "Nearest first" (nearby.js): shown where the browser can tell a position, its script
     loaded only when the button is first pressed; the press is then passed on to it. */
  function nearby() {
    var control = root.querySelector("[data-nearby][data-script]");
    if (!control || !("geolocation" in navigator) || window.isSecureContext === false ||
        !window.hyteguideLoadScript) { // sitesearch.js
      return;
    }
    var button = control.querySelector("[data-nearby-sort]");
    button.addEventListener("click", function first() {
      button.removeEventListener("click", first);
      window.hyteguideLoadScript(control.getAttribute("data-script")).then(function () {
        button.click();
      }, function () {
        button.addEventListener("click", first); // try again on the next press
      });
    });
    control.hidden = false;
  }

  function start() {
    var FILTERS = filters.of("calendar");
    var days = Array.prototype.slice.call(root.querySelectorAll("[data-day]"));
    var paged = null; // the day's other pages (pagedlist.js), on a page of a paged day
    var links = Array.prototype.slice.call(root.querySelectorAll("a[data-calendar-link]"));
    links.forEach(function (link) {
      link.setAttribute("data-href", link.getAttribute("href"));
    });

    /* -- 1. days already past ------------------------------------------------------------- */

    function hidePast(today) {
      if (!today || today <= root.getAttribute("data-built")) {
        return;
      }
      var left = 0;
      days.forEach(function (day) {
        if (day.getAttribute("data-date") < today) {
          day.setAttribute("data-past", "");
          day.hidden = true;
        } else {
          left += 1;
        }
      });
      var current = null;
      root.querySelectorAll("[data-week-last]").forEach(function (item) {
        var link = item.querySelector("a");
        if (item.getAttribute("data-week-last") < today) {
          if (!link.hasAttribute("aria-current")) {
            item.hidden = true;
          }
        } else if (!current) {
          current = link;
        }
      });
      var todayLink = null;
      root.querySelectorAll("[data-day-date]").forEach(function (item) {
        var link = item.querySelector("a");
        if (item.getAttribute("data-day-date") < today && !link.hasAttribute("aria-current")) {
          item.hidden = true;
        } else if (item.getAttribute("data-day-date") === today) {
          todayLink = link;
        }
      });
      current = todayLink || current;
      root.querySelectorAll("a[rel=prev]").forEach(function (link) {
        var week = root.querySelector(".week-list a[data-href='" + link.getAttribute("data-href") +
                                      "']");
        if (week && week.parentNode.hidden) {
          link.parentNode.hidden = true;
        }
      });
      movePresets(today);
      if (left === days.length) {
        return; // nothing on this page is past: no note needed
      }
      var note = root.querySelector("[data-stale]");
      note.hidden = false;
      if (left === 0) {
        note.querySelector("[data-stale-all]").hidden = false;
        var go = note.querySelector("[data-stale-link]");
        if (current) {
          go.setAttribute("data-href", current.getAttribute("data-href"));
          go.href = current.getAttribute("data-href");
          go.hidden = false;
        } else {
          note.querySelector("[data-stale-beyond]").hidden = false;
        }
      }
    }

    /* The date presets as of the reader's today, not the build's: today's and this weekend's
       day in the week that holds them, the week after it. Only where the presets point at day
       headings (#day-…): a week split into day pages keeps the build's links. */
    function movePresets(today) {
      var weeks = Array.prototype.slice.call(root.querySelectorAll("[data-week-last]"));
      var index = weeks.findIndex(function (item) {
        return item.getAttribute("data-week-last") >= today;
      });
      if (index < 0) {
        return; // beyond the calendar's last day: the note says so
      }
      var week = weeks[index].querySelector("a").getAttribute("data-href").split("#")[0];
      var weekday = new Date(today + "T00:00:00Z").getUTCDay(); // 0 Sunday … 6 Saturday
      var saturday = weekday === 0 || weekday === 6 ? today : addDays(today, 6 - weekday);
      var targets = { today: week + "#day-" + today, weekend: week + "#day-" + saturday,
                      next_week: weeks[index + 1] ?
                        weeks[index + 1].querySelector("a").getAttribute("data-href") : null };
      root.querySelectorAll("a[data-preset]").forEach(function (link) {
        var name = link.getAttribute("data-preset");
        if (targets[name] && link.getAttribute("data-href").indexOf("#day-") >= 0) {
          link.setAttribute("data-href", targets[name]);
        } else if (name === "next_week" && targets.next_week) {
          link.setAttribute("data-href", targets.next_week);
        }
        link.href = link.getAttribute("data-href");
      });
    }

    function addDays(iso, days) { // counted in UTC: no clock changes
      var moment = new Date(iso + "T00:00:00Z");
      moment.setUTCDate(moment.getUTCDate() + days);
      return moment.toISOString().slice(0, 10);
    }

    /* -- 2. filters ------------------------------------------------------------------------- */

    var form = root.querySelector("[data-calendar-filter]");
    var status = root.querySelector("[data-calendar-status]");
    var none = root.querySelector("[data-filter-none]");
    var active = root.querySelector("[data-filter-active]");
    var boxes = form ? Array.prototype.slice.call(form.querySelectorAll(
      "input[type=checkbox], input[type=number]")) : [];

    function chosen() {
      return filters.chosen(FILTERS, boxes);
    }

    function matches(item, state) {
      return filters.elementPasses(FILTERS, state, item);
    }

    function partial() {
      return root.hasAttribute("data-paged-urls") && !(paged && paged.loaded());
    }

    function message(count) {
      var key = partial() ? "data-msg-shown-page"
        : count === 1 ? "data-msg-shown-one" : "data-msg-shown";
      return (root.getAttribute(key) || "").replace("{n}", String(count));
    }

    function apply(updateUrl) {
      var state = chosen();
      var shown = 0;
      var narrowed = state.count > 0;
      days.forEach(function (day) {
        if (day.hasAttribute("data-past")) {
          return;
        }
        var count = 0;
        var items = drawn.filter(function (pair) { return pair[0] === day; })[0];
        if (items) { // a drawn day: only its matching items are on the page
          var matching = items[1].filter(function (item) { return matches(item, state); });
          count = show(day, items[1], matching, function () { apply(false); });
          day.hidden = narrowed && matching.length === 0;
          shown += count;
          return;
        }
        day.querySelectorAll("[data-activity]").forEach(function (item) {
          var ok = matches(item, state);
          item.hidden = !ok;
          count += ok ? 1 : 0;
        });
        day.hidden = narrowed && count === 0;
        shown += count;
      });
      none.hidden = !(narrowed && shown === 0);
      var words = none.getAttribute(partial() ? "data-msg-page" : "data-msg-all");
      if (words && none.textContent !== words) {
        none.textContent = words;
      }
      active.textContent = narrowed ? "(" + state.count + ")" : "";
      if (status.textContent !== message(shown)) {
        status.textContent = message(shown);
      }
      root.dispatchEvent(new CustomEvent("hyteguide:filter", { detail: state }));
      var search = filters.query(FILTERS, state);
      links.forEach(function (link) { // the query before a link's #day-… (date presets)
        var href = link.getAttribute("data-href");
        var hash = href.indexOf("#");
        link.setAttribute("href", hash < 0 ? href + search
          : href.slice(0, hash) + search + href.slice(hash));
      });
      if (updateUrl && window.history && window.history.replaceState) {
        var all = paged && paged.loaded() ? (search ? "&" : "?") + "all=1" : "";
        window.history.replaceState(null, "", window.location.pathname + search + all +
                                    window.location.hash);
      }
    }

    function restore() {
      if (filters.restore(boxes, window.location.search)) {
        form.querySelector("details").open = true;
      }
    }

    hidePast(window.hyteguideTodayIn(root.getAttribute("data-timezone"))); // readerday.js
    if (form && window.hyteguidePaged) {
      paged = window.hyteguidePaged(root, function () { apply(true); });
    }
    if (form) {
      restore();
      form.hidden = false;
      form.addEventListener("change", function () { apply(true); });
      form.addEventListener("input", function () { apply(true); }); // an age, as it is typed
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.querySelector("[data-filter-clear]").addEventListener("click", function () {
        filters.clear(boxes);
        apply(true);
      });
      apply(false);
      if (paged && new URLSearchParams(window.location.search).get("all") === "1") {
        paged.load();
      }
    } else if (drawn.length) {
      apply(false); // puts a drawn week's items on the page
    }
  }
}());
