/* hyteguide search core: loading the search files as a query needs them, and matching it;
 * shared by the search page (search.js) and the header's search box (sitesearch.js). Our own
 * code only; works in browsers (window.hyteguideSearch) and in node (require, for tests).
 *
 * load(config) fetches, the first time only, lunr.js and lunr-languages (copied by the build
 * from npm) and this language's manifest.json, all from this site. The manifest names the rest,
 * in a folder whose name changes with its content (so a cached file is never of another build):
 *  - the index in shards i<n>.json, each a lunr index of a range of terms (in JavaScript's
 *    string order; shards[n] is [first term, last term] of shard n). A query fetches the
 *    shards of the terms it can match (see lookups), and they are merged into one index: the
 *    rows of the full index for those terms, so results and scores are those of the whole
 *    index;
 *  - terms.json, every term, fetched only for close matches (by edit distance), whose terms can
 *    be anywhere in the index;
 *  - d<n>.json, the documents from n × part on, fetched for the results shown;
 *  - facets.json, the filters' values of every document (the search page's filters and counts).
 *
 * Matching a query's words to the index's terms is searchmatch.js's: find fetches the shards
 * its words can match, matches, and when a word matches nothing of its own fetches terms.json
 * for its close matches and their shards, and matches again.
 */
(function (root, factory) {
  "use strict";
  var core = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = core;
  } else {
    root.hyteguideSearch = core;
  }
})(typeof globalThis === "object" ? globalThis : this, function (root) {
  "use strict";

  function text() {
    return root.hyteguideSearchText; // loaded before the first search, not necessarily before this
  }
  function matching() {
    return root.hyteguideSearchMatch || require("./searchmatch.js"); // node: beside this file
  }
  function lunr() {
    return root.lunr;
  }
  var loading = {}; // manifest URL → Promise of a Searcher

  function fetchJson(url, fresh) {
    var options = { credentials: "same-origin" };
    if (fresh) {
      options.cache = "no-cache"; // the manifest: revalidated, so it names this build's files
    }
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }

  /* config: {scripts: [URLs of lunr.js and lunr-languages, in order], manifest: its URL,
     fetch: optional function (url, fresh) → Promise of JSON, instead of the network's}. */
  function load(config) {
    var url = config.manifest;
    if (loading[url]) {
      return loading[url];
    }
    var get = config.fetch || fetchJson;
    var libraries = (config.scripts || []).reduce(function (chain, src) {
      return chain.then(function () {
        return root.hyteguideLoadScript(src); // sitesearch.js, loaded on every page
      });
    }, Promise.resolve());
    var found = Promise.all([libraries, get(url, true)]).then(function (parts) {
      return new Searcher(parts[1], url, get, function () {
        delete loading[url]; // a file failed: the next search starts again from the manifest
      });
    });
    found.catch(function () {
      delete loading[url]; // try again on the next search
    });
    loading[url] = found;
    return found;
  }

  /* -- the files of one language ------------------------------------------------------------ */

  function Searcher(manifest, url, get, failed) {
    var languages = manifest.languages || [[manifest.lang, manifest.stopwords]];
    languages.forEach(function (pair) {
      text().registerLanguage(lunr(), pair[0], pair[1]);
    });
    this.languages = languages.map(function (pair) {
      return pair[0]; // the languages of the index's texts, its own first
    });
    this.manifest = manifest;
    this.types = manifest.types;
    this.folder = url.replace(/[^/]*$/, "") + manifest.folder;
    this.get = get;
    this.failed = failed;
    this.pipeline = lunr().Pipeline.load(manifest.pipeline);
    this.files = {}; // name → Promise of its JSON
    this.merged = {}; // shard number → its terms, once merged into vectors
    this.vectors = new Map(); // field ref → elements of the merged shards, by term number
    this.index = null; // lunr.Index of the merged shards
  }

  Searcher.prototype.file = function (name) {
    var self = this;
    if (!this.files[name]) {
      this.files[name] = this.get(this.folder + name, false);
      this.files[name].catch(function () {
        delete self.files[name];
        self.failed();
      });
    }
    return this.files[name];
  };

  /* The lunr index of at least the shards numbered. */
  Searcher.prototype.shards = function (numbers) {
    var self = this;
    return Promise.all(numbers.map(function (n) {
      return self.file("i" + n + ".json");
    })).then(function (shards) {
      var added = false;
      numbers.forEach(function (n, i) {
        if (!self.merged[n]) {
          self.merged[n] = mergeShard(self.vectors, shards[i]);
          added = true;
        }
      });
      if (added || !self.index) {
        self.index = lunr().Index.load(self.serialized());
      }
      return self.index;
    });
  };

  /* The merged shards as one serialised lunr index (terms in shard order, so in order). */
  Searcher.prototype.serialized = function () {
    var merged = this.merged;
    var numbers = Object.keys(merged).map(Number).sort(function (a, b) {
      return a - b;
    });
    return {
      version: this.manifest.version,
      fields: this.manifest.fields,
      pipeline: this.manifest.pipeline,
      invertedIndex: [].concat.apply([], numbers.map(function (n) {
        return merged[n];
      })),
      fieldVectors: Array.from(this.vectors)
    };
  };

  /* Matching documents as [{ref, score}] best first, and which kind of match they are. */
  Searcher.prototype.find = function (query) {
    var self = this;
    var bounds = this.manifest.shards;
    var langs = this.languages;
    var match = matching();
    return this.shards(shardsOf(bounds, match.lookups(query, langs))).then(function (index) {
      var first = match.match(index, match.words(index, query, langs));
      if (!first.weak.length) {
        return { hits: first.hits, kind: first.kind };
      }
      return self.vocabulary().then(function (terms) {
        var close = match.closeTerms(terms, first.weak);
        var wanted = match.closeList(close);
        if (!wanted.length) {
          return { hits: first.hits, kind: first.kind };
        }
        return self.shards(shardsOf(bounds, wanted.map(function (term) {
          return [term, term];
        }))).then(function (index) {
          return match.refine(index, query, langs, close, first);
        });
      });
    });
  };

  /* found with each group of near-identical results shown once (see group). */
  Searcher.prototype.group = function (found) {
    return group(found, this.manifest.groups || []);
  };

  /* Every term of the index as a lunr.TokenSet. */
  Searcher.prototype.vocabulary = function () {
    if (!this.terms) {
      this.terms = this.file("terms.json").then(function (terms) {
        return lunr().TokenSet.fromArray(terms);
      });
    }
    return this.terms;
  };

  /* The documents of refs, in their order. */
  Searcher.prototype.documents = function (refs) {
    var part = this.manifest.part;
    var self = this;
    var numbers = unique(refs.map(function (ref) {
      return Math.floor(Number(ref) / part);
    }));
    return Promise.all(numbers.map(function (n) {
      return self.file("d" + n + ".json");
    })).then(function (parts) {
      var byNumber = {};
      numbers.forEach(function (n, i) {
        byNumber[n] = parts[i];
      });
      return refs.map(function (ref) {
        var data = byNumber[Math.floor(Number(ref) / part)];
        return data.documents[Number(ref) - data.from];
      });
    });
  };

  /* Each document's filter values, by ref: {municipality: [ids], …, free: true}. */
  Searcher.prototype.facets = function () {
    if (!this.table) {
      this.table = this.file("facets.json").then(decodeFacets);
    }
    return this.table;
  };

  /* Every ref, in order (browsing by filters alone). */
  Searcher.prototype.all = function () {
    var hits = [];
    for (var ref = 0; ref < this.manifest.documents; ref += 1) {
      hits.push({ ref: String(ref) });
    }
    return { hits: hits, kind: "all" };
  };

  function decodeFacets(table) {
    var records = [];
    Object.keys(table).forEach(function (name) {
      var group = table[name];
      var sets = group.sets.map(function (set) {
        return set.map(function (i) {
          return group.values[i];
        });
      });
      group.docs.forEach(function (set, ref) {
        var record = records[ref] || (records[ref] = {});
        var values = sets[set];
        if (name === "flags") {
          values.forEach(function (flag) {
            record[flag] = true;
          });
        } else if (values.length) {
          record[name] = values;
        }
      });
    });
    return records;
  }

  /* Near-identical results (groups: [organisation ref, refs of its same-named activities and
     places], from the manifest) shown once: where the best-ranked of them is, as the
     organisation when it is among the hits (else that best one), the others as its
     hit.also, lines under it. Every result stays: grouped, not dropped. */
  function group(found, groups) {
    var groupOf = {};
    groups.forEach(function (refs) {
      refs.forEach(function (ref) {
        groupOf[ref] = refs.map(String);
      });
    });
    var present = {};
    found.hits.forEach(function (hit) {
      present[hit.ref] = true;
    });
    var done = {};
    var hits = [];
    found.hits.forEach(function (hit) {
      var refs = groupOf[hit.ref];
      if (!refs) {
        hits.push(hit);
      } else if (!done[refs[0]]) {
        done[refs[0]] = true;
        var lead = present[refs[0]] ? refs[0] : hit.ref;
        var also = refs.filter(function (ref) {
          return present[ref] && ref !== lead;
        });
        hits.push(also.length ? { ref: lead, score: hit.score, also: also }
                              : { ref: lead, score: hit.score });
      }
    });
    return { hits: hits, kind: found.kind };
  }

  function unique(numbers) {
    return numbers.filter(function (n, i) {
      return numbers.indexOf(n) === i;
    });
  }

  /* -- shards ---------------------------------------------------------------------------------- */

  /* Add a shard's field vector elements to vectors; its terms, for the merged inverted index. */
  function mergeShard(vectors, shard) {
    shard.fieldVectors.forEach(function (pair) {
      var had = vectors.get(pair[0]);
      vectors.set(pair[0], had ? mergeElements(had, pair[1]) : pair[1]);
    });
    return shard.invertedIndex;
  }

  /* Two vectors' [term number, weight, …] (different terms) as one, by term number. */
  function mergeElements(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        out.push(a[i], a[i + 1]);
        i += 2;
      } else {
        out.push(b[j], b[j + 1]);
        j += 2;
      }
    }
    return out;
  }

  /* The numbers of the shards ([first term, last term] each) that have terms from lo to hi
     of some [lo, hi] of ranges. (A term between one shard's last and the next one's first is
     in none.) */
  function shardsOf(shards, ranges) {
    var found = {};
    ranges.forEach(function (range) {
      for (var n = shardAt(shards, range[0]); n <= shardAt(shards, range[1]); n += 1) {
        if (n >= 0 && shards[n][1] >= range[0]) {
          found[n] = true;
        }
      }
    });
    return Object.keys(found).map(Number);
  }

  /* The last shard that starts at or before term, or -1. */
  function shardAt(shards, term) {
    var low = -1;
    var high = shards.length - 1;
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (shards[middle][0] <= term) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /* Matching documents of a whole lunr index, as Searcher.find gives them from its shards
     (langs: the languages of its texts, own first). */
  function search(index, query, langs) {
    return matching().search(index, query, langs);
  }

  /* The first of a result's next dates not yet past, in words, or null. today: the reader's
     day (readerday.js), or null where it is unknown: then every date counts as to come. */
  function nextDate(doc, today) {
    var upcoming = (doc.next || []).filter(function (pair) {
      return !today || pair[0] >= today;
    });
    return upcoming.length ? upcoming[0][1] : null;
  }

  return { load: load, search: search, group: group, nextDate: nextDate };
});
