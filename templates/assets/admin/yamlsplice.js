/* Saving an edited entry by changing only what the editor changed, in the file's own text.
 *
 * The file is compared with the form field by field, in form shape (formvalues.js). A field
 * whose value is the same keeps its bytes: its quotes, flow or block style, comments, blank
 * lines. A changed field inside a block mapping or list is followed down to the smallest
 * changed part, and only that part's lines are written anew (yamlwrite.js); a field the
 * editor emptied is removed with its lines; a new field goes where the schema orders it.
 * Edits are made on the text by the positions the YAML parser gives each node, so nothing
 * else is written again (a library's re-serialisation would re-indent, re-quote, re-flow).
 */

import { isEmpty, isMap, isSeq, pairsOf, ruleFields, same } from "./formvalues.js";
import { fileValue, itemsFlow } from "./filevalues.js";
import { itemText, pairText } from "./yamlwrite.js";

const pad = (col) => " ".repeat(col);

/** Edits to a YAML text, applied together (positions are the original text's). */
export class Splicer {
  constructor(source, ctx) {
    this.source = source;
    this.ctx = { ...ctx, source };
    this.edits = [];
  }

  edit(start, end, text) { this.edits.push({ start, end, text, order: this.edits.length }); }

  /** The text with every edit made (later positions first, so earlier ones stay valid). */
  result() {
    let text = this.source;
    const edits = [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
    let limit = Infinity;
    for (const { start, end, text: piece } of edits) {
      // two edits of one stretch of text would garble it: stop rather than write that
      if (end > limit) throw new Error("the editor changed one part of the file twice: please report this");
      text = text.slice(0, start) + piece + text.slice(end);
      limit = start;
    }
    return text;
  }

  lineStart(offset) { return this.source.lastIndexOf("\n", offset - 1) + 1; }
  lineEnd(offset) {
    const end = this.source.indexOf("\n", offset);
    return end < 0 ? this.source.length : end;
  }
  col(offset) { return offset - this.lineStart(offset); }
  /** Whether only spaces stand before this position on its line. */
  startsLine(offset) { return /^ *$/.test(this.source.slice(this.lineStart(offset), offset)); }

  /** Where a node's content ends (before trailing spaces, newlines and comments). */
  contentEnd(node) {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
      const last = node.items[node.items.length - 1];
      return "key" in last ? this.pairEnd(last) : this.contentEnd(last);
    }
    const [start, end] = node.range;
    return start + this.source.slice(start, end).trimEnd().length;
  }

  pairEnd(pair) {
    const value = pair.value;
    if (value && value.range && value.range[1] > value.range[0]) return this.contentEnd(value);
    return this.source.indexOf(":", pair.key.range[1]) + 1;
  }

  /** The end of the line an item or pair ends on, and the comment after it there (if any). */
  tail(end) {
    const eol = this.lineEnd(Math.max(end - 1, 0));
    const rest = this.source.slice(end, eol);
    return { eol, comment: /^\s+#/.test(rest) ? rest : "" };
  }

  /** Insert whole lines at a line start (or at the end of a text without a last newline). */
  insertLines(at, text) {
    if (at >= this.source.length && this.source && !this.source.endsWith("\n")) {
      this.edit(at, at, "\n" + text.replace(/\n$/, ""));
    } else this.edit(at, at, text);
  }

  // -- mappings -------------------------------------------------------------------------------

  /** Bring a block mapping from `old` to `neu` (form values of these fields). Returns false
   * when nothing of it would stay (the caller writes the whole value anew). */
  patchMap(map, fields, old, neu) {
    const pairs = pairsOf(map);
    const changes = [];
    for (const field of fields) {
      const o = old ? old[field.name] : undefined;
      const n = neu ? neu[field.name] : undefined;
      if (same(o, n, field.shape, this.ctx)) continue;
      const pair = pairs.get(field.name);
      const keepFalse = field.shape.kind === "boolean" && n === false && pair;
      changes.push({ field, pair, o, n, remove: Boolean(pair) && isEmpty(n) && !keepFalse });
    }
    if (!changes.length) return true;
    const removed = new Set(changes.filter((c) => c.remove).map((c) => c.pair));
    const surviving = map.items.filter((pair) => !removed.has(pair));
    if (!surviving.length) return false;
    const col = this.col(map.items[0].key.range[0]);
    this.removePairs(map, removed);
    for (const change of changes) {
      if (change.remove) continue;
      if (change.pair) this.patchValue(change.pair, change.field, change.o, change.n, col);
      else this.insertPair(map, fields, surviving, change.field, change.n, col);
    }
    return true;
  }

  removePairs(map, removed) {
    let covered = -1;  // pairs up to this index went with the first pair of a list item
    map.items.forEach((pair, index) => {
      if (!removed.has(pair) || index < covered) return;
      const start = pair.key.range[0];
      if (this.startsLine(start)) {
        const { eol } = this.tail(this.pairEnd(pair));
        this.edit(this.lineStart(start), Math.min(eol + 1, this.source.length), "");
      } else {
        // the first pair of a list item (`- id: …`): the next kept pair moves up to the dash
        covered = map.items.findIndex((other, i) => i > index && !removed.has(other));
        this.edit(start, map.items[covered].key.range[0], "");
      }
    });
  }

  insertPair(map, fields, surviving, field, form, col) {
    const where = { name: field.name, inRule: isRule(fields) };
    const value = fileValue(form, field.shape, undefined, this.ctx, where);
    if (value === undefined) return;
    const rank = (pair) => fields.findIndex((f) => f.name === String(pair.key.value));
    const mine = fields.indexOf(field);
    const before = surviving.filter((pair) => rank(pair) >= 0 && rank(pair) < mine).pop();
    const text = pairText(field.name, value, col);
    if (before) {
      this.insertLines(this.tail(this.pairEnd(before)).eol + 1, pad(col) + text + "\n");
    } else {
      // first of all: on the dash of a list item (where a removed first pair stood), else on
      // the line before the first pair
      const first = map.items[0].key.range[0];
      if (!this.startsLine(first)) this.edit(first, first, text + "\n" + pad(col));
      else this.insertLines(this.lineStart(surviving[0].key.range[0]), pad(col) + text + "\n");
    }
  }

  patchValue(pair, field, old, neu, col) {
    const value = pair.value;
    const shape = field.shape;
    const block = (node) => node && !node.flow && node.items && node.items.length;
    if (isMap(value) && block(value) && neu && typeof neu === "object" && !Array.isArray(neu)) {
      const fields = recordFields(shape, old, neu, this.ctx);
      if (fields && this.patchMap(value, fields.fields, fields.view(old), fields.view(neu))) return;
    }
    const listed = shape.kind === "list" || shape.kind === "opening_hours";
    if (isSeq(value) && block(value) && Array.isArray(neu) && listed) {
      this.patchSeq(value, shape.item, Array.isArray(old) ? old : [], neu);
      return;
    }
    const where = { name: field.name, had: true, inRule: field.inRule };
    const written = fileValue(neu, shape, value, this.ctx, where);
    const start = pair.key.range[0];
    const end = this.pairEnd(pair);
    const { eol, comment } = this.tail(end);
    const text = pairText(this.source.slice(start, pair.key.range[1]), written, col);
    const oneLine = !text.includes("\n") && this.lineStart(end - 1) === this.lineStart(start);
    this.edit(start, eol, text + (oneLine ? comment : ""));
  }

  // -- lists ------------------------------------------------------------------------------------

  /** Bring a block list from `old` to `neu`: the same items at its start and end stay; those
   * between are changed in place one for one, and the rest removed or added. */
  patchSeq(seq, item, old, neu) {
    const items = seq.items;
    let head = 0;
    while (head < old.length && head < neu.length && same(old[head], neu[head], item, this.ctx)) head += 1;
    let tail = 0;
    while (tail < old.length - head && tail < neu.length - head
      && same(old[old.length - 1 - tail], neu[neu.length - 1 - tail], item, this.ctx)) tail += 1;
    const oldMiddle = old.length - head - tail;
    const newMiddle = neu.length - head - tail;
    const paired = Math.min(oldMiddle, newMiddle);
    const dashCol = this.col(this.dashOf(items[0]));
    const flow = itemsFlow(seq);
    for (let k = 0; k < paired; k += 1) {
      this.patchItem(items[head + k], item, old[head + k], neu[head + k], dashCol, flow);
    }
    for (let k = paired; k < oldMiddle; k += 1) this.removeItem(items[head + k]);
    const added = neu.slice(head + paired, head + newMiddle)
      .map((form) => fileValue(form, item, undefined, this.ctx, { flow }))
      .filter((value) => value !== undefined)
      .map((value) => pad(dashCol) + itemText(value, dashCol) + "\n").join("");
    if (!added) return;
    const after = items[head + paired - 1];
    const at = after ? this.tail(this.contentEnd(after)).eol + 1 : this.lineStart(this.dashOf(items[0]));
    this.insertLines(at, added);
  }

  dashOf(node) { return this.source.lastIndexOf("-", node.range[0]); }

  patchItem(node, shape, old, neu, dashCol, flow) {
    if (isEmpty(neu)) { this.removeItem(node); return; }
    if (isMap(node) && !node.flow && neu && typeof neu === "object" && !Array.isArray(neu)) {
      const fields = recordFields(shape, old, neu, this.ctx);
      if (fields && this.patchMap(node, fields.fields, fields.view(old), fields.view(neu))) return;
    }
    const written = fileValue(neu, shape, node, this.ctx, { flow });
    const end = this.contentEnd(node);
    const { eol, comment } = this.tail(end);
    const text = itemText(written, dashCol).slice(2);
    const oneLine = !text.includes("\n") && this.lineStart(end - 1) === this.lineStart(node.range[0]);
    this.edit(node.range[0], eol, text + (oneLine ? comment : ""));
  }

  removeItem(node) {
    const { eol } = this.tail(this.contentEnd(node));
    this.edit(this.lineStart(this.dashOf(node)), Math.min(eol + 1, this.source.length), "");
  }
}

function isRule(fields) { return fields.some((field) => field.name === "weekly"); }

/** The fields a block mapping of this shape has in the form, and the view of a form value
 * on them (a rule's view leaves out the other kinds' fields; a text's fields are languages). */
export function recordFields(shape, old, neu, ctx) {
  const identity = (form) => form;
  switch (shape.kind) {
    case "record": return { fields: shape.fields, view: identity };
    case "either": return { fields: shape.record.fields, view: identity };
    case "rule": {
      const fields = shape.record.fields.map((field) => ({ ...field, inRule: true }));
      const view = (form) => {
        if (!form || typeof form !== "object") return form;
        const kept = new Set(ruleFields(form, shape).map((field) => field.name));
        return Object.fromEntries(Object.entries(form).filter(([name]) => kept.has(name)));
      };
      return { fields, view };
    }
    case "text": case "body": case "keyword_or_text": {
      if ((neu && neu.keyword) || (old && old.keyword)) return null;
      const markdown = shape.kind === "body" || Boolean(shape.markdown);
      const names = [...new Set([...ctx.languages, ...Object.keys(old || {}), ...Object.keys(neu || {})])]
        .filter((name) => name !== "keyword");
      const block = shape.kind === "body";
      const language = { kind: "string", markdown, block };
      const fields = names.map((name) => ({ name, shape: language, required: false }));
      return { fields, view: identity };
    }
    default: return null;
  }
}
