/* The form editor's file format: our content files in, form values out, and back.
 *
 * Decap CMS reads and writes entries through a format (CMS.registerCustomFormat): fromFile
 * turns a file's text into the entry's data, toFile the data into text. Ours follows the
 * form shapes of editor/shapes.py (admin/shapes.json) and keeps files human: an unchanged
 * file is written back byte for byte, and a save that changes one field changes its lines
 * only (yamlsplice.js). For that the data carries the file's text as it was read, in the key
 * SOURCE_KEY, which no form field shows: Decap keeps it through its Immutable data
 * (`entry.get('data').toJS()` gives it back) and it is never written into a file.
 */

import * as YAML from "./lib/yaml/index.js";
import { formOf, same, savedOld } from "./formvalues.js";
import { fileValue } from "./filevalues.js";
import { Splicer } from "./yamlsplice.js";
import { mappingText } from "./yamlwrite.js";

export const SOURCE_KEY = "_source";
// A file the format cannot read opens with only this message (and its text, kept): Decap CMS
// would otherwise open it empty, and saving would replace the file with what the form holds.
export const ERROR_KEY = "_error";

/** The YAML text and the body of a file ("frontmatter": `---`, YAML, `---`, then the body). */
function split(text, kind) {
  if (kind !== "frontmatter") return { yaml: text, body: null, head: "", close: "" };
  const lines = text.split("\n");
  if (lines[0].trimEnd() !== "---") throw new Error("the file must start with a line '---'");
  const end = lines.findIndex((line, i) => i > 0 && ["---", "..."].includes(line.trimEnd()));
  if (end < 0) throw new Error("the front matter is not closed by a line '---'");
  // the YAML as our loader reads it: without the newline before the closing line (a `|` block
  // last in the front matter has no final newline)
  return { head: lines[0] + "\n", yaml: lines.slice(1, end).join("\n"),
    close: (end > 1 ? "\n" : "") + lines[end] + (end < lines.length - 1 ? "\n" : ""),
    body: lines.slice(end + 1).join("\n") };
}

/** YAML parsed as our loader reads it: YAML 1.1, every scalar a text (the failsafe schema). */
function parse(yamlText) {
  const doc = YAML.parseDocument(yamlText, { version: "1.1", schema: "failsafe", uniqueKeys: false });
  if (doc.errors.length) throw new Error(`the file is not valid YAML: ${doc.errors[0].message}`);
  if (!yamlText.endsWith("\n")) {
    // a `|` or `>` block that ends the text without a newline: PyYAML ends its value there
    // too (the front matter our loader reads stops before the closing line's newline)
    YAML.visit(doc, { Scalar(_, node) {
      if (String(node.type).startsWith("BLOCK") && node.range[1] >= yamlText.length
          && typeof node.value === "string") node.value = node.value.replace(/\n$/, "");
    } });
  }
  return doc;
}

// Line ends and a byte order mark are the file's; the work is done on "\n" text.
function unwrap(text) {
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
  const crlf = text.includes("\r\n") && !/(^|[^\r])\n/.test(text);
  return { bom, crlf, text: (bom ? text.slice(1) : text).replace(/\r\n/g, "\n") };
}

function wrap(text, { bom, crlf }) {
  return bom + (crlf ? text.replace(/\n/g, "\r\n") : text);
}

/** A file's YAML as this format reads it, as plain data (every scalar a text): for tests
 * that it reads what our loader (PyYAML) reads. */
export function plainYaml(text, kind) {
  const parts = split(unwrap(text).text, kind);
  return parse(parts.yaml).toJS();
}

/** The body field read from the file: its first language the text after the front matter,
 * the others the front matter's `body:`. */
function bodyForm(parts, record, ctx, doc) {
  const body = record.fields.find((field) => field.shape.kind === "body");
  if (!body || parts.body === null) return {};
  const inYaml = doc.contents && doc.contents.get ? doc.contents.get(body.name, true) : undefined;
  const others = inYaml && inYaml.items ? formOf(inYaml, { kind: "text" }, ctx) : {};
  return { [body.name]: { ...others, [ctx.languages[0]]: parts.body } };
}

/** The first language of a body goes after the front matter; the rest stays in its YAML. */
function withoutFirst(form, ctx) {
  if (!form || typeof form !== "object") return undefined;
  const rest = { ...form };
  delete rest[ctx.languages[0]];
  return rest;
}

/** {fromFile, toFile} for one collection of shapes (shapes_document of editor/shapes.py). */
export function makeFormat(shapes, collectionName) {
  const collection = shapes.collections[collectionName];
  if (!collection) throw new Error(`no collection ${collectionName} in the shapes`);
  const ctx = { languages: shapes.languages, kindKey: shapes.kind_key };
  const record = collection.record;
  const kind = collection.file;
  const body = record.fields.find((field) => field.shape.kind === "body");

  function read(text) {
    const outer = unwrap(text);
    const parts = split(outer.text, kind);
    const doc = parse(parts.yaml);
    const root = doc.contents;
    if (root !== null && !(root.items && root.items.every((item) => "key" in item))) {
      throw new Error("the file's YAML is not a mapping of fields");
    }
    const form = root === null ? {} : formOf(root, record, ctx);
    if (body) delete form[body.name];
    return { outer, parts, doc, form: { ...form, ...bodyForm(parts, record, ctx, doc) } };
  }

  function fromFile(text) {
    try {
      return { ...read(text).form, [SOURCE_KEY]: text };
    } catch (error) {
      return { [SOURCE_KEY]: text, [ERROR_KEY]: error.message };
    }
  }

  // the record's fields as the YAML holds them: a body's first language is not there
  const yamlFields = record.fields.map((field) => (field === body
    ? { ...field, shape: { kind: "body" } } : field));
  const yamlView = (form) => (body && form
    ? { ...form, [body.name]: withoutFirst(form[body.name], ctx) } : form);
  const firstBody = (form) => (body && form && form[body.name] ? form[body.name][ctx.languages[0]] : "");

  /** The YAML of form data written anew, every field in the schema's order. */
  function render(data) {
    const view = yamlView(data);
    const entries = [];
    for (const field of yamlFields) {
      const value = fileValue(view[field.name], field.shape, undefined, ctx, { name: field.name });
      if (value !== undefined) entries.push([field.name, value]);
    }
    return mappingText(entries);
  }

  const sameBodies = (a, b) => (firstBody(a) || "").trimEnd() === (firstBody(b) || "").trimEnd();

  // Decap's toFile(data, sortedKeys, comments): the order and the comments are the schema's
  // and the file's here, so its two other arguments are not needed.
  function toFile(data) {
    return checked(written(data), data);
  }

  /** The text, after reading it back: it must hold what the form holds, or the save stops
   * with the field named (a file the loader would read otherwise is never written). */
  function checked(text, data) {
    const { form } = read(text);
    const wrong = record.fields.find((field) => !same(form[field.name], data[field.name], field.shape, ctx));
    if (wrong) throw new Error(`the file would not hold the form's ${wrong.name}: please report this`);
    return text;
  }

  function written(data) {
    const source = data[SOURCE_KEY];
    if (typeof source !== "string") {
      return kind === "frontmatter" ? `---\n${render(data)}---\n${bodyText(firstBody(data))}` : render(data);
    }
    let file;
    try {
      file = read(source);
    } catch (error) {
      throw new Error(`the file cannot be saved from the form: ${error.message}; `
        + "correct it in the file first");
    }
    const { outer, parts, doc, form } = file;
    let yamlText = null;
    if (doc.contents && doc.contents.items.length && !doc.contents.flow) {
      const splicer = new Splicer(parts.yaml, ctx);
      const old = savedOld(doc.contents, record, form, data, ctx);
      if (splicer.patchMap(doc.contents, yamlFields, yamlView(old), yamlView(data))) {
        yamlText = splicer.result();
      }
    }
    if (yamlText === null) {  // nothing of the file's YAML stays: written anew
      yamlText = render(data);
      if (parts.close.startsWith("\n")) yamlText = yamlText.replace(/\n$/, "");
    }
    // nothing changed: the file as it was, whatever its line ends (a mix of CRLF and LF, too)
    if (yamlText === parts.yaml && (kind !== "frontmatter" || sameBodies(form, data))) return source;
    if (kind !== "frontmatter") return wrap(yamlText, outer);
    const sameBody = sameBodies(form, data);
    const bodyPart = sameBody ? parts.body : bodyText(firstBody(data));
    return wrap(parts.head + yamlText + parts.close + bodyPart, outer);
  }

  return { fromFile, toFile };
}

/** The text after the front matter: the body, ending with one newline (or nothing). */
function bodyText(text) {
  if (!text || !text.trim()) return "";
  return text.replace(/\s+$/, "") + "\n";
}

/** Register one format per collection, `hyteguide-<collection>`, with Decap CMS. */
export function register(CMS, shapes) {
  for (const [name, collection] of Object.entries(shapes.collections)) {
    CMS.registerCustomFormat(`hyteguide-${name}`, collection.extension, makeFormat(shapes, name));
  }
}
