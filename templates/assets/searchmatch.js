/* hyteguide search matching: how a query's words meet the index's terms, for searchcore.js
 * (which loads the index shards a query needs) and, on a whole index, for tests. Our own code;
 * works in browsers (window.hyteguideSearchMatch) and in node (require).
 *
 * A query never goes through lunr's query parser, which throws on input such as "klo 10:30",
 * "title:" or "a~": the words are made into terms by searchtext.js (the same processing the
 * build used; a word has a term in each language the index's texts are written in) and given
 * to lunr's query builder. Matching, in order:
 *  1. every word matches (see clauses: its terms, terms starting with them, …), else any word
 *     matches (kind "some");
 *  2. a word that matches nothing of its own (at most through the first part of a compound,
 *     a loose way) is misspelt, perhaps: its close matches by edit distance
 *     are added to it ("mielenteveys" finds mielenterveys, not Mielen metsäkävely), and if that
 *     finds anything, those are the results (kind "fuzzy", or "some"). A word that matches
 *     exactly is never fuzzed.
 */
(function (root, factory) {
  "use strict";
  var match = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = match;
  } else {
    root.hyteguideSearchMatch = match;
  }
})(typeof globalThis === "object" ? globalThis : this, function (root) {
  "use strict";

  function text() {
    return root.hyteguideSearchText; // loaded before the first search, not necessarily before this
  }
  function lunr() {
    return root.lunr;
  }

  var NOTHING = { invertedIndex: Object.create(null) };

  /* The ways a word of the query may match an index term, best first. Snowball stems are
     not always the same for a word's forms (liikunta → liikun, liikuntaa → liikunt;
     yksinäisyys → yksinaisyys, yksinäisyyden → yksinaisyyd), and Finnish builds compounds
     (vertaistuki → vertaistukiryhmä), so besides its terms a word matches terms starting with
     them, its terms shortened by one or two letters (and, when long, terms starting with them
     shortened by one), and the first part of a compound the index does not know; the word
     being typed also matches terms starting with what is typed so far; a misspelt word
     (close given) its close matches. A word found only through the first part of a compound
     (a loose way) is not found (see match: weak), and is fuzzed. */
  function clauses(index, token, terms, last, close) {
    var found = [];
    function add(way) {
      var had = found.some(function (other) {
        return other.term === way.term && !other.prefix === !way.prefix;
      });
      if (!had) {
        found.push(way);
      }
    }
    terms.forEach(function (term) {
      add({ term: term, boost: 10 });
    });
    (close || []).forEach(function (term) {
      add({ term: term, boost: 5 });
    });
    var known = terms.some(function (term) {
      return index.invertedIndex[term];
    });
    terms.forEach(function (term) {
      var part = close || known ? null : firstPart(index, term);
      if (part) {
        add({ term: part, boost: 2, loose: true });
      }
      if (term.length >= 4) {
        add({ term: term, boost: 2, prefix: true });
      }
      if (!/\d/.test(term)) {
        for (var cut = 1; cut <= 2 && term.length - cut >= 3; cut += 1) {
          add({ term: term.slice(0, term.length - cut), boost: 3 });
        }
        if (term.length - 1 >= 7) {
          add({ term: term.slice(0, term.length - 1), boost: 2, prefix: true });
        }
      }
    });
    var typed = text().fold(token);
    if (last && typed.length >= 2 && terms.indexOf(typed) < 0) {
      add({ term: typed, boost: 1, prefix: true });
    }
    return found;
  }

  /* The first parts firstPart tries, longest first: at least four letters, leaving at least
     three for the rest. */
  function partsOf(term) {
    var parts = [];
    if (!/\d/.test(term)) {
      for (var end = term.length - 3; end >= 4; end -= 1) {
        parts.push(term.slice(0, end));
      }
    }
    return parts;
  }

  /* A compound the index does not know (kävelyryhmä) by its longest known first part
     (kävely). */
  function firstPart(index, term) {
    if (index.invertedIndex[term]) {
      return null;
    }
    var parts = partsOf(term).filter(function (part) {
      return index.invertedIndex[part];
    });
    return parts.length ? parts[0] : null;
  }

  /* The words of the query that can match: stop words only while still being typed. langs:
     the languages of the index's texts, its own first; close: position of a word in the
     query → its close matches (misspelt words only). */
  function words(index, query, langs, close) {
    var tokens = text().tokenize(query);
    var typing = !/\s$/.test(query);
    return tokens.map(function (token, i) {
      var terms = text().queryTerms(token, langs);
      var last = typing && i === tokens.length - 1;
      return { at: i, terms: terms, prefix: text().fold(token),
               ways: clauses(index, token, terms, last, close && close[i]) };
    }).filter(function (word) {
      return word.ways.length;
    });
  }

  /* The ranges of terms [lo, hi] that matching a query can read before any fuzzing: each way
     of each word (a term, or all terms starting with it), and the first parts of compounds
     that firstPart may try. */
  function lookups(query, langs) {
    var ranges = [];
    words(NOTHING, query, langs).forEach(function (word) {
      word.ways.forEach(function (way) {
        ranges.push([way.term, way.prefix ? way.term + "\uffff" : way.term]);
      });
      word.terms.forEach(function (term) {
        partsOf(term).forEach(function (part) {
          ranges.push([part, part]);
        });
      });
    });
    return ranges;
  }

  function run(index, build) {
    try {
      return index.query(build);
    } catch (error) {
      return []; // lunr's own limits (e.g. a huge fuzzy expansion) must never break the page
    }
  }

  function anyWord(index, found) {
    var TRAILING = lunr().Query.wildcard.TRAILING;
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

  function meets(term, way) {
    return way.prefix ? term.indexOf(way.term) === 0 : term === way.term;
  }

  function matchesWord(terms, word, strict) {
    return terms.some(function (term) {
      return word.ways.some(function (way) {
        return !(strict && way.loose) && meets(term, way);
      });
    });
  }

  function byScore(a, b) {
    return b.score - a.score || Number(a.ref) - Number(b.ref);
  }

  /* The hits of words: those matching every word (kind "all"), else any (kind "some"), else
     none; and the words no hit matches but loosely (weak: perhaps misspelt). */
  function match(index, found) {
    if (!found.length) {
      return { hits: [], kind: "none", weak: [] };
    }
    var any = anyWord(index, found);
    var matched = {};
    any.forEach(function (hit) {
      Object.keys(hit.matchData.metadata).forEach(function (term) {
        matched[term] = true;
      });
    });
    var terms = Object.keys(matched);
    var weak = found.filter(function (word) {
      return !matchesWord(terms, word, true);
    });
    var all = any.filter(function (hit) {
      var own = Object.keys(hit.matchData.metadata);
      return found.every(function (word) {
        return matchesWord(own, word, false);
      });
    });
    if (all.length) {
      return { hits: all.sort(byScore), kind: "all", weak: weak };
    }
    return { hits: any.sort(byScore), kind: any.length ? "some" : "none", weak: weak };
  }

  function editDistance(term) {
    return term.length >= 7 ? 2 : 1;
  }

  /* Position of each weak word → index terms within edit distance of its terms (or of what
     was typed, for a word without terms), from vocabulary (a lunr.TokenSet of every term). */
  function closeTerms(vocabulary, weak) {
    var close = {};
    weak.forEach(function (word) {
      var found = [];
      (word.terms.length ? word.terms : [word.prefix]).forEach(function (term) {
        if (term.length >= 3) {
          try {
            var near = lunr().TokenSet.fromFuzzyString(term, editDistance(term));
            found = found.concat(vocabulary.intersect(near).toArray());
          } catch (error) {
            // as run(): lunr's own limits give no close matches
          }
        }
      });
      if (found.length) {
        close[word.at] = found.filter(function (term, i) {
          return found.indexOf(term) === i;
        }).sort();
      }
    });
    return close;
  }

  /* Every close term of close, flat. */
  function closeList(close) {
    return [].concat.apply([], Object.keys(close).map(function (at) {
      return close[at];
    }));
  }

  /* The result of matching with close terms added (step 2), or first when they find nothing. */
  function refine(index, query, langs, close, first) {
    var found = match(index, words(index, query, langs, close));
    if (!found.hits.length) {
      return { hits: first.hits, kind: first.kind };
    }
    return { hits: found.hits, kind: found.kind === "all" ? "fuzzy" : found.kind };
  }

  /* Matching documents of a whole lunr index (langs: its texts' languages, own first), as
     searchcore's Searcher.find gives them from its shards. */
  function search(index, query, langs) {
    var first = match(index, words(index, query, langs));
    if (!first.weak.length) {
      return { hits: first.hits, kind: first.kind };
    }
    var vocabulary = lunr().TokenSet.fromArray(Object.keys(index.invertedIndex).sort());
    var close = closeTerms(vocabulary, first.weak);
    if (!closeList(close).length) {
      return { hits: first.hits, kind: first.kind };
    }
    return refine(index, query, langs, close, first);
  }

  return { words: words, lookups: lookups, match: match, closeTerms: closeTerms,
           closeList: closeList, refine: refine, search: search };
});
