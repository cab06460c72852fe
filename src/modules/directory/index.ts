import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerDirectoryCommands } from './cli.ts';
import { directoryRules } from './policy.ts';
import { directoryLedgerActions } from './record.ts';
import { directorySubjects } from './record-subjects.ts';
import { registerDirectoryRoutes } from './routes.ts';

/** The organisation file: member states, bodies, partners, presidency, crossing points, windows. */
export const directoryModule = defineModule({
  name: 'directory',
  ledgerActions: directoryLedgerActions,
  subjects: directorySubjects,
  routes: registerDirectoryRoutes,
  policy: directoryRules as PolicyRules,
  cli: registerDirectoryCommands,
});

export { DEFAULT_RESPONSE_WINDOWS, isDirectoryLoaded, loadOrganisation } from './commands.ts';
export { getMonitoringSettings, type MonitoringSettingsView } from './monitoring-read.ts';
export type { MonitoringSettings } from './monitoring-section.ts';
export { OrganisationFileError, parseOrganisationFile, readOrganisationFile } from './organisation-file.ts';
export {
  getOrganisation,
  getPresidency,
  getProcedureSettings,
  listBodies,
  listPartners,
  listStates,
} from './queries.ts';
export { BodyCode, DEFAULT_MAX_HORIZON_DAYS, PartnerCode, type ProcedureSettings } from './schema.ts';
