import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerReportCommands } from './cli.ts';
import { registerCollectionRoutes } from './collections/routes.ts';
import { loadDemoReports } from './demo.ts';
import { registerMissionRoutes } from './missions/routes.ts';
import { monitoringRules } from './policy.ts';
import { monitoringLedgerActions } from './record.ts';
import { reportSubjects } from './record-subjects.ts';
import { registerMonitoringRoutes } from './routes.ts';

/**
 * Crisis monitoring: reports from the field (who, when, where, what, how sure), reviewed
 * from draft to publication with every version kept, duplicates merged, the reporter and the
 * exact place withheld below a report's protection level; the review queue; collections.
 */
export const monitoringModule = defineModule({
  name: 'monitoring',
  ledgerActions: monitoringLedgerActions,
  subjects: reportSubjects,
  routes: (app) => {
    registerMonitoringRoutes(app);
    registerCollectionRoutes(app);
    registerMissionRoutes(app);
  },
  policy: monitoringRules as PolicyRules,
  cli: registerReportCommands,
  demo: {
    order: 30,
    load: async (handle) =>
      (await loadDemoReports(handle.db))
        ? 'demo reports loaded: six weeks in four regions, a review queue, an observation mission, a collection'
        : null,
  },
});

export type { ReportChanged, ReportsImported } from './events.ts';
export { type ReportFigureQuery, reportFigure } from './figures.ts';
export { reportFilters } from './queries.ts';
