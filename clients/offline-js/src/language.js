// The narrative language check, as the server runs it (app/rules/language.py), from a bundle's data.
//
// A language rule's terms arrive as the one regular expression the server compiles, in Python
// syntax. Python's `\w` is Unicode-aware (letters, digits, underscore of any script); JavaScript's
// is ASCII-only even with the `u` flag, so `\w`/`\W` are rewritten to Unicode property classes, and
// `(?P<name>` to `(?<name>`. Anything else in a pattern must mean the same in both dialects: the
// conformance kit's language cases are what show it does.

const WORD_CLASS = '[\\p{L}\\p{N}_]';
const NOT_WORD_CLASS = '[^\\p{L}\\p{N}_]';

/** A Python `re` pattern as an ECMAScript (`u` flag) one, for the constructs bundles use. */
export function pythonToEcmascript(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'w') out += inClass ? '\\p{L}\\p{N}_' : WORD_CLASS;
      else if (next === 'W' && !inClass) out += NOT_WORD_CLASS;
      else if (next === 'W') throw new Error('\\W inside a character class is not supported');
      else if (next === '-' ) out += inClass ? '\\-' : '-';
      else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') { out += '^'; i++; }
      if (pattern[i + 1] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    out += c;
  }
  return out;
}

/** Compiles a bundle's language constants and rules once. */
export class LanguageMatcher {
  constructor(language, rules) {
    this.negators = new Set(language.negators);
    this.notNegatingNext = new Set(language.not_negating_next);
    this.window = language.negation_window;
    this.words = language.negation_words;
    this.maxDetails = language.max_details_per_rule;
    this.clauseEnd = new RegExp(pythonToEcmascript(language.clause_end), 'u');
    this.word = new RegExp(pythonToEcmascript(language.word), 'gu');
    this.paths = language.free_text_paths;
    this.rules = new Map();
    for (const rule of rules) {
      if (rule.kind !== 'language') continue;
      const flags = 'gu' + (rule.regex.flags.includes('i') ? 'i' : '');
      const terms = new Map(rule.term_groups.map((group, i) => [group, rule.terms[i]]));
      this.rules.set(rule.id, {
        regex: new RegExp(pythonToEcmascript(rule.regex.pattern), flags),
        terms,
        excluded: new Set(rule.exclude_fields ?? []),
        only: new Set(rule.only_fields ?? []), // if not empty, the only fields the rule scans
      });
    }
  }

  /** app/rules/language.py is_negated. */
  isNegated(text, start) {
    const before = text.slice(Math.max(0, start - this.window), start);
    const lower = before.toLowerCase();
    if (lower.endsWith('non-') || lower.endsWith('non ')) return true;
    const clauses = before.split(this.clauseEnd);
    const clause = clauses[clauses.length - 1];
    const words = (clause.match(this.word) ?? []).map((w) => w.toLowerCase()).slice(-this.words);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (this.negators.has(word) || word.replaceAll('\u2019', "'").endsWith("n't")) {
        const following = i + 1 < words.length ? words[i + 1] : '';
        if (!this.notNegatingNext.has(following)) return true;
      }
    }
    return false;
  }

  /** Every non-empty free-text value with its path, in the server's order (app/rules/shape.py). */
  freeText(data) {
    const found = [];
    const stack = [[data, this.paths, '']];
    const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    while (stack.length) {
      const [node, here, where] = stack.pop();
      if (!isObject(node)) continue;
      for (const name of here.fields) {
        const value = node[name];
        if (typeof value === 'string' && value) found.push([where ? `${where}.${name}` : name, value]);
      }
      for (const child of [...here.children].reverse()) {
        const value = node[child.name];
        if (!value || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) continue;
        const path = where ? `${where}.${child.name}` : child.name;
        if (!child.list) {
          stack.push([value, child.below, path]);
        } else if (child.below.fields.length === 1 && child.below.fields[0] === '') {
          if (Array.isArray(value)) value.forEach((item, i) => { if (typeof item === 'string' && item) found.push([`${path}[${i}]`, item]); });
        } else if (Array.isArray(value)) {
          for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], child.below, `${path}[${i}]`]);
        }
      }
    }
    return found;
  }

  /** Outcomes and details of the applicable language rules (app/rules/language.py scan). */
  scan(ruleIds, facts) {
    const found = new Map(ruleIds.map((id) => [id, []]));
    const scanned = new Set();
    for (const [path, text] of this.freeText(facts)) {
      const where = path.replace(/\[\d+\]/g, '[]');
      for (const id of ruleIds) {
        const rule = this.rules.get(id);
        if (rule.excluded.has(where) || (rule.only.size && !rule.only.has(where))) continue;
        scanned.add(id);
        const details = found.get(id);
        rule.regex.lastIndex = 0;
        for (const match of text.matchAll(rule.regex)) {
          const group = Object.keys(match.groups ?? {}).find((g) => match.groups[g] !== undefined);
          const term = rule.terms.get(group);
          if (term.negatable && this.isNegated(text, match.index)) continue;
          if (details.length < this.maxDetails) details.push({ path, text: match[0], suggestion: term.suggestion });
        }
      }
    }
    const result = new Map();
    for (const [id, details] of found) {
      result.set(id, details.length ? details : scanned.has(id) ? 'met' : 'not_applicable');
    }
    return result;
  }
}
