import { defineModule } from '../../core/module.ts';
import { registerBackupCommands } from './cli.ts';
import { backupLedgerActions } from './record.ts';

/** A consistent backup of every table, and its verified restore (CLI only). */
export const backupModule = defineModule({
  name: 'backup',
  ledgerActions: backupLedgerActions,
  cli: registerBackupCommands,
});
