/** One server-sent event. */
export interface ServerSentEvent {
  /** `event:` field; `message` when absent. */
  type: string;
  data: string;
  /** `id:` field of this event, or the last one seen before it (the spec's "last event id"). */
  id: string;
  /** `retry:` milliseconds, when the stream set it. */
  retry?: number;
}

/**
 * An incremental `text/event-stream` parser (the WHATWG "interpret an event stream"
 * algorithm): feed it text as it arrives, in chunks cut anywhere, and it returns the
 * events completed so far. Lines end in CRLF, LF or CR; comments start with `:`.
 *
 * @example
 * ```ts
 * const parser = new SseParser();
 * parser.push('event: change\ndata: {"kind":');   // []
 * parser.push('"users"}\n\n');                    // [{ type: 'change', data: '{"kind":"users"}', id: '' }]
 * ```
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #type = '';
  #lastId = '';
  #retry: number | undefined;
  #pendingCR = false;

  push(chunk: string): ServerSentEvent[] {
    let text = chunk;
    // A CR at the end of the previous chunk may pair with an LF starting this one.
    if (this.#pendingCR && text.startsWith('\n')) text = text.slice(1);
    this.#pendingCR = false;
    this.#buffer += text;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      if (!match) break;
      if (match[0] === '\r' && match.index === this.#buffer.length - 1) {
        this.#pendingCR = true;
      }
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | null {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id' && !value.includes('\0')) this.#lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    return null;
  }

  #dispatch(): ServerSentEvent | null {
    const hadData = this.#data.length > 0;
    const event: ServerSentEvent = {
      type: this.#type || 'message',
      data: this.#data.join('\n'),
      id: this.#lastId,
      ...(this.#retry === undefined ? {} : { retry: this.#retry }),
    };
    this.#data = [];
    this.#type = '';
    return hadData ? event : null;
  }
}
