import { parseOrThrow } from '../errors/index.js';
import {
  AuditQuery,
  MessageQuery,
  type AuditEvent,
  type AuditQueryInput,
  type Message,
  type MessageQueryInput,
} from '../model/index.js';
import type { ReadOptions } from '../roster-api.js';
import { callOptions, guard, requireCapability, type FacadeContext } from './context.js';

/** Messages fetched per backend call when `outbox.list` walks every page. */
const OUTBOX_PAGE = 1000;

/** `roster.outbox`: the recorded outgoing messages (`capabilities.outbox`). */
export function outboxApi(ctx: FacadeContext): {
  list(query?: MessageQueryInput, options?: ReadOptions): Promise<Message[]>;
} {
  return {
    async list(query, options = {}) {
      const valid = parseOrThrow(MessageQuery, { limit: OUTBOX_PAGE, ...query }, 'message query');
      requireCapability(ctx, 'outbox', 'the outbox');
      const messages: Message[] = [];
      let cursor = valid.cursor;
      for (;;) {
        const page = await guard(() =>
          ctx.backend.listMessages({ ...valid, cursor }, callOptions(ctx, options.signal)),
        );
        messages.push(...page.items);
        if (page.nextCursor === null) return messages;
        cursor = page.nextCursor;
      }
    },
  };
}

/** `roster.audit`: the audit trail (`capabilities.audit`). */
export function auditApi(ctx: FacadeContext): {
  list(query?: AuditQueryInput, options?: ReadOptions): Promise<AuditEvent[]>;
} {
  return {
    async list(query, options = {}) {
      const valid = parseOrThrow(AuditQuery, query ?? {}, 'audit query');
      requireCapability(ctx, 'audit', 'the audit trail');
      return (await guard(() => ctx.backend.listAudit(valid, callOptions(ctx, options.signal))))
        .items;
    },
  };
}
