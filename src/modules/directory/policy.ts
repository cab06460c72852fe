import type { PolicyRulesFor } from '../../policy/index.ts';
import { isAdmin, isSignedIn } from '../../policy/predicates.ts';

declare module '../../policy/index.ts' {
  interface Subjects {
    /** The organisation, its member states, bodies, partners and presidency: open to every signed-in person. */
    directory: null;
  }
}

/** The organisation file: read by every signed-in person, loaded by an administrator. Default deny: an action not listed is refused. */
export const directoryRules: PolicyRulesFor<'directory'> = {
  directory: {
    read: isSignedIn,
    load: isAdmin,
  },
};
