import type { CallOptions, UserDataExport } from '../backend.js';
import { NotFoundError } from '../errors/index.js';
import { userDataFiles } from '../export-user-data/files.js';
import { AuditQuery, withDisplayStatus, type AuditEvent, type Group } from '../model/index.js';
import { findUser, type LocalContext } from './context.js';
import { dataExportDraft } from './messages.js';
import { writeAndDeliver } from './transaction.js';

/** Audit events read per page for an export. */
const AUDIT_PAGE = 1000;

/**
 * `Backend.requestUserData`: gathers the user, their groups, devices and every audit
 * event about them, renders them as files (see `userDataFiles`; the JSON also lists the
 * resources the user inherits from their groups), sends the files to the user by their
 * channel and records the request in the audit trail. Deleted users within retention
 * can be exported too (an access request may follow a deletion).
 */
export async function requestUserData(
  ctx: LocalContext,
  id: string,
  options: CallOptions | undefined,
): Promise<UserDataExport> {
  const { value, delivered } = await writeAndDeliver(ctx, options, async (w) => {
    const stored = await findUser(w.tx, id, w.settings, w.now);
    if (!stored) throw new NotFoundError(`User ${id} does not exist`, { details: { id } });
    const user = withDisplayStatus(stored, w.now);
    const groups: Group[] = [];
    for (const groupId of user.groupIds) {
      const group = await w.tx.getGroup(groupId);
      if (group) groups.push(group);
    }
    const devices = await w.tx.listDevicesByUser(id);
    const audit: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await w.tx.queryAudit(
        AuditQuery.parse({ userId: id, limit: AUDIT_PAGE, cursor }),
      );
      audit.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const files = userDataFiles({ user, groups, devices, audit, exportedAt: w.nowIso });
    const message = await w.record(dataExportDraft(user, files));
    await w.audit({
      action: 'user.request_data',
      targetType: 'user',
      targetId: id,
      userId: id,
      before: null,
      after: { messageId: message.id, files: files.map((file) => file.filename) },
    });
    return { user, groups, devices, audit, files, message };
  });
  const message = delivered.find((sent) => sent.id === value.message.id) ?? value.message;
  return { ...value, message };
}
