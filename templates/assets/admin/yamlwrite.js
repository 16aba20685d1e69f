/* Writing YAML the way the editors' guide shows it.
 *
 * Block mappings; flow lists of ids and weekdays `[tue, thu]`; short texts in languages and
 * short cancelled days in flow `{fi: …, sv: …}`; times and phone numbers in double quotes;
 * `|` blocks for multi-line text; never a folded line, whatever its length; UTF-8 as it is.
 * Any text that PyYAML (YAML 1.1) could read as something else, or that YAML cannot hold
 * plainly, is quoted, so our loader reads back exactly the text the editor typed.
 *
 * A value to write is a small tree: {scalar, token, quote, multiline} | {seq, flow} |
 * {map: [[key, value], ...], flow} | {raw} (text kept verbatim from the file).
 */

// Longest flow line we choose for a new value (`title: {fi: …, sv: …, en: …}`); longer
// values are written in block style. Never a reason to break a line: we do not fold.
export const FLOW_WIDTH = 100;

// YAML 1.1 implicit types (PyYAML's resolver): a plain scalar like these is not read as text.
const TYPE_LIKE = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
  /^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/,
  /^(?:=|<<)$/,
];
// The editors' guide quotes times ("12:00-16:00") and phone numbers ("+358 40 …", "09 123").
const QUOTED_BY_STYLE = /^(?:\+|\d[^]*:|[\d ]*\d \d)/;
// Characters YAML does not allow unescaped (PyYAML's printable set) and lone surrogates.
const UNPRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|\p{Cs}/u;
const ESCAPES = { "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n",
  "\x0B": "\\v", "\f": "\\f", "\r": "\\r", "\x1B": "\\e", '"': '\\"', "\\": "\\\\",
  "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P" };

/** Whether a text can be written plain (unquoted) and be read back as the same text. */
export function plainSafe(text, inFlow, token) {
  if (text === "" || text !== text.trim() || /[\n\r\t\x85\u2028\u2029]/.test(text)) return false;
  if (UNPRINTABLE.test(text) || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/: |:$| #/.test(text) || (inFlow && /[,[\]{}]/.test(text))) return false;
  if (token) return true;  // a date, number, keyword or id: plain is its form
  return !TYPE_LIKE.some((pattern) => pattern.test(text)) && !QUOTED_BY_STYLE.test(text);
}

export function doubleQuoted(text) {
  let out = '"';
  for (const char of text) {
    if (char in ESCAPES) out += ESCAPES[char];
    else if (UNPRINTABLE.test(char)) {
      const code = char.codePointAt(0);
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}`
        : `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += char;
  }
  return `${out}"`;
}

function singleQuotable(text) {
  return !/[\n\r\t\x85\u2028\u2029]/.test(text) && !UNPRINTABLE.test(text) && text === text.trim();
}

/** A `|` block can hold this text exactly (its first line sets the indentation). */
function literalOk(text, always = false) {
  const first = text.split("\n").find((line) => line !== "");
  return (always || text.includes("\n")) && first !== undefined && !/^[ \t]/.test(first)
    && !/[\r\x85\u2028\u2029]/.test(text) && !UNPRINTABLE.test(text.replace(/\t/g, ""));
}

/** A scalar's text on one line (in a mapping or a flow collection). */
function scalarInline(value, inFlow) {
  const text = value.scalar;
  if (value.quote === "double") return doubleQuoted(text);
  if (value.quote === "single" && singleQuotable(text)) return `'${text.replace(/'/g, "''")}'`;
  return plainSafe(text, inFlow, value.token) ? text : doubleQuoted(text);
}

function isLiteral(value) {
  return "scalar" in value && value.multiline && literalOk(value.scalar, value.literal);
}

/** The value on one line, or null when it needs lines of its own. */
export function inline(value, inFlow = false) {
  if ("raw" in value) return value.raw.includes("\n") ? null : value.raw;
  if ("scalar" in value) return isLiteral(value) ? null : scalarInline(value, inFlow);
  const parts = [];
  for (const item of value.seq || value.map) {
    const text = value.seq ? inline(item, true) : inline(item[1], true);
    if (text === null) return null;
    parts.push(value.seq ? text : `${item[0]}: ${text}`);
  }
  return value.seq ? `[${parts.join(", ")}]` : `{${parts.join(", ")}}`;
}

/** Whether a collection fits on one flow line of at most FLOW_WIDTH characters. */
export function fitsFlow(value, keyLength = 0) {
  const text = inline(value, true);
  return text !== null && keyLength + text.length <= FLOW_WIDTH;
}

function pad(col) { return " ".repeat(col); }

function literal(text, col) {
  const trailing = text.length - text.replace(/\n+$/, "").length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lines = (trailing === 0 ? text : text.slice(0, -1)).split("\n");
  return `|${chomp}` + lines.map((line) => "\n" + (line === "" ? "" : pad(col) + line)).join("");
}

/** `key: value` starting at column col (its first line not indented: the caller is there). */
export function pairText(key, value, col) {
  if ("raw" in value) return `${key}: ${value.raw}`;
  if (isLiteral(value)) return `${key}: ${literal(value.scalar, col + 2)}`;
  const flat = value.flow || "scalar" in value ? inline(value) : null;
  if (flat !== null) return `${key}: ${flat}`;
  if ("scalar" in value) return `${key}: ${scalarInline(value, false)}`;
  if (value.map) {
    return `${key}:` + value.map.map(([k, v]) => `\n${pad(col + 2)}${pairText(k, v, col + 2)}`).join("");
  }
  return `${key}:` + value.seq.map((item) => `\n${pad(col + 2)}${itemText(item, col + 2)}`).join("");
}

/** `- value` with its dash at column col. */
export function itemText(value, col) {
  if (isLiteral(value)) return `- ${literal(value.scalar, col + 2)}`;
  const flat = value.flow || "scalar" in value || "raw" in value ? inline(value) : null;
  if (flat !== null) return `- ${flat}`;
  if (value.map) {
    return "- " + value.map.map(([k, v], i) => (i ? `\n${pad(col + 2)}` : "")
      + pairText(k, v, col + 2)).join("");
  }
  return "- " + value.seq.map((item, i) => (i ? `\n${pad(col + 2)}` : "") + itemText(item, col + 2)).join("");
}

/** A whole mapping at column col, each pair on its lines, ending with a newline. */
export function mappingText(entries, col = 0) {
  return entries.map(([key, value]) => pad(col) + pairText(key, value, col) + "\n").join("");
}
