/* Test runner: the form editor's file format (templates/assets/admin/fileformat.js) in node.
 *
 * argv[2] is a folder laid out as the built site's admin/ (fileformat.js and its modules, and
 * lib/yaml/ copied from node_modules/yaml/browser/dist), so the module's own import of
 * ./lib/yaml/index.js resolves as in the browser. Reads one JSON request on stdin:
 *
 *   {"shapes": shapes_document, "tasks": [
 *      {"op": "from", "collection", "text"}          → fromFile(text)
 *      {"op": "to", "collection", "data"}            → toFile(data)
 *      {"op": "edit", "collection", "text", "changes": [{"path": [...], "value"} |
 *                                                     {"path": [...], "remove": true}]}
 *          → toFile of fromFile(text) with the changes made, the data passed through
 *            Immutable.fromJS(…).toJS() first, as Decap CMS holds and hands it back
 *      {"op": "plain", "text", "kind"}              → the file's YAML as the format reads it
 *      {"op": "register"}  → [[name, extension], ...] registered with a stand-in CMS
 *   ]}
 *
 * Answers {"results": [...]}, each {"value"} or {"error": message}.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const Immutable = require("immutable");
const { makeFormat, plainYaml, register } = await import(pathToFileURL(join(process.argv[2], "fileformat.js")).href);

function change(data, { path, value, remove }) {
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = typeof key === "number" ? [] : {};
    node = node[key];
  }
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node)) node.splice(last, 1);
    else delete node[last];
  } else if (Array.isArray(node) && last === "+") node.push(value);
  else node[last] = value;
}

const request = JSON.parse(readFileSync(0, "utf8"));
const formats = {};
const formatOf = (name) => (formats[name] ||= makeFormat(request.shapes, name));
const results = request.tasks.map((task) => {
  try {
    if (task.op === "register") {
      const calls = [];
      register({ registerCustomFormat: (name, extension, format) => {
        if (typeof format.fromFile !== "function" || typeof format.toFile !== "function") throw new Error(name);
        calls.push([name, extension]);
      } }, request.shapes);
      return { value: calls };
    }
    if (task.op === "plain") return { value: plainYaml(task.text, task.kind) };
    const format = formatOf(task.collection);
    if (task.op === "from") return { value: format.fromFile(task.text) };
    if (task.op === "to") return { value: format.toFile(task.data) };
    if (task.op === "edit") {
      const data = Immutable.fromJS(format.fromFile(task.text)).toJS();
      for (const item of task.changes) change(data, item);
      return { value: format.toFile(Immutable.fromJS(data).toJS()) };
    }
    return { error: `unknown op ${task.op}` };
  } catch (error) {
    return { error: String(error && error.stack || error) };
  }
});
process.stdout.write(JSON.stringify({ results }));
