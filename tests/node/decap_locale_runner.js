/* Test runner: a Decap CMS locale script as the admin page runs it, and Decap's own locales.
 *
 *   node decap_locale_runner.js <decap-cms-locales/dist/esm> <locale script> [--registry=R] <lang>...
 *
 * Imports each named locale of decap-cms-locales (ES modules without imports), then runs the
 * locale script (a classic script) with a stand-in for window.CMS whose registry holds, by R:
 * "empty" (the default) nothing before the script; "decap" Decap's named locales, as
 * decap-cms.js registers them before the admin page's scripts run; "no-getlocale" nothing, and
 * the stand-in has no getLocale. Writes {"registered": {name: phrases the script registered},
 * "decap": {lang: phrases}} as JSON on stdout (Decap's as they are after the script ran).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

async function main() {
  const [esm, script, ...rest] = process.argv.slice(2);
  const option = rest.find((arg) => arg.startsWith("--registry="));
  const registry = option ? option.slice("--registry=".length) : "empty";
  if (!["empty", "decap", "no-getlocale"].includes(registry)) {
    throw new Error(`unknown --registry=${registry}`);
  }
  const langs = rest.filter((arg) => !arg.startsWith("--"));
  const decap = {};
  for (const lang of langs) {
    const source = fs.readFileSync(path.join(esm, lang, "index.js"));
    const url = "data:text/javascript;base64," + source.toString("base64");
    decap[lang] = (await import(url)).default;
  }
  const locales = registry === "decap" ? { ...decap } : {};
  const registered = {};
  const CMS = {
    registerLocale(name, phrases) {
      registered[name] = phrases;
      locales[name] = phrases;
    },
  };
  if (registry !== "no-getlocale") {
    CMS.getLocale = (name) => locales[name];
  }
  vm.runInNewContext(fs.readFileSync(script, "utf8"), { CMS, window: { CMS } }, { filename: script });
  process.stdout.write(JSON.stringify({ registered, decap }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
