/* hyteguide search text processing: the browser's half of hyteguide/search/text.py.
 *
 * Query words must become exactly the terms the build indexed, so this does what the Python
 * side does, in the same order: words are runs of letters and digits, lower-cased; then stop
 * words (compared folded) are dropped, and words stemmed as written (lunr-languages' Snowball
 * stemmers for Finnish and Swedish, lunr.js's own for English) and the stem folded
 * (kesäleirille → kesäleir → kesaleir); a word with diacritics other than ä, ö, å is stemmed
 * folded, and only words of the letters a–z (once folded) are stemmed, as at build time:
 * numbers and other scripts stay as written. An index holds texts of several languages, each
 * stemmed in its own (queryTerms: a word's term in each). The steps are also lunr pipeline
 * functions under the names the prebuilt index lists, so lunr.Index.load finds them. Tests run
 * this file in node against the Python side.
 * Our own code; works in browsers (window.hyteguideSearchText) and in node (require).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.hyteguideSearchText = factory();
  }
})(this, function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var COMBINING = /[\u0300-\u036f]/g;

  var MAX_WORD = 50; // letters (code points, as in Python), not UTF-16 units

  /* The words of a text, lower-cased, in order; runs over MAX_WORD letters are left out. */
  function tokenize(text) {
    return (String(text).normalize("NFC").toLowerCase().match(WORD) || []).filter(
      function (word) {
        return word.length <= MAX_WORD || Array.from(word).length <= MAX_WORD;
      });
  }

  /* Remove diacritics: ä → a, ö → o, å → a, é → e. */
  function fold(word) {
    return word.normalize("NFD").replace(COMBINING, "");
  }

  function register(lunr, label, fn) {
    if (!lunr.Pipeline.registeredFunctions[label]) {
      lunr.Pipeline.registerFunction(fn, label);
    }
  }

  var STEMMABLE = /^[a-z]+$/;
  var NORDIC = /^[a-zäöå]+$/; // stemmed as written: the Snowball stemmers know ä, ö, å
  var languages = Object.create(null); // lang → {stop: folded stop words, stem: word → stem}

  /* The folded stem of a lower-case word, as text.py's stem. */
  function stemWith(stemmer, word) {
    var folded = fold(word);
    if (!STEMMABLE.test(folded)) {
      return folded;
    }
    return fold(stemmer(NORDIC.test(word) ? word : folded));
  }

  /* Register the pipeline functions of one language, given the stop words (already folded)
     that the index file carries. */
  function registerLanguage(lunr, lang, stopWords) {
    var words = Object.create(null);
    stopWords.forEach(function (word) {
      words[word] = true;
    });
    var snowball = lang === "en" ? function (word) {
      return lunr.stemmer(new lunr.Token(word)).toString();
    } : lunr[lang].stemmer; // lunr-languages' stemmers take a string too
    var stem = function (word) {
      return stemWith(snowball, word);
    };
    languages[lang] = { stop: words, stem: stem };
    register(lunr, "hyteguide-stopwords-" + lang, function (token) {
      return words[fold(token.toString())] ? undefined : token;
    });
    register(lunr, "hyteguide-stemmer-" + lang, function (token) {
      return token.update(stem);
    });
  }

  /* The terms a query word may match in an index of texts in langs (its own first, each
     registered): its term in each, without repeats; none for a stop word of any of them. */
  function queryTerms(word, langs) {
    var folded = fold(word);
    if (langs.some(function (lang) { return languages[lang].stop[folded]; })) {
      return [];
    }
    var found = [];
    langs.forEach(function (lang) {
      var term = languages[lang].stem(word);
      if (found.indexOf(term) < 0) {
        found.push(term);
      }
    });
    return found;
  }

  /* The index term of each word of a text (null for a stop word), using the loaded index's
     own search pipeline: the same functions, in the same order, as at build time. */
  function terms(index, text) {
    return tokenize(text).map(function (word) {
      var found = index.pipeline.runString(word);
      return found.length ? found[0] : null;
    });
  }

  return { tokenize: tokenize, fold: fold, registerLanguage: registerLanguage, terms: terms,
           queryTerms: queryTerms };
});
