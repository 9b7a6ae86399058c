import { ValidationError, type RosterIssueCode } from '@roster/core';
import { HttpProblem } from './respond.js';

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

/** Reads at most `limit` bytes of `request`'s body as text (no stream left half-read). */
async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
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
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** The raw text and parsed JSON of a request body (`undefined` when there is none). */
export interface ReadBody {
  text: string;
  json: unknown;
}

/**
 * Reads a JSON request body: at most `limit` bytes (413 beyond), `application/json` or
 * `+json` only (415 otherwise), well-formed (400 otherwise).
 */
export async function readJsonBody(request: Request, limit: number): Promise<ReadBody> {
  const text = await readText(request, limit);
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
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw badBody(`not well-formed JSON (${(error as Error).message})`, 'invalid_json');
  }
}
