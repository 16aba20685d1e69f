/* From the form's values to the values a file holds (yamlwrite.js's trees), in the file's
 * own ways of writing them: a text with only its first language plain, one time or one
 * monthly day or one date as a single value, a cancelled day with no note as a date, a
 * range of one day as that day, coordinates as [lat, lon]. `hint` is the value's node in the
 * file before the edit, when there was one: a changed value keeps its style (flow or block,
 * quotes) where it can.
 */

import { isEmpty, isMap, isSeq, isScalar, pairsOf, keyOf, ruleFields } from "./formvalues.js";
import { fitsFlow } from "./yamlwrite.js";

// In a schedule rule these are written as a single value when there is one (`time:
// "10:00-12:00"`, `monthly: 2nd mon`, `date: 2026-12-24`); weekly stays a list: `[wed]`.
const SINGLE_WHEN_ONE = new Set(["time", "monthly", "date"]);
// Records written in flow style when short, as the editors' guide shows opening hours.
const FLOW_RECORDS = new Set(["opening_hours"]);
// Texts in languages written on one flow line when short, as the guide writes names and
// titles: `title: {fi: Olohuone, sv: Vardagsrummet}`; other texts are block mappings.
const FLOW_TEXTS = new Set(["name", "title"]);
const TOKEN_KINDS = new Set(["date", "number", "boolean", "term", "choice", "weekday", "reference"]);

function quoteOf(hint) {
  if (!hint || !isScalar(hint)) return undefined;
  return hint.type === "QUOTE_DOUBLE" ? "double" : hint.type === "QUOTE_SINGLE" ? "single" : undefined;
}

function scalar(text, shape, hint, multiline = false, source = undefined) {
  const value = { scalar: String(text), token: TOKEN_KINDS.has(shape.kind), quote: quoteOf(hint), multiline };
  if (!multiline || typeof text !== "string") return value;
  // a text the file wrote as a `|` block stays one, with its chomping (`|-`: no last newline)
  const header = hint && hint.type === "BLOCK_LITERAL" && source !== undefined
    ? /^\|[1-9]?([-+]?)/.exec(source.slice(hint.range[0])) : null;
  if (header && header[1] === "-") return { ...value, scalar: text.replace(/\n+$/, ""), literal: true };
  // a multi-line Markdown text ends with a newline, as a `|` block does (the form drops it)
  if ((header || text.includes("\n")) && !text.endsWith("\n")) value.scalar += "\n";
  return value;
}

function styled(value, hint, preferFlow, keyLength) {
  if (hint && (isMap(hint) || isSeq(hint)) && hint.items.length) value.flow = Boolean(hint.flow);
  else value.flow = preferFlow && fitsFlow(value, keyLength);
  if (value.flow && !fitsFlow(value, -Infinity)) value.flow = false;  // a `|` block inside
  return value;
}

/** The file value of a form value (undefined when it is empty: the field is left out). */
export function fileValue(form, shape, hint, ctx, where = {}) {
  if (isEmpty(form) || (form === false && !where.had)) return undefined;
  if (form === false) return scalar("false", shape, hint);  // the file said true: now false
  const key = (where.name || "").length + 2;
  switch (shape.kind) {
    case "record": return recordValue(form, shape.fields, hint, ctx, FLOW_RECORDS.has(shape.record), key);
    case "rule":
      return recordValue(form, ruleFields(form, shape), hint, ctx, false, key, shape.record.fields);
    case "list": case "opening_hours": return listValue(form, shape, hint, ctx, where, key);
    case "either": return eitherValue(form, shape, hint, ctx, where, key);
    case "text": return textValue(form, shape, hint, ctx, key, FLOW_TEXTS.has(where.name));
    case "body": return textValue(asBlocks(form), { markdown: true }, hint, ctx, key, false, true);
    case "keyword_or_text":
      if (form && form.keyword) return scalar(form.keyword, { kind: "term" }, hint);
      return textValue(form, { markdown: false }, hint, ctx, key, false);
    case "coordinates":
      if (form && typeof form === "object" && "latitude" in form) {
        return { seq: [form.latitude, form.longitude].map((n) => scalar(n, { kind: "number" })), flow: true };
      }
      return { raw: JSON.stringify(form) };
    default:
      if (typeof form === "object") return { raw: JSON.stringify(form) };
      if (shape.block && typeof form === "string") return scalar(`${form.trimEnd()}\n`, shape, hint, true);
      return scalar(form, shape, hint, Boolean(shape.markdown), ctx.source);
  }
}

function recordValue(form, fields, hint, ctx, preferFlow, keyLength, allFields = fields) {
  if (typeof form !== "object" || Array.isArray(form)) return { raw: JSON.stringify(form) };
  const old = pairsOf(hint);
  const inRule = allFields.some((field) => field.name === "weekly");
  const entries = [];
  for (const field of fields) {
    const pair = old.get(field.name);
    const value = fileValue(form[field.name], field.shape, pair && pair.value, ctx,
      { name: field.name, had: Boolean(pair), inRule });
    if (value !== undefined) entries.push([field.name, value]);
  }
  // keys the form does not know, as the file wrote them (when on one line; else dropped)
  const known = new Set(allFields.map((field) => field.name));
  for (const pair of isMap(hint) ? hint.items : []) {
    const name = keyOf(pair);
    if (known.has(name) || !pair.value || !pair.value.range || ctx.source === undefined) continue;
    const text = ctx.source.slice(pair.value.range[0], pair.value.range[1]).trim();
    if (text && !text.includes("\n")) entries.push([name, { raw: text }]);
  }
  if (!entries.length) return undefined;
  return styled({ map: entries }, hint, preferFlow, keyLength);
}

function listValue(form, shape, hint, ctx, where, keyLength) {
  if (!Array.isArray(form)) return fileValue(form, shape.item, hint, ctx, where);
  const olds = isSeq(hint) ? hint.items : [];
  const flow = itemsFlow(hint);
  const items = form.map((item, i) => fileValue(item, shape.item, olds[i], ctx, { flow }))
    .filter((item) => item !== undefined);
  if (!items.length) return undefined;
  const single = where.inRule && SINGLE_WHEN_ONE.has(where.name) && items.length === 1
    && "scalar" in items[0];
  if (single && (!hint || isScalar(hint))) return items[0];
  const kind = shape.item.kind;
  const flowItems = kind !== "record" && kind !== "rule" && kind !== "opening_hours";
  return styled({ seq: items }, hint, flowItems, keyLength);
}

/** Whether a list's new mapping items are written in flow style: as its other mapping items
 * are; in a block list of dates, in block style; in a new or flow list, in flow when short. */
export function itemsFlow(hint) {
  const sibling = isSeq(hint) ? hint.items.find(isMap) : undefined;
  if (sibling) return Boolean(sibling.flow);
  return !(isSeq(hint) && !hint.flow && hint.items.length);
}

function eitherValue(form, shape, hint, ctx, where, keyLength) {
  if (typeof form !== "object" || Array.isArray(form)) return fileValue(form, shape.scalar, hint, ctx);
  const value = form[shape.scalar_field];
  // only the scalar field (and its copies in the other required fields): the plain form
  const plainForm = shape.record.fields.every((field) => field.name === shape.scalar_field
    || isEmpty(form[field.name])
    || (field.required && field.shape.kind === shape.scalar.kind && form[field.name] === value));
  if (plainForm && !isEmpty(value) && !(hint && isMap(hint))) return scalar(value, shape.scalar, hint);
  const record = recordValue(form, shape.record.fields, isMap(hint) ? hint : undefined, ctx,
    where.flow !== false, keyLength);
  return record;
}

// A body's languages in the front matter are `|` blocks, however short.
function asBlocks(form) {
  if (!form || typeof form !== "object") return form;
  return Object.fromEntries(Object.entries(form).map(([lang, text]) =>
    [lang, typeof text === "string" && text.trim() ? `${text.trimEnd()}\n` : text]));
}

function textValue(form, shape, hint, ctx, keyLength, preferFlow, always = false) {
  const languages = typeof form === "string" ? { [ctx.languages[0]]: form } : form;
  if (typeof languages !== "object" || Array.isArray(languages)) return { raw: JSON.stringify(form) };
  const keys = [...ctx.languages.filter((lang) => lang in languages),
    ...Object.keys(languages).filter((lang) => !ctx.languages.includes(lang) && lang !== "keyword")]
    .filter((lang) => !isEmpty(languages[lang]));
  if (!keys.length) return undefined;
  const oldPairs = pairsOf(hint);
  if (!always && keys.length === 1 && keys[0] === ctx.languages[0] && !isMap(hint)) {
    return scalar(languages[keys[0]], { kind: "string" }, hint, shape.markdown, ctx.source);
  }
  const entries = keys.map((lang) => [lang, scalar(languages[lang], { kind: "string" },
    oldPairs.get(lang) && oldPairs.get(lang).value, shape.markdown, ctx.source)]);
  const oneLine = entries.every(([, v]) => !v.scalar.includes("\n"));
  const flow = preferFlow && oneLine && !shape.markdown;
  return styled({ map: entries }, isMap(hint) ? hint : undefined, flow, keyLength);
}
