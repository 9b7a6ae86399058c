import { formatPosition, type ChangePosition, type ChangeRecord } from '../rest/wire/index.js';
import type { ChangeLog } from './change-log.js';

/** Options of {@link changeStream}. */
export interface ChangeStreamOptions {
  log: ChangeLog;
  /** Where the client is (`Last-Event-ID` or `?after=`); `null`: from now on. */
  after: ChangePosition | null;
  /** Comment lines keep idle connections (and proxies) from timing out. */
  heartbeatMs: number;
  /** Ends the stream when the client goes away. */
  signal: AbortSignal;
  /** Ends the stream when the handler closes. */
  onClose: (close: () => void) => () => void;
  headers: Headers;
}

const encoder = new TextEncoder();

function changeFrame(stream: string, record: ChangeRecord): string {
  const id = formatPosition({ stream, seq: record.seq });
  return `id: ${id}\nevent: change\ndata: ${JSON.stringify(record)}\n\n`;
}

/**
 * `GET /events`: change records as server-sent events. Sends what the client missed
 * since `after` first (or a `reset` event when the log cannot say), then every new
 * record as it is logged, and a comment every `heartbeatMs` while idle.
 */
export function changeStream(options: ChangeStreamOptions): Response {
  const { log } = options;
  let stop: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string): void => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop?.();
        }
      };
      // All synchronous: nothing can be logged between the backlog and the listener.
      const backlog = log.after(options.after);
      write(`retry: 2000\n: connected\n\n`);
      if (backlog.reset) {
        const id = formatPosition({ stream: log.stream, seq: backlog.last });
        write(`id: ${id}\nevent: reset\ndata: {}\n\n`);
      }
      for (const record of backlog.events) write(changeFrame(log.stream, record));
      const unlisten = log.listen((record) => write(changeFrame(log.stream, record)));
      const heartbeat = setInterval(() => write(`: ping\n\n`), options.heartbeatMs);
      const unregister = options.onClose(() => stop?.());
      const onAbort = (): void => stop?.();
      options.signal.addEventListener('abort', onAbort);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unlisten();
        unregister();
        options.signal.removeEventListener('abort', onAbort);
        try {
          controller.close();
        } catch {
          // already closed by the reader going away
        }
      };
      if (options.signal.aborted) stop();
    },
    cancel() {
      stop?.();
    },
  });
  const headers = new Headers(options.headers);
  headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  // nginx and similar proxies buffer responses unless told not to.
  headers.set('X-Accel-Buffering', 'no');
  return new Response(body, { status: 200, headers });
}
