import { AuditQuery, MessageQuery, SettingsPatch } from '@roster/core';
import { decodeAuditQuery, decodeMessageQuery, etagOf } from '../../rest/wire/index.js';
import { checkVersion, parseInput, parseQuery, requireVersion, type Route } from '../context.js';
import { json } from '../respond.js';

/** Account settings, the outbox and the audit trail. */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/settings',
    operation: 'getSettings',
    async handle(ctx) {
      const settings = await ctx.backend.getSettings(ctx.call);
      return json(settings, { headers: { ETag: etagOf(settings.version) } });
    },
  },
  {
    method: 'PATCH',
    path: '/settings',
    operation: 'updateSettings',
    async handle(ctx) {
      const version = requireVersion(ctx);
      const patch = parseInput(SettingsPatch, ctx.body, 'request body');
      const current = await ctx.backend.getSettings(ctx.call);
      checkVersion('account settings', current.version, version);
      const settings = await ctx.backend.updateSettings(patch, { ...ctx.call, version });
      return json(settings, { headers: { ETag: etagOf(settings.version) } });
    },
  },
  {
    method: 'GET',
    path: '/messages',
    operation: 'listMessages',
    async handle(ctx) {
      const query = parseQuery(
        MessageQuery,
        decodeMessageQuery(ctx.url.searchParams),
        'message query',
      );
      return json(await ctx.backend.listMessages(query, ctx.call));
    },
  },
  {
    method: 'GET',
    path: '/audit',
    operation: 'listAudit',
    async handle(ctx) {
      const query = parseQuery(AuditQuery, decodeAuditQuery(ctx.url.searchParams), 'audit query');
      return json(await ctx.backend.listAudit(query, ctx.call));
    },
  },
];
