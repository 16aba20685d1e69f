/* hyteguide filters: which listed items a visitor's choices keep, for the calendar
 * (calendar.js), the handout (handout.js) and the search page (search.js).
 *
 * TABLE is hyteguide/derive/filters.py's definition, written in by the build (its
 * browser_table(), by hyteguide/web/assets.py): each filter's name (the URL parameter and the
 * checkboxes' name), the data attribute a listed item carries its values in, whether it is a yes/no filter (a
 * checkbox of value "1"), its letter in the calendar's week data, and whether an item for
 * everyone matches any of its choices, whether it is the age filter; and which filters each
 * page offers, in order.
 * The rule: within a filter any chosen value matches, across filters all must. The age filter
 * is a number field (<input type="number">): an item passes when its age range as written
 * ("7-12", "65-" and over, "-6" up to, "9") includes the age typed, or when it has no range
 * (for any age); an age that is not a whole number of years is no choice.
 * Works in browsers (window.hyteguideFilters) and in node (require, for tests). Our own code
 * only.
 */
(function (root, factory) {
  "use strict";
  var filters = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = filters;
  } else {
    root.hyteguideFilters = filters;
  }
})(typeof globalThis === "object" ? globalThis : this, function () {
  "use strict";

  var TABLE = /* the filter table, written here by the build (derive/filters.py) */ null;

  var byName = {};
  TABLE.filters.forEach(function (filter) {
    byName[filter.name] = filter;
  });

  /* The filters a page offers ("calendar", "handout", "search"), in order. */
  function of(place) {
    return TABLE.places[place].map(function (name) {
      return byName[name];
    });
  }

  var MAX_AGE = 150; // a typed age above this is a typing mistake: no choice

  /* Is a typed age (text) within a range as written ("7-12", "65-", "-6", "9")? */
  function inRange(range, age) {
    var ends = range.indexOf("-") === -1 ? [range, range] : range.split("-");
    return (!ends[0] || age >= Number(ends[0])) && (!ends[1] || age <= Number(ends[1]));
  }

  /* A typed age as the filter's value ("9"), or null when it is not a whole number of years. */
  function age(text) {
    var value = String(text).trim();
    return /^[0-9]{1,3}$/.test(value) && Number(value) <= MAX_AGE ? String(Number(value))
      : null;
  }

  /* Does an item pass one filter? values: its values of the filter (term ids, ["1"] for a
     yes, its age range as written); everyone: whether it is for everyone; wanted: the values
     chosen (the age typed, for the age filter). */
  function passesOne(filter, values, everyone, wanted) {
    if (!wanted.length || (everyone && filter.everyone)) {
      return true;
    }
    if (filter.age) { // an item without a range is for any age
      return !values.length || values.some(function (range) {
        return inRange(range, Number(wanted[0]));
      });
    }
    return wanted.some(function (value) {
      return values.indexOf(value) !== -1;
    });
  }

  /* Does an item pass every filter of a list? valuesOf(filter) gives its values of each. */
  function passes(filters, state, valuesOf, everyone) {
    return filters.every(function (filter) {
      return passesOne(filter, valuesOf(filter), everyone, state[filter.name] || []);
    });
  }

  /* An element's values of a filter, from its data attribute: the space-separated ids (or
     its age range), or a bare attribute for a yes. */
  function attributeValues(element, filter) {
    if (filter.yesNo) {
      return element.hasAttribute(filter.attribute) ? [TABLE.yes] : [];
    }
    return (element.getAttribute(filter.attribute) || "").split(" ").filter(Boolean);
  }

  /* Does a listed element (a calendar occurrence, a handout entry) pass the choices? */
  function elementPasses(filters, state, element) {
    return passes(filters, state, function (filter) {
      return attributeValues(element, filter);
    }, element.hasAttribute(TABLE.everyoneAttribute));
  }

  /* The choices of a form's checkboxes and age field: {count, labels (data-label of each
     chosen box, in order; the age field's with {n} the age), and per filter the values
     chosen}. */
  function chosen(filters, boxes) {
    var state = { count: 0, labels: [] };
    filters.forEach(function (filter) {
      state[filter.name] = [];
    });
    boxes.forEach(function (box) {
      var value = box.type === "number" ? age(box.value) : box.checked ? box.value : null;
      if (value !== null && state[box.name]) {
        state[box.name].push(value);
        state.labels.push((box.getAttribute("data-label") || "").replace("{n}", value));
        state.count += 1;
      }
    });
    return state;
  }

  /* Clear a form's choices: boxes unchecked, the age field emptied. */
  function clear(boxes) {
    boxes.forEach(function (box) {
      if (box.type === "number") {
        box.value = "";
      } else {
        box.checked = false;
      }
    });
  }

  /* The choices as URL parameters, in the filters' order, added to params (URLSearchParams). */
  function toParams(filters, state, params) {
    filters.forEach(function (filter) {
      (state[filter.name] || []).forEach(function (value) {
        params.append(filter.name, value);
      });
    });
    return params;
  }

  /* "?audience=…&free=1" for the choices, "" for none. */
  function query(filters, state) {
    var text = toParams(filters, state, new URLSearchParams()).toString();
    return text ? "?" + text : "";
  }

  /* Check the boxes the URL's query (search) names and fill the age field; whether any
     choice was restored. */
  function restore(boxes, search) {
    var params = new URLSearchParams(search);
    var any = false;
    boxes.forEach(function (box) {
      if (box.type === "number") {
        box.value = age(params.get(box.name) || "") || "";
        any = any || box.value !== "";
        return;
      }
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
      any = any || box.checked;
    });
    return any;
  }

  /* The attributes of a calendar occurrence drawn from its week data: the term filters'
     values (terms: in the calendar's order), the letters of its yeses and its age range as
     written (ages: undefined when it has none). */
  function weekAttributes(terms, letters, ages) {
    var attributes = {};
    of("calendar").filter(function (filter) {
      return !filter.yesNo && !filter.age;
    }).forEach(function (filter, index) {
      attributes[filter.attribute] = terms[index];
    });
    if (letters.indexOf(TABLE.everyoneLetter) >= 0) {
      attributes[TABLE.everyoneAttribute] = "";
    }
    of("calendar").forEach(function (filter) {
      if (filter.yesNo && letters.indexOf(filter.letter) >= 0) {
        attributes[filter.attribute] = "";
      }
      if (filter.age && ages) {
        attributes[filter.attribute] = ages;
      }
    });
    return attributes;
  }

  return {
    TABLE: TABLE, of: of, passesOne: passesOne, passes: passes, elementPasses: elementPasses,
    chosen: chosen, clear: clear, toParams: toParams, query: query, restore: restore,
    weekAttributes: weekAttributes, age: age
  };
});
