import { createContext } from '@lit/context';
import type { Roster } from '@roster/core';

/** The context through which `<roster-provider>` hands its Roster to descendant elements. */
export const rosterContext = createContext<Roster | undefined>(Symbol.for('@roster/context'));
