/* hyteguide calendar: a later week drawn from its data (hyteguide/pages/calendardata.py), with
 * the markup the HTML weeks have, for calendar.js (which filters it like any week).
 * window.hyteguideWeekDrawer(root, filters, drawn) gives drawer(data), and
 * drawer(data)(container) puts the week's days into container, each day that has items also
 * into drawn as [its section, its items] (calendar.js puts the matching ones on the page).
 * Text is set as text, never as HTML.
 */
(function () {
  "use strict";

  var BADGES = ["f", "l", "r"]; // free, low threshold, registration needed (calendardata.py)

  window.hyteguideWeekDrawer = function (root, filters, drawn) {
    function element(name, attributes, children) {
      var made = document.createElement(name);
      Object.keys(attributes || {}).forEach(function (key) {
        made.setAttribute(key, attributes[key]);
      });
      (children || []).forEach(function (child) {
        made.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      });
      return made;
    }

    function drawer(data) {
      var lang = root.getAttribute("data-lang");
      var first = data.languages[0];
      var home = root.getAttribute("data-root"); // the home page in the page's language

      function pick(value) { // [text, the language it is written in], as model.Text.get
        if (typeof value === "string") {
          return [value, first];
        }
        var found = value[0];
        for (var i = 0; i < value.length; i += 1) {
          if (value[i][0] === lang) {
            found = value[i];
          }
        }
        return [found[1], found[0]];
      }

      function text(value) { // a text node, in a span with its language when not the page's
        var found = pick(value);
        if (found[0] === undefined || found[1] === lang) {
          return document.createTextNode(found[0] || "");
        }
        return element("span", { lang: found[1] }, [found[0]]);
      }

      function where(activity, at) { // at: [place name, municipality] of the rule's place
        var parts = [];
        var labels = activity[4].map(function (id) { return data.municipalities[id]; });
        if (at) {
          parts.push(text(at[0]), ", ", text(data.municipalities[at[1]]));
          if (activity[5]) {
            parts.push("; " + root.getAttribute("data-msg-online"));
          }
        } else if (activity[3] !== null) {
          parts.push(text(activity[3]), ", ", text(labels[0]));
          if (activity[5]) {
            parts.push("; " + root.getAttribute("data-msg-online"));
          }
        } else if (activity[5]) {
          parts.push(root.getAttribute("data-msg-online"));
        } else {
          labels.forEach(function (label, index) {
            parts.push(index ? ", " : "", text(label));
          });
        }
        return parts;
      }

      function occurrence(day, row) {
        var activity = data.activities[row[0]];
        var time = row[1] === null ? null : data.times[row[1]];
        var attributes = { "class": "occurrence" + (row[2] ? " occurrence--cancelled" : ""),
                           "data-activity": activity[0], "data-date": day };
        if (time) {
          attributes["data-start"] = time[0];
          if (time[1] !== null) {
            attributes["data-end"] = time[1];
          }
        }
        if (row[2]) {
          attributes["data-cancelled"] = "";
        }
        var values = filters.weekAttributes(activity.slice(6, 10), activity[10], activity[11]);
        Object.keys(values).forEach(function (key) {
          attributes[key] = values[key];
        });
        var at = row.length > 5 ? row[5] : null;
        var point = at ? at.slice(2) : data.coordinates ? data.coordinates[row[0]] : null;
        if (point && point.length === 2) { // for "nearest first" (nearby.js)
          attributes["data-lat"] = String(point[0]);
          attributes["data-lon"] = String(point[1]);
        }
        var span = row.length > 4 ? row[4] : null; // a time of several days, in words
        var when = element("p", { "class": "occurrence__when" }, [element(
          "span", { "class": "occurrence__time" + (span ? " occurrence__time--span"
                                                   : time ? "" : " occurrence__time--none") },
          [span ? text(span) : time ? pick(time[2])[0] : root.getAttribute("data-msg-no-time")])]);
        if (row[2]) {
          when.appendChild(document.createTextNode(" "));
          when.appendChild(element("strong", { "class": "flag" },
                                   [root.getAttribute("data-msg-cancelled")]));
        }
        var href = home + "activities/" + activity[0] + "/";
        var item = element("li", attributes, [
          when,
          element("p", { "class": "occurrence__title" },
                  [element("a", { href: href }, [text(activity[1])])]),
          element("p", { "class": "occurrence__meta" }, [
            text(activity[2]), " ", element("span", { "aria-hidden": "true" }, ["·"]), " "
          ].concat(where(activity, row.length > 5 ? row[5] : null)))
        ]);
        if (row[3] !== null) {
          item.appendChild(element("p", { "class": "occurrence__note" }, [text(row[3])]));
        }
        var badges = BADGES.filter(function (badge) {
          return activity[10].indexOf(badge) >= 0;
        }).map(function (badge) {
          return element("li", {}, [root.getAttribute("data-msg-badge-" + badge)]);
        });
        if (badges.length) { // as the HTML weeks' macros.occurrence_badges
          item.appendChild(element("ul", { "class": "badges occurrence__badges" }, badges));
        }
        return item;
      }

      return function (container) {
        var anchor = container.querySelector("[data-filter-none]");
        data.days.forEach(function (day) {
          var heading = element("h2", { "class": "day-heading", id: "day-" + day[0] }, [
            element("time", { datetime: day[0] }, [pick(day[1])[0]])]);
          var section = element("section", { "class": "calendar-day", "data-day": "",
                                             "data-date": day[0] }, [heading]);
          if (day[2].length) {
            // A day's items are made at once but put on the page a page-size at a time
            // (show(), from 2.): a region's day may have a thousand.
            drawn.push([section, day[2].map(function (row) { return occurrence(day[0], row); })]);
            section.appendChild(element("ul", { "class": "occurrences occurrences--timeline",
                                               "data-nearby-cards": "" }));
            var more = element("button", { type: "button", "class": "button button--secondary",
                                           "data-day-more": "" });
            more.hidden = true;
            section.appendChild(element("p", { "class": "day-more" }, [more]));
          } else {
            section.appendChild(element("p", { "class": "calendar-day__none" },
                                        [root.getAttribute("data-msg-day-none")]));
          }
          container.insertBefore(section, anchor);
        });
      };
    }

    return drawer;
  };
})();
