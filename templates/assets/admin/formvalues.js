/* From a file's YAML to the form's values, and what counts as a change.
 *
 * The form shape of every field is editor/shapes.py's (admin/shapes.json): one way to hold
 * each value however the file wrote it. Scalars are read as text, as our loader reads them
 * (PyYAML with no type guessing: `2026-08-17` stays "2026-08-17", `NO` stays "NO"); only the
 * shape turns "true" into a boolean or "3" into a number. A value that does not fit its shape
 * (a `yes` for a boolean) is held as written, so an untouched field compares unchanged and is
 * kept as it was.
 */

/** The YAML node's plain value: text for scalars, arrays and objects for collections. */
function plain(node) {
  if (node === null || node === undefined) return undefined;
  if (typeof node.toJSON === "function") return node.toJSON();
  return node;
}

function isMap(node) {
  return Boolean(node) && Array.isArray(node.items) && node.items.every((item) => item && "key" in item);
}
function isSeq(node) { return Boolean(node) && Array.isArray(node.items) && !isMap(node); }
function isScalar(node) { return Boolean(node) && !Array.isArray(node.items); }
function keyOf(pair) {
  return pair.key && pair.key.value !== undefined ? String(pair.key.value) : String(pair.key);
}

/** The pairs of a YAML map by key (the first of a repeated key, as the form shows one). */
export function pairsOf(node) {
  const pairs = new Map();
  if (isMap(node)) for (const pair of node.items) if (!pairs.has(keyOf(pair))) pairs.set(keyOf(pair), pair);
  return pairs;
}

function text(node) {
  const value = plain(node);
  return value === null || value === undefined ? "" : value;
}

/** The form value of a YAML node of this shape; undefined when the file has nothing. */
export function formOf(node, shape, ctx) {
  if (node === null || node === undefined) return undefined;
  if (isScalar(node) && text(node) === "" && shape.kind !== "string") return undefined;
  switch (shape.kind) {
    case "record": return recordForm(node, shape, ctx);
    case "rule": return ruleForm(node, shape, ctx);
    case "list": case "opening_hours": {
      if (shape.kind === "opening_hours" && inWords(node)) return [];  // words: see recordForm
      const items = isSeq(node) ? node.items : [node];
      return items.map((item) => formOf(item, shape.item, ctx));
    }
    case "either": {
      if (!isScalar(node)) return formOf(node, shape.record, ctx);
      const value = formOf(node, shape.scalar, ctx);
      const record = { [shape.scalar_field]: value };
      // a plain except date is a range of one day: fill the other required dates with it
      for (const field of shape.record.fields) {
        if (field.required && field.name !== shape.scalar_field && field.shape.kind === shape.scalar.kind) {
          record[field.name] = value;
        }
      }
      return record;
    }
    case "text": case "body": return textForm(node, ctx);
    case "keyword_or_text": {
      if (isScalar(node) && shape.keywords.includes(text(node))) return { keyword: text(node) };
      return textForm(node, ctx);
    }
    case "coordinates": {
      if (!isSeq(node) || node.items.length !== 2) return plain(node);
      const [latitude, longitude] = node.items.map((item) => numberOf(text(item)));
      return { latitude, longitude };
    }
    case "boolean": {
      const value = text(node);
      return value === "true" ? true : value === "false" ? false : plain(node);
    }
    case "number": return isScalar(node) ? numberOf(text(node)) : plain(node);
    case "weekday": {
      const value = text(node);
      return typeof value === "string" ? shape.aliases[value.toLowerCase()] || value : value;
    }
    default: return isScalar(node) ? text(node) : plain(node);
  }
}

function numberOf(value) {
  return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function textForm(node, ctx) {
  if (isScalar(node)) return { [ctx.languages[0]]: text(node) };
  if (!isMap(node)) return plain(node);
  const form = {};
  for (const [key, pair] of pairsOf(node)) form[key] = pair.value ? text(pair.value) : "";
  return form;
}

/** Opening hours in words (the older form): a text, plain or in languages, not a list. */
function inWords(node) {
  return Boolean(node) && (isMap(node) || (isScalar(node) && text(node) !== ""));
}

function recordForm(node, shape, ctx) {
  if (!isMap(node)) return plain(node);
  const pairs = pairsOf(node);
  const form = {};
  for (const [key, pair] of pairs) form[key] = plain(pair.value);  // unknown keys kept as written
  for (const field of shape.fields) {
    delete form[field.name];
    const value = formOf(pairs.get(field.name) && pairs.get(field.name).value, field.shape, ctx);
    if (value !== undefined) form[field.name] = value;
  }
  // opening hours in words (the older form): the list stays empty and the words are the note
  const hours = shape.fields.find((field) => field.shape.kind === "opening_hours");
  const words = hours && pairs.get(hours.name) && pairs.get(hours.name).value;
  if (inWords(words) && isEmpty(form[`${hours.name}_note`])) {
    form[`${hours.name}_note`] = textForm(words, ctx);
  }
  return form;
}

/** The file's form for saving: opening hours in words that the form shows as the note (and
 * the file has no note) count, once either field is changed, as the file's opening hours and
 * no note, so the save writes the note and removes the words (else they would be twice). */
export function savedOld(node, shape, old, neu, ctx) {
  const hours = shape.fields.find((field) => field.shape.kind === "opening_hours");
  if (!hours || !isMap(node) || !old) return old;
  const pairs = pairsOf(node);
  const words = pairs.get(hours.name) && pairs.get(hours.name).value;
  const note = `${hours.name}_note`;
  if (!inWords(words) || pairs.has(note)) return old;
  const noteField = shape.fields.find((field) => field.name === note);
  if (same(old[hours.name], neu[hours.name], hours.shape, ctx)
      && (!noteField || same(old[note], neu[note], noteField.shape, ctx))) return old;
  return { ...old, [hours.name]: [textForm(words, ctx)], [note]: undefined };
}

function ruleForm(node, shape, ctx) {
  const form = recordForm(node, shape.record, ctx);
  if (form && typeof form === "object" && !Array.isArray(form)) {
    const pairs = pairsOf(node);
    const kind = shape.variants.find((variant) => pairs.has(variant));
    if (kind) form[shape.kind_key] = kind;
  }
  return form;
}

// -- what counts as a change ------------------------------------------------------------------

/** True for what a form leaves when a field is empty: nothing, "", [], a record of empties. */
export function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

/** The kind of rule a form rule is: its kind key, else the first variant it has a value for. */
export function ruleKind(form, shape) {
  const named = form && form[shape.kind_key];
  if (shape.variants.includes(named)) return named;
  return shape.variants.find((variant) => form && !isEmpty(form[variant]));
}

/** A rule's fields that belong to its kind (the form may still hold another kind's). */
export function ruleFields(form, shape) {
  const kind = ruleKind(form, shape);
  return shape.record.fields.filter((field) => {
    if (shape.variants.includes(field.name)) return field.name === kind;
    const only = shape.variant_only[field.name];
    return !only || only === kind;
  });
}

/** A value in one canonical form, so that equal meanings compare equal (JSON text). */
export function canon(value, shape, ctx) {
  if (isEmpty(value)) return null;
  switch (shape.kind) {
    case "record": return canonRecord(value, shape.fields, ctx);
    case "rule": return typeof value === "object" && !Array.isArray(value)
      ? { kind: ruleKind(value, shape), ...canonRecord(value, ruleFields(value, shape), ctx) } : value;
    case "list": case "opening_hours":
      return Array.isArray(value) ? value.map((item) => canon(item, shape.item, ctx)) : value;
    case "either":
      return typeof value === "object" && !Array.isArray(value) ? canon(value, shape.record, ctx) : value;
    case "text": case "body": case "keyword_or_text": return canonText(value, shape, ctx);
    case "boolean": return value === false ? null : value;
    case "number": return numberOf(typeof value === "number" ? String(value) : value);
    case "coordinates": return value && typeof value === "object" && "latitude" in value
      ? [Number(value.latitude), Number(value.longitude)] : value;
    default: return shape.markdown && typeof value === "string" ? value.trimEnd() : value;
  }
}

function canonRecord(value, fields, ctx) {
  if (typeof value !== "object" || Array.isArray(value)) return value;
  const out = {};
  for (const field of fields) {
    const item = canon(value[field.name], field.shape, ctx);
    if (item !== null) out[field.name] = item;
  }
  return out;
}

function canonText(value, shape, ctx) {
  if (typeof value === "string") return shape.kind === "body" ? { 0: value.trimEnd() } : { 0: value };
  if (typeof value !== "object" || Array.isArray(value)) return value;
  if (shape.kind === "keyword_or_text" && value.keyword) return { keyword: value.keyword };
  const out = {};
  for (const key of Object.keys(value).sort()) {
    if (key === "keyword" || isEmpty(value[key])) continue;
    // a body's end: the editor's Markdown input drops the file's last newline
    const markdown = shape.kind === "body" || shape.markdown;
    out[key] = markdown && typeof value[key] === "string" ? value[key].trimEnd() : value[key];
  }
  return out;
}

/** Whether two form values of a shape mean the same file value. */
export function same(a, b, shape, ctx) {
  return JSON.stringify(canon(a, shape, ctx)) === JSON.stringify(canon(b, shape, ctx));
}

export { isMap, isSeq, isScalar, keyOf, plain };
