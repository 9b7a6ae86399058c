import { ValidationError, type RosterIssueCode } from '@roster/core';
import { jsonShapeProblem } from './json-shape.js';
import { HttpProblem } from './respond.js';
import { decodeUtf8 } from './utf8.js';

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(
    413,
    new ValidationError(
      `The request body is larger than ${limit} bytes. Send fewer items per request.`,
      [{ path: [], message: `body larger than ${limit} bytes`, code: 'too_big' }],
    ),
  );
}

function badBody(message: string, code: RosterIssueCode): HttpProblem {
  return new HttpProblem(
    400,
    new ValidationError(`Invalid request body: ${message}`, [{ path: [], message, code }]),
  );
}

/** Reads at most `limit` bytes of `request`'s body (no stream left half-read). */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The raw text and parsed JSON of a request body (`undefined` when there is none). */
export interface ReadBody {
  text: string;
  json: unknown;
}

/** Limits of {@link readJsonBody}. */
export interface BodyLimits {
  /** Most bytes (413 beyond). */
  maxBytes: number;
  /** Deepest nesting of arrays and objects (400 beyond), checked before parsing. */
  maxDepth: number;
  /** Most values (array items and object members) in the body (400 beyond), likewise. */
  maxValues: number;
}

/**
 * Reads a JSON request body: at most `maxBytes` (413 beyond), UTF-8 (400 otherwise, with
 * the offset of the first bad byte: nothing is stored as U+FFFD), `application/json` or
 * `+json` only (415 otherwise), nested at most `maxDepth` deep and holding at most
 * `maxValues` values (400 otherwise, found by a scan before `JSON.parse` runs),
 * well-formed (400 otherwise).
 */
export async function readJsonBody(request: Request, limits: BodyLimits): Promise<ReadBody> {
  const bytes = await readBytes(request, limits.maxBytes);
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    throw badBody(
      `byte ${decoded.invalidAt} is not UTF-8; send the body as UTF-8`,
      'invalid_encoding',
    );
  }
  const { text } = decoded;
  if (text.trim() === '') return { text, json: undefined };
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpProblem(
      415,
      new ValidationError('The request body must be JSON (Content-Type: application/json).', [
        { path: [], message: 'body is not JSON', code: 'invalid_type' },
      ]),
    );
  }
  const shape = jsonShapeProblem(text, limits);
  if (shape?.limit === 'depth') {
    throw badBody(
      `nested more than ${limits.maxDepth} levels deep (at character ${shape.at})`,
      'too_deep',
    );
  }
  if (shape?.limit === 'values') {
    throw badBody(
      `more than ${limits.maxValues} values (at character ${shape.at}); send fewer items per request`,
      'too_big',
    );
  }
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw badBody(`not well-formed JSON (${(error as Error).message})`, 'invalid_json');
  }
}
