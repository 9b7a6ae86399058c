/**
 * SCIM filters (RFC 7644 §3.4.2.2): a parser into a small tree, an evaluator over
 * resources as JSON, and a writer for clients. Attribute names and operators are
 * case-insensitive; string comparisons are too (Roster's attributes are all
 * `caseExact: false`). Bounded: at most {@link MAX_FILTER_LENGTH} characters and
 * {@link MAX_FILTER_DEPTH} levels of nesting, so a hostile filter costs a linear scan.
 */

export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

/** An attribute path: an optional schema URN, the attribute, an optional sub-attribute. */
export interface AttrPath {
  /** Lower-cased schema URN, `''` when the path names none. */
  schema: string;
  /** Lower-cased attribute name. */
  attr: string;
  /** Lower-cased sub-attribute name, `''` when none. */
  sub: string;
}

export type Filter =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; filters: Filter[] }
  | { kind: 'not'; filter: Filter }
  /** `emails[type eq "work" and value co "@example.com"]`. */
  | { kind: 'valuePath'; path: AttrPath; filter: Filter };

/** A filter that cannot be parsed; `at` is the character offset of the problem. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

const OPS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: '(' | ')' | '[' | ']'; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++;
    } else if (char === '(' || char === ')' || char === '[' || char === ']') {
      tokens.push({ type: char, at: i });
      i++;
    } else if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new FilterSyntaxError('a string is not closed', i);
      let value: string;
      try {
        value = JSON.parse(text.slice(i, j + 1)) as string;
      } catch {
        throw new FilterSyntaxError('a string has an invalid escape', i);
      }
      tokens.push({ type: 'string', value, at: i });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t\n\r()[]"'.includes(text[j]!)) j++;
      tokens.push({ type: 'word', text: text.slice(i, j), at: i });
      i = j;
    }
  }
  return tokens;
}

/** Splits `urn:…:User:name.givenName` into schema, attribute and sub-attribute. */
export function parseAttrPath(text: string): AttrPath {
  const lower = text.toLowerCase();
  const colon = lower.lastIndexOf(':');
  const schema = colon === -1 ? '' : lower.slice(0, colon);
  const rest = colon === -1 ? lower : lower.slice(colon + 1);
  const [attr = '', sub = ''] = rest.split('.', 2);
  return { schema, attr, sub };
}

const ATTR_PATH = /^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z$][\w$-]*(?:\.[A-Za-z$][\w$-]*)?$/;

class Parser {
  #i = 0;
  constructor(
    readonly tokens: Token[],
    readonly length: number,
  ) {}

  #peek(): Token | undefined {
    return this.tokens[this.#i];
  }

  #next(): Token {
    const token = this.tokens[this.#i++];
    if (!token) throw new FilterSyntaxError('the filter ends too early', this.length);
    return token;
  }

  #isWord(token: Token | undefined, word: string): boolean {
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  parse(): Filter {
    const filter = this.#or(0);
    const rest = this.#peek();
    if (rest) throw new FilterSyntaxError('unexpected text after the filter', rest.at);
    return filter;
  }

  #or(depth: number): Filter {
    const filters = [this.#and(depth)];
    while (this.#isWord(this.#peek(), 'or')) {
      this.#i++;
      filters.push(this.#and(depth));
    }
    return filters.length === 1 ? filters[0]! : { kind: 'or', filters };
  }

  #and(depth: number): Filter {
    const filters = [this.#unary(depth)];
    while (this.#isWord(this.#peek(), 'and')) {
      this.#i++;
      filters.push(this.#unary(depth));
    }
    return filters.length === 1 ? filters[0]! : { kind: 'and', filters };
  }

  #unary(depth: number): Filter {
    if (depth > MAX_FILTER_DEPTH) {
      throw new FilterSyntaxError(
        `nested more than ${MAX_FILTER_DEPTH} levels deep`,
        this.#peek()?.at ?? 0,
      );
    }
    const token = this.#next();
    if (token.type === '(') {
      const inner = this.#or(depth + 1);
      this.#expect(')');
      return inner;
    }
    if (this.#isWord(token, 'not')) {
      this.#expect('(');
      const inner = this.#or(depth + 1);
      this.#expect(')');
      return { kind: 'not', filter: inner };
    }
    if (token.type !== 'word' || !ATTR_PATH.test(token.text)) {
      throw new FilterSyntaxError('expected an attribute name', token.at);
    }
    const path = parseAttrPath(token.text);
    if (this.#peek()?.type === '[') {
      this.#i++;
      const inner = this.#or(depth + 1);
      this.#expect(']');
      return { kind: 'valuePath', path, filter: inner };
    }
    const op = this.#next();
    const name = op.type === 'word' ? op.text.toLowerCase() : '';
    if (name === 'pr') return { kind: 'present', path };
    if (!OPS.has(name)) {
      throw new FilterSyntaxError(
        'expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)',
        op.at,
      );
    }
    return { kind: 'compare', path, op: name as CompareOp, value: this.#value() };
  }

  #value(): FilterValue {
    const token = this.#next();
    if (token.type === 'string') return token.value;
    if (token.type === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(token.text)) return Number(token.text);
    }
    throw new FilterSyntaxError(
      'expected a value: a "string", a number, true, false or null',
      token.at,
    );
  }

  #expect(type: ')' | ']' | '('): void {
    const token = this.#next();
    if (token.type !== type) throw new FilterSyntaxError(`expected "${type}"`, token.at);
  }
}

/** Parses a filter; throws a {@link FilterSyntaxError} saying what is wrong and where. */
export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new FilterSyntaxError(`longer than ${MAX_FILTER_LENGTH} characters`, MAX_FILTER_LENGTH);
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new FilterSyntaxError('the filter is empty', 0);
  return new Parser(tokens, text.length).parse();
}

// ── evaluation ──────────────────────────────────────────────────────────────────────

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The member of `object` named `name`, case-insensitively. */
function member(object: Json, name: string): Json {
  if (!isObject(object)) return undefined;
  for (const [key, value] of Object.entries(object)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The container an attribute path starts in: the resource, or its extension object. */
function base(resource: Json, path: AttrPath): Json {
  if (!path.schema) return resource;
  const extension = member(resource, path.schema);
  // A core schema URN names the resource itself (`urn:…:core:2.0:User:userName`).
  return extension === undefined && path.schema.includes(':core:') ? resource : extension;
}

/** Every simple value at `path` (multi-valued attributes flattened). */
function valuesAt(resource: Json, path: AttrPath): Json[] {
  const top = member(base(resource, path), path.attr);
  const items = Array.isArray(top) ? top : top === undefined ? [] : [top];
  const out: Json[] = [];
  for (const item of items) {
    // A complex attribute without a sub-attribute compares its `value` (RFC 7644 §3.4.2.2).
    const value = path.sub ? member(item, path.sub) : isObject(item) ? member(item, 'value') : item;
    if (Array.isArray(value)) out.push(...value);
    else if (value !== undefined && value !== null) out.push(value);
  }
  return out;
}

function compare(actual: Json, op: CompareOp, expected: FilterValue): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = actual.toLowerCase();
    const b = expected.toLowerCase();
    switch (op) {
      case 'eq':
        return a === b;
      case 'ne':
        return a !== b;
      case 'co':
        return a.includes(b);
      case 'sw':
        return a.startsWith(b);
      case 'ew':
        return a.endsWith(b);
      case 'gt':
        return a > b;
      case 'ge':
        return a >= b;
      case 'lt':
        return a < b;
      case 'le':
        return a <= b;
    }
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (op === 'gt') return actual > expected;
    if (op === 'ge') return actual >= expected;
    if (op === 'lt') return actual < expected;
    if (op === 'le') return actual <= expected;
  }
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  return false;
}

/** Whether `resource` (SCIM JSON) matches `filter`. */
export function matchesFilter(resource: Json, filter: Filter): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.filters.every((part) => matchesFilter(resource, part));
    case 'or':
      return filter.filters.some((part) => matchesFilter(resource, part));
    case 'not':
      return !matchesFilter(resource, filter.filter);
    case 'present':
      return valuesAt(resource, filter.path).some((value) => value !== '');
    case 'valuePath': {
      const top = member(base(resource, filter.path), filter.path.attr);
      const items = Array.isArray(top) ? top : top === undefined ? [] : [top];
      return items.some((item) => matchesFilter(item, filter.filter));
    }
    case 'compare': {
      const values = valuesAt(resource, filter.path);
      if (filter.op === 'ne') return values.every((value) => compare(value, 'ne', filter.value));
      if (filter.op === 'eq' && filter.value === null) return values.length === 0;
      return values.some((value) => compare(value, filter.op, filter.value));
    }
  }
}

// ── writing ─────────────────────────────────────────────────────────────────────────

/** `attr op "value"` with the value quoted as JSON (quotes and backslashes escaped). */
export function compareText(attr: string, op: CompareOp, value: FilterValue): string {
  return `${attr} ${op} ${JSON.stringify(value)}`;
}

/** Joins filter texts with `and`/`or`, each in parentheses when there is more than one. */
export function joinFilters(kind: 'and' | 'or', parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  return parts.map((part) => `(${part})`).join(` ${kind} `);
}
