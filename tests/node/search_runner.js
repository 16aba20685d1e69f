/* Test runner: the browser's search code (lunr.js, lunr-languages, searchtext.js) in node.
 *
 * Reads one JSON request on stdin and writes one JSON answer on stdout, so that a test needs
 * a single node process however many words or queries it checks. The request names the files
 * to load, as the browser would load them, and a list of tasks:
 *
 *   {"scripts": {"lunr": path, "support": path, "fi": path, "sv": path},
 *    "searchtext": path,
 *    "tasks": [{"op": "stem", "words": [...]},             lunr.stemmer (English)
 *              {"op": "tokenize", "texts": [...]},         searchtext.tokenize
 *              {"op": "fold", "words": [...]},             searchtext.fold
 *              {"op": "wordchars"},                        [code point, its words] for every
 *                                                          code point tokenize keeps something of
 *              {"op": "pipeline", "lang", "stopwords", "labels", "words"},
 *                  each word through a lunr.Pipeline of the registered labels
 *              {"op": "queryterms", "langs", "stopwords": {lang: [...]}, "words"},
 *                  searchtext.queryTerms of each word in an index of those languages
 *              {"op": "terms", "index": path, "texts": [...]},
 *                  searchtext.terms with the pipeline of a built index file
 *              {"op": "search", "index": path, "queries": [...]},
 *                  index.search: [[ref, score], ...] or {"error": message} per query
 *              {"op": "core", "index": path, "queries": [...]},
 *                  searchcore.search on the whole index: {hits: [[ref, score], ...], kind}
 *              {"op": "sharded", "manifest": path, "queries": [...], "fresh": bool,
 *               "show": n, "facets": bool, "group": bool}]}
 *                  searchcore's Searcher on a built site's files, read from disk as the
 *                  browser fetches them: per query {hits: [[ref, score], ...], kind, fetched:
 *                  [paths read for it]}, after fetching the documents of the first n hits and,
 *                  if facets, the facet table; fresh: each query from a new start (a first
 *                  query), else one after the other in one session; group: the hits as
 *                  searcher.group shows them (also: [[ref, [refs under it]], …]).
 *
 * "index" files are {"lang", "stopwords", "languages": [[lang, stopwords], …] (optional, own
 * first, as the manifest's), "index": a serialised lunr index}. searchcore.js
 * (request "searchcore") finds lunr and searchtext.js as globals, as in the browser.
 * Answer: {"results": [one result per task]}.
 */
"use strict";

const fs = require("fs");

function readStdin() {
  return fs.readFileSync(0, "utf8");
}

function loadLunr(scripts) {
  const lunr = require(scripts.lunr);
  require(scripts.support)(lunr);
  require(scripts.fi)(lunr);
  require(scripts.sv)(lunr);
  return lunr;
}

/* searchcore.js afresh (nothing loaded or cached yet). */
function freshCore(path) {
  delete require.cache[require.resolve(path)];
  return require(path);
}

/* Each query through searchcore's loading path; what it read from disk. */
async function sharded(task, corePath) {
  let core = freshCore(corePath);
  const answers = [];
  let fetched = [];
  const read = (url) => {
    fetched.push(url);
    return Promise.resolve().then(() => JSON.parse(fs.readFileSync(url, "utf8")));
  };
  for (const query of task.queries) {
    if (task.fresh) core = freshCore(corePath);
    fetched = [];
    const searcher = await core.load({ scripts: [], manifest: task.manifest, fetch: read });
    const matched = await searcher.find(query);
    const found = task.group ? searcher.group(matched) : matched;
    await searcher.documents(found.hits.slice(0, task.show || 0).map((hit) => hit.ref));
    if (task.facets) await searcher.facets();
    answers.push({ hits: found.hits.map((hit) => [hit.ref, hit.score]), kind: found.kind,
                   fetched: fetched,
                   also: found.hits.filter((hit) => hit.also).map((hit) => [hit.ref, hit.also]) });
  }
  return answers;
}

async function main() {
  const request = JSON.parse(readStdin());
  const lunr = loadLunr(request.scripts);
  const searchtext = require(request.searchtext);
  global.lunr = lunr;
  global.hyteguideSearchText = searchtext;
  const indexes = new Map();

  function loadIndex(path) {
    if (!indexes.has(path)) {
      const data = JSON.parse(fs.readFileSync(path, "utf8"));
      const languages = data.languages || [[data.lang, data.stopwords]];
      languages.forEach((pair) => searchtext.registerLanguage(lunr, pair[0], pair[1]));
      const index = lunr.Index.load(data.index);
      index.languages = languages.map((pair) => pair[0]); // own first
      indexes.set(path, index);
    }
    return indexes.get(path);
  }

  const ops = {
    stem: (task) => task.words.map((word) => lunr.stemmer(new lunr.Token(word)).toString()),
    tokenize: (task) => task.texts.map((text) => searchtext.tokenize(text)),
    fold: (task) => task.words.map((word) => searchtext.fold(word)),
    wordchars: () => {
      const kept = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const words = searchtext.tokenize(String.fromCodePoint(cp));
        if (words.length) kept.push([cp, words]);
      }
      return kept;
    },
    pipeline: (task) => {
      searchtext.registerLanguage(lunr, task.lang, task.stopwords);
      const pipeline = lunr.Pipeline.load(task.labels);
      return task.words.map((word) => {
        const found = pipeline.runString(word);
        return found.length ? found[0] : null;
      });
    },
    queryterms: (task) => {
      task.langs.forEach((lang) => searchtext.registerLanguage(lunr, lang, task.stopwords[lang]));
      return task.words.map((word) => searchtext.queryTerms(word, task.langs));
    },
    terms: (task) => {
      const index = loadIndex(task.index);
      return task.texts.map((text) => searchtext.terms(index, text));
    },
    core: (task) => {
      const index = loadIndex(task.index);
      const core = freshCore(request.searchcore);
      return task.queries.map((query) => {
        const found = core.search(index, query, index.languages);
        return { hits: found.hits.map((hit) => [hit.ref, hit.score]), kind: found.kind };
      });
    },
    sharded: (task) => sharded(task, request.searchcore),
    search: (task) => {
      const index = loadIndex(task.index);
      return task.queries.map((query) => {
        try {
          return index.search(query).map((result) => [result.ref, result.score]);
        } catch (err) {
          return { error: String(err && err.message ? err.message : err) };
        }
      });
    },
  };

  const results = [];
  for (const task of request.tasks) {
    const op = ops[task.op];
    if (!op) throw new Error("unknown op " + task.op);
    results.push(await op(task));
  }
  process.stdout.write(JSON.stringify({ results: results }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
