/* hyteguide: the reader's day in the site's time zone, for the scripts that show "today" and
 * hide what is past (calendar.js, upcoming.js, search.js, sitesearch.js; loaded before them).
 *
 * window.hyteguideTodayIn(zone) is the date ("2026-12-06") it is now in that IANA zone, or
 * null where the browser cannot tell (an unknown zone or an old browser): then the pages show
 * what they were built with. Our own code only.
 */
(function () {
  "use strict";

  window.hyteguideTodayIn = function (zone) {
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
  };
}());
