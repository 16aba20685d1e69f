/* hyteguide: "today" and "next" as of the reader's day, not the build's.
 *
 * A page is built on one day (data-built) and read on others (the reader's today in the site's
 * time zone, data-timezone). An activity page's data-built is the day its list of next dates
 * has been as it is since (the day after the last date held, or its last edit). Read later:
 *  - an activity page's next dates ([data-upcoming]) already past are hidden, with a note of
 *    when the list was made; when none is left, another note says so; its key facts show
 *    the next two not past ([data-upcoming-next]);
 *  - the home page ([data-home]) shows the reader's today and the six days after it from the
 *    days it has ready (the build day and the week after), with a note; a reader more than a
 *    week later is sent to the calendar.
 * Without this script, or where the browser cannot tell the day in that zone, the page shows
 * the build day, which it names.
 * Our own code only: no libraries, nothing loaded from anywhere but this site.
 */
(function () {
  "use strict";

  var todayIn = window.hyteguideTodayIn; // readerday.js, loaded before this script

  function each(root, selector, action) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), action);
  }

  function addDays(iso, days) { // an ISO date days later, counted in UTC (no clock changes)
    var moment = new Date(iso + "T00:00:00Z");
    moment.setUTCDate(moment.getUTCDate() + days);
    return moment.toISOString().slice(0, 10);
  }

  each(document, "[data-home]", function (section) {
    var today = todayIn(section.getAttribute("data-timezone"));
    if (!today || today <= section.getAttribute("data-built")) {
      return;
    }
    var found = false;
    each(section, "[data-home-day]", function (item) {
      item.hidden = item.getAttribute("data-home-day") !== today;
      found = found || !item.hidden;
    });
    section.querySelector(found ? "[data-home-built]" : "[data-home-beyond]").hidden = false;
    var last = addDays(today, 6);
    var shown = 0;
    each(document, "[data-home-week-day]", function (day) {
      var date = day.getAttribute("data-home-week-day");
      day.hidden = date <= today || date > last;
      shown += day.hidden ? 0 : 1;
    });
    each(document, "[data-home-week-until]", function (until) { until.hidden = true; });
    each(document, "[data-home-week-none]", function (none) { none.hidden = shown > 0 || !found; });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-upcoming]"), function (block) {
    var today = todayIn(block.getAttribute("data-timezone"));
    if (!today || today <= block.getAttribute("data-built")) {
      return;
    }
    var left = 0;
    var past = 0;
    Array.prototype.forEach.call(block.querySelectorAll("li[data-date]"), function (item) {
      if (item.getAttribute("data-date") < today) {
        item.hidden = true;
        past += 1;
      } else {
        left += 1;
      }
    });
    block.querySelector("[data-upcoming-built]").hidden = past === 0;
    block.querySelector("[data-upcoming-none]").hidden = left > 0;
  });

  /* An activity's key facts: its next two dates not yet past (the page lists a few more,
     hidden, for the days after the build). */
  Array.prototype.forEach.call(document.querySelectorAll("[data-upcoming-next]"), function (list) {
    var today = todayIn(list.getAttribute("data-timezone"));
    if (!today || today <= list.getAttribute("data-built")) {
      return;
    }
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll("li[data-date]"), function (item) {
      item.hidden = item.getAttribute("data-date") < today || shown >= 2;
      shown += item.hidden ? 0 : 1;
    });
  });
}());
