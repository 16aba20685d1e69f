/* Test runner: a Decap CMS locale script as the admin page runs it, and Decap's own locales.
 *
 *   node decap_locale_runner.js <decap-cms-locales/dist/esm> <locale script> <lang>...
 *
 * Runs the locale script (a classic script) with a stand-in for window.CMS that records what
 * it registers, imports each named locale of decap-cms-locales (ES modules without imports),
 * and writes {"registered": {name: phrases}, "decap": {lang: phrases}} as JSON on stdout.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

async function main() {
  const [esm, script, ...langs] = process.argv.slice(2);
  const registered = {};
  const CMS = {
    registerLocale(name, phrases) {
      registered[name] = phrases;
    },
  };
  vm.runInNewContext(fs.readFileSync(script, "utf8"), { CMS, window: { CMS } }, { filename: script });
  const decap = {};
  for (const lang of langs) {
    const source = fs.readFileSync(path.join(esm, lang, "index.js"));
    const url = "data:text/javascript;base64," + source.toString("base64");
    decap[lang] = (await import(url)).default;
  }
  process.stdout.write(JSON.stringify({ registered, decap }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
