import type { ConformanceGroup } from '../types.js';
import { userCases } from './users.js';

/** Every group of conformance cases, in the order they are registered. */
export const CONFORMANCE_GROUPS: readonly ConformanceGroup[] = [userCases];
