/* hyteguide search text processing: the browser's half of hyteguide/search/text.py.
 *
 * Query words must become exactly the terms the build indexed, so this does what the Python
 * side does, in the same order: words are runs of letters and digits, lower-cased; then
 * diacritics are folded (kesäleiri → kesaleiri), stop words dropped and words stemmed
 * (lunr-languages' Snowball stemmers for Finnish and Swedish, lunr.js's own for English; only
 * words of the letters a–z, as at build time: numbers and other scripts stay as written).
 * The steps are lunr pipeline functions under the names the prebuilt index lists, so
 * lunr.Index.load finds them. Tests run this file in node against the Python side.
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
  var FOLD = "hyteguide-fold";

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

  /* Register the pipeline functions of one language, given the stop words (already folded)
     that the index file carries. */
  function registerLanguage(lunr, lang, stopWords) {
    register(lunr, FOLD, function (token) {
      return token.update(fold);
    });
    var words = Object.create(null);
    stopWords.forEach(function (word) {
      words[word] = true;
    });
    register(lunr, "hyteguide-stopwords-" + lang, function (token) {
      return words[token.toString()] ? undefined : token;
    });
    var stemmer = lang === "en" ? lunr.stemmer : lunr[lang].stemmer;
    register(lunr, "hyteguide-stemmer-" + lang, function (token) {
      return STEMMABLE.test(token.toString()) ? stemmer(token) : token;
    });
  }

  /* The index term of each word of a text (null for a stop word), using the loaded index's
     own search pipeline: the same functions, in the same order, as at build time. */
  function terms(index, text) {
    return tokenize(text).map(function (word) {
      var found = index.pipeline.runString(word);
      return found.length ? found[0] : null;
    });
  }

  return { tokenize: tokenize, fold: fold, registerLanguage: registerLanguage, terms: terms };
});
