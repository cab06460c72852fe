import { registerBackupCommands } from '../../cli/backup.ts';
import { defineModule } from '../../core/module.ts';

/** A consistent backup of every table, and its verified restore (CLI only). */
export const backupModule = defineModule({
  name: 'backup',
  cli: registerBackupCommands,
});
