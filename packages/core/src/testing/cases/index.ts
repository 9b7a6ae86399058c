import type { ConformanceGroup } from '../types.js';
import { auditCases } from './audit.js';
import { dataExportCases } from './data-export.js';
import { deletionCases } from './deletion.js';
import { deviceCases } from './devices.js';
import { eventCases } from './events.js';
import { groupCases } from './groups.js';
import { invitationCases } from './invitations.js';
import { lifecycleCases } from './lifecycle.js';
import { passwordCases } from './password.js';
import { persistenceCases } from './persistence.js';
import { queryCases } from './query.js';
import { settingsCases } from './settings.js';
import { updateCases } from './updates.js';
import { userCases } from './users.js';

/** Every group of conformance cases, in the order they are registered. */
export const CONFORMANCE_GROUPS: readonly ConformanceGroup[] = [
  userCases,
  updateCases,
  invitationCases,
  deviceCases,
  lifecycleCases,
  deletionCases,
  passwordCases,
  groupCases,
  queryCases,
  settingsCases,
  auditCases,
  eventCases,
  dataExportCases,
  persistenceCases,
];
