/* hyteguide search core: loading the search files and matching a query; shared by the search
 * page (search.js) and the header's search box (sitesearch.js). Our own code only.
 *
 * load(config) fetches, the first time only, lunr.js and lunr-languages (copied by the build
 * from npm) and this language's index and documents, all from this site.
 *
 * A query never goes through lunr's query parser, which throws on input such as "klo 10:30",
 * "title:" or "a~": the words are made into terms by searchtext.js (the same processing the
 * build used) and given to lunr's query builder. Matching, in order:
 *  1. every word matches (see clauses: its term, terms starting with it, …);
 *  2. if none: any word matches (kind "some");
 *  3. if none: close matches by edit distance (kind "fuzzy"): "kesleiri" finds Kesäleiri.
 */
(function (root) {
  "use strict";

  function text() {
    return root.hyteguideSearchText; // loaded before the first search, not necessarily before this
  }
  var loading = {}; // index URL → Promise of {index, documents, types}

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(script);
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }

  /* config: {scripts: [URLs of lunr.js and lunr-languages, in order], index, documents}. */
  function load(config) {
    if (loading[config.index]) {
      return loading[config.index];
    }
    var scripts = config.scripts;
    var libraries = scripts.reduce(function (chain, src) {
      return chain.then(function () {
        return loadScript(src);
      });
    }, Promise.resolve());
    var found = Promise.all([libraries, fetchJson(config.index), fetchJson(config.documents)])
      .then(function (parts) {
        var data = parts[1];
        text().registerLanguage(root.lunr, data.lang, data.stopwords);
        return { index: root.lunr.Index.load(data.index), documents: parts[2].documents,
                 types: parts[2].types };
      });
    found.catch(function () {
      delete loading[config.index]; // try again on the next search
    });
    loading[config.index] = found;
    return found;
  }

  /* The ways a word of the query may match an index term, best first. Snowball stems are
     not always the same for a word's forms (liikunta → liikun, liikuntaa → liikunt; huset
     stays huset), and Finnish builds compounds (vertaistuki → vertaistukiryhmä), so besides
     its term a word matches terms starting with it, its term shortened by one or two
     letters, and the first part of a compound the index does not know; the word being typed
     also matches terms starting with what is typed so far. */
  function clauses(index, token, term, last) {
    var found = [];
    if (term) {
      found.push({ term: term, boost: 10 });
      var part = firstPart(index, term);
      if (part) {
        found.push({ term: part, boost: 2 });
      }
      if (term.length >= 4) {
        found.push({ term: term, boost: 2, prefix: true });
      }
      if (!/\d/.test(term)) {
        for (var cut = 1; cut <= 2 && term.length - cut >= 3; cut += 1) {
          found.push({ term: term.slice(0, term.length - cut), boost: 3 });
        }
      }
    }
    var typed = text().fold(token);
    if (last && typed.length >= 2 && typed !== term) {
      found.push({ term: typed, boost: 1, prefix: true });
    }
    return found;
  }

  /* A compound the index does not know (kävelyryhmä) by its longest known first part
     (kävely), leaving at least three letters for the rest. */
  function firstPart(index, term) {
    if (index.invertedIndex[term] || /\d/.test(term)) {
      return null;
    }
    for (var end = term.length - 3; end >= 4; end -= 1) {
      if (index.invertedIndex[term.slice(0, end)]) {
        return term.slice(0, end);
      }
    }
    return null;
  }

  /* The words of the query that can match: stop words only while still being typed. */
  function words(index, query) {
    var tokens = text().tokenize(query);
    var terms = text().terms(index, query);
    var typing = !/\s$/.test(query);
    return tokens.map(function (token, i) {
      var last = typing && i === tokens.length - 1;
      return { term: terms[i], prefix: text().fold(token),
               ways: clauses(index, token, terms[i], last) };
    }).filter(function (word) {
      return word.ways.length;
    });
  }

  function run(index, build) {
    try {
      return index.query(build);
    } catch (error) {
      return []; // lunr's own limits (e.g. a huge fuzzy expansion) must never break the page
    }
  }

  function exactOrPrefix(index, found) {
    var TRAILING = root.lunr.Query.wildcard.TRAILING;
    return run(index, function (q) {
      found.forEach(function (word) {
        word.ways.forEach(function (way) {
          var options = { usePipeline: false, boost: way.boost };
          if (way.prefix) {
            options.wildcard = TRAILING;
          }
          q.term(way.term, options);
        });
      });
    });
  }

  function matchesWord(terms, word) {
    return terms.some(function (term) {
      return word.ways.some(function (way) {
        return way.prefix ? term.indexOf(way.term) === 0 : term === way.term;
      });
    });
  }

  function fuzzy(index, found) {
    return run(index, function (q) {
      found.forEach(function (word) {
        var term = word.term || word.prefix;
        if (term.length >= 3) {
          q.term(term, { usePipeline: false, editDistance: term.length >= 7 ? 2 : 1 });
        }
      });
    });
  }

  function byScore(a, b) {
    return b.score - a.score || Number(a.ref) - Number(b.ref);
  }

  /* Matching documents as [{ref, score}], and which kind of match they are. */
  function search(index, query) {
    var found = words(index, query);
    if (!found.length) {
      return { hits: [], kind: "none" };
    }
    var any = exactOrPrefix(index, found);
    var all = any.filter(function (hit) {
      var terms = Object.keys(hit.matchData.metadata);
      return found.every(function (word) {
        return matchesWord(terms, word);
      });
    });
    if (all.length) {
      return { hits: all.sort(byScore), kind: "all" };
    }
    if (any.length) {
      return { hits: any.sort(byScore), kind: "some" };
    }
    return { hits: fuzzy(index, found).sort(byScore), kind: "fuzzy" };
  }

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
      return "";
    }
  }

  /* The first of a result's next dates not yet past, in words, or null. */
  function nextDate(doc, today) {
    var upcoming = (doc.next || []).filter(function (pair) {
      return pair[0] >= today;
    });
    return upcoming.length ? upcoming[0][1] : null;
  }

  root.hyteguideSearch = { load: load, search: search, todayIn: todayIn, nextDate: nextDate };
})(this);
