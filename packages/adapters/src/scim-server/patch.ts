import { ValidationError } from '@roster/core';
import { HttpProblem } from '../rest-server/respond.js';
import {
  FilterSyntaxError,
  matchesFilter,
  parseAttrPath,
  parseFilter,
  type Filter,
} from '../scim/wire/filter.js';

/**
 * SCIM `PATCH` operations (RFC 7644 §3.5.2) applied to a resource as JSON: `add`,
 * `replace` and `remove`, with or without a `path`; paths name an attribute, a
 * sub-attribute (`name.givenName`), an extension's attribute (`urn:…:User:notes`), or
 * values of a multi-valued attribute by a filter (`emails[type eq "work"].value`).
 * Operation names are case-insensitive (Entra ID sends `Replace`). The handler then reads
 * the Roster fields from the result, so every way of saying a change means one thing.
 */

type Json = Record<string, unknown>;

/** One operation as sent. */
export interface RawOperation {
  op: string;
  path?: string | undefined;
  value?: unknown;
}

function invalid(message: string, scimType: string, index: number): HttpProblem {
  return new HttpProblem(
    400,
    new ValidationError(
      `Invalid PATCH: operation ${index}: ${message}`,
      [{ path: ['Operations', index], message, code: 'invalid' }],
      { details: { scimType } },
    ),
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key of `object` spelled like `name` case-insensitively, or `name` itself. */
function keyOf(object: Json, name: string): string {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower) ?? name;
}

interface Target {
  /** The object holding the attribute (the resource or an extension object). */
  container: Json;
  attr: string;
  filter: Filter | null;
  sub: string;
}

/** Parses a path like `emails[type eq "work"].value` against `resource`. */
function targetOf(resource: Json, path: string, index: number, create: boolean): Target {
  const open = path.indexOf('[');
  let head = path;
  let filter: Filter | null = null;
  let sub = '';
  if (open !== -1) {
    const close = path.lastIndexOf(']');
    if (close < open) throw invalid(`the path "${path}" has an unclosed "["`, 'invalidPath', index);
    head = path.slice(0, open);
    try {
      filter = parseFilter(path.slice(open + 1, close));
    } catch (error) {
      if (error instanceof FilterSyntaxError) {
        throw invalid(
          `the filter in "${path}" is not valid: ${error.message}`,
          'invalidPath',
          index,
        );
      }
      throw error;
    }
    sub = path.slice(close + 1).replace(/^\./, '');
  }
  const parsed = parseAttrPath(head);
  if (!parsed.attr) throw invalid(`"${path}" is not an attribute path`, 'invalidPath', index);
  let container = resource;
  if (parsed.schema && !parsed.schema.includes(':core:')) {
    const key = keyOf(resource, head.slice(0, head.lastIndexOf(':')));
    if (!isObject(resource[key])) {
      if (!create) return { container: {}, attr: parsed.attr, filter, sub: sub || parsed.sub };
      resource[key] = {};
    }
    container = resource[key] as Json;
  }
  // The attribute as the path spells it (a new member keeps the schema's spelling, e.g. `phoneNumbers`).
  const spelled = head.slice(head.lastIndexOf(':') + 1).split('.')[0]!;
  return {
    container,
    attr: keyOf(container, spelled),
    filter,
    sub: (sub || parsed.sub).toLowerCase(),
  };
}

function setSub(item: unknown, sub: string, value: unknown): unknown {
  const object = isObject(item) ? { ...item } : {};
  object[keyOf(object, sub)] = value;
  return object;
}

function applyOne(resource: Json, operation: RawOperation, index: number): void {
  const op = operation.op.toLowerCase();
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw invalid(
      `"${operation.op}" is not an operation (add, replace, remove)`,
      'invalidSyntax',
      index,
    );
  }
  if (!operation.path) {
    if (op === 'remove') throw invalid('remove needs a path', 'noTarget', index);
    if (!isObject(operation.value))
      throw invalid('without a path, value must be an object', 'invalidValue', index);
    for (const [name, value] of Object.entries(operation.value)) {
      if (
        name.toLowerCase().startsWith('urn:') &&
        isObject(value) &&
        !name.toLowerCase().includes(':core:')
      ) {
        const key = keyOf(resource, name);
        resource[key] = { ...(isObject(resource[key]) ? resource[key] : {}), ...value };
      } else applyOne(resource, { op, path: name, value }, index);
    }
    return;
  }
  const target = targetOf(resource, operation.path, index, op !== 'remove');
  const current = target.container[target.attr];
  if (target.filter) {
    const filter = target.filter;
    if (!Array.isArray(current)) {
      if (op === 'remove') return;
      throw invalid(`no value matches "${operation.path}"`, 'noTarget', index);
    }
    if (op === 'remove') {
      target.container[target.attr] = target.sub
        ? current.map((item) =>
            matchesFilter(item, filter) && isObject(item)
              ? { ...item, [keyOf(item, target.sub)]: undefined }
              : item,
          )
        : current.filter((item) => !matchesFilter(item, filter));
      return;
    }
    const matched = current.some((item) => matchesFilter(item, filter));
    target.container[target.attr] = matched
      ? current.map((item) =>
          matchesFilter(item, filter)
            ? target.sub
              ? setSub(item, target.sub, operation.value)
              : operation.value
            : item,
        )
      : [...current, target.sub ? setSub({}, target.sub, operation.value) : operation.value];
    return;
  }
  if (target.sub) {
    if (op === 'remove') {
      if (isObject(current)) delete current[keyOf(current, target.sub)];
      return;
    }
    target.container[target.attr] = setSub(current, target.sub, operation.value);
    return;
  }
  if (op === 'remove') {
    delete target.container[target.attr];
    return;
  }
  if (op === 'add' && Array.isArray(current)) {
    const added = Array.isArray(operation.value) ? operation.value : [operation.value];
    target.container[target.attr] = [...current, ...added];
    return;
  }
  target.container[target.attr] = operation.value;
}

/** `resource` (a deep copy) with `operations` applied in order. */
export function applyPatch(resource: Json, operations: readonly RawOperation[]): Json {
  const copy = structuredClone(resource);
  operations.forEach((operation, index) => applyOne(copy, operation, index));
  return copy;
}
