import type { Command } from 'commander';
import { verifyCertificate } from '../modules/clearances/certificate.ts';
import { timeliness } from '../modules/clearances/timeliness.ts';
import { actorFor, CliError, print, withDatabase } from './support.ts';

export function registerClearanceCommands(program: Command) {
  const clearance = program
    .command('clearance')
    .description('Movement clearances; --as <username> acts as that person, under the same rules');

  clearance
    .command('verify')
    .description("Check a clearance certificate's verification code against the record (exit 1 unless valid)")
    .argument('<code>', 'the code printed on the certificate, e.g. ABCD-EFGH-JKLM-NPQR')
    .option('--json', 'print JSON')
    .action(async (code: string, o) => {
      await withDatabase(async (handle) => {
        const v = await verifyCertificate(handle.db, code);
        if (!v) throw new CliError(`no certificate has the code ${code.trim().toUpperCase()}`);
        if (o.json) print(JSON.stringify(v, null, 2));
        else {
          const c = v.certificate;
          print(
            `${v.verified ? 'verified' : 'NOT VERIFIED'}: ${c.reference} version ${c.version}, ${v.status}, issued ${c.issuedAt}`,
          );
          for (const p of v.problems) print(`  problem: ${p}`);
          for (const leg of c.legs) {
            const conditions = leg.conditions.map((x) => `${x.kind}: ${x.text}`).join('; ');
            print(
              `  ${leg.state}  ${leg.clearanceNumber.padEnd(22)} ${leg.decidedHow}${conditions ? `  conditions: ${conditions}` : ''}`,
            );
          }
          print(`  record entry ${v.record.seq} (${v.record.hash}), certificate digest ${v.digest}`);
          print(
            v.record.checkpoint
              ? `  signed checkpoint ${v.record.checkpoint.seq} at ${v.record.checkpoint.signedAt} (key ${v.record.checkpoint.keyId})`
              : '  no signed checkpoint covers it yet; the chain to the head holds',
          );
        }
        if (!v.verified || v.status !== 'valid') process.exitCode = 1;
      });
    });

  clearance
    .command('timeliness')
    .description(
      'Median and 90th percentile hours to decide per state and urgency, tacit consents, escalations',
    )
    .option('--from <instant>', 'legs opened at or after this instant')
    .option('--to <instant>', 'legs opened before this instant')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const instant = (name: string, value?: string) => {
          if (!value) return undefined;
          const d = new Date(value);
          if (Number.isNaN(d.getTime())) throw new CliError(`--${name}: ${value} is not an instant`);
          return d;
        };
        const items = await timeliness(handle.db, actor, {
          from: instant('from', o.from),
          to: instant('to', o.to),
        });
        if (o.json) return print(JSON.stringify(items, null, 2));
        print('state  urgency    legs  median h  p90 h  tacit+  tacit-  escalated  standing  open');
        const h = (v: number | null) => (v === null ? '-' : v.toFixed(1)).padStart(8);
        for (const f of items)
          print(
            `${f.state.padEnd(6)} ${f.urgency.padEnd(9)} ${String(f.legs).padStart(5)} ${h(f.medianHours)} ${h(f.p90Hours).slice(1)} ${String(f.tacitConsents).padStart(7)} ${String(f.tacitRefusals).padStart(7)} ${String(f.escalations).padStart(10)} ${String(f.standingPermissions).padStart(9)} ${String(f.open).padStart(5)}`,
          );
      });
    });
  return clearance;
}
