/* hyteguide: an activity's next dates as of the reader's day, not the build's.
 *
 * A page lists the next dates it knew of on the day it was built (data-built). Read on a later
 * day (the reader's today in the site's time zone, data-timezone), the dates already past are
 * hidden and a note says when the list was made; when none is left, another note says so.
 * Without this script, or where the browser cannot tell the day in that zone, every date shows.
 * Our own code only: no libraries, nothing loaded from anywhere but this site.
 */
(function () {
  "use strict";

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
      return null;
    }
  }

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
}());
