import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, print, progressBar, withDatabase } from '../../cli/support.ts';
import { systemActor } from '../../core/actor.ts';
import { exportLines, verifyExportFile } from './export.ts';
import { ledgerHead, verifyDatabase } from './queries.ts';
import { keyIdOf } from './signing.ts';
import type { VerifyResult } from './verify.ts';

function report(result: VerifyResult, source: string) {
  if (result.ok) {
    const cp = result.checkpoint
      ? `; signed checkpoint at entry ${result.checkpoint.seq} (${result.checkpoint.signedAt}, key ${result.checkpoint.keyId}) valid`
      : '; no signed checkpoint yet';
    const hidden = result.hiddenPayloads
      ? `; ${result.hiddenPayloads} payloads hidden behind their hashes`
      : '';
    print(`OK: ${source}: ${result.checked} entries verified, head ${result.headSeq}${cp}${hidden}`);
    return;
  }
  throw new CliError(`the record is broken at ${result.firstBad?.reason}`);
}

export function registerLedgerCommands(program: Command) {
  const ledger = program.command('ledger').description('The tamper-evident record');

  ledger
    .command('export')
    .description('Write the whole record to a JSON Lines file (with the public keys and signed checkpoints)')
    .argument('<file>')
    .action(async (path: string) => {
      const count = await withDatabase(async (h) => {
        const head = await ledgerHead(h.db);
        const bar = progressBar('exporting');
        bar.start(head.seq);
        const out = createWriteStream(path);
        let n = 0;
        for await (const line of exportLines(h.db, systemActor('accord cli'))) {
          if (!out.write(line)) await once(out, 'drain');
          if (line.startsWith('{"type":"entry"') && ++n % 500 === 0) bar.update(n);
        }
        bar.update(n);
        bar.stop();
        out.end();
        await once(out, 'finish');
        return n;
      });
      print(`exported ${count} entries to ${path}`);
    });

  ledger
    .command('verify')
    .description(
      'Verify the record: the live database, or an exported file offline; exits non-zero naming the first bad entry',
    )
    .argument('[file]', 'an exported file; omit to verify the database')
    .option(
      '--public-key <pem-file...>',
      'trust only these Ed25519 public keys (PEM files, e.g. saved from /api/ledger/public-keys) instead of the keys the file names',
    )
    .action(async (path: string | undefined, options: { publicKey?: string[] }) => {
      const trusted = options.publicKey?.map((file) => readPublicKey(file));
      if (trusted && !path) throw new CliError('--public-key applies to an exported file');
      const bar = progressBar('verifying');
      let started = false;
      const onProgress = (n: number, total?: number) => {
        if (!started) {
          bar.start(total ?? n);
          started = true;
        }
        bar.update(n, total);
      };
      let result: VerifyResult;
      try {
        result = path
          ? await verifyExportFile(path, (n) => onProgress(n, n), trusted)
          : await withDatabase((h) => verifyDatabase(h.db, onProgress));
      } catch (err) {
        bar.stop();
        throw err instanceof Error && !(err instanceof CliError) ? new CliError(err.message) : err;
      }
      bar.stop();
      report(result, path ?? 'database');
    });
}

/** A PEM public key file as the verifier takes it, with the same key id the server gives it. */
function readPublicKey(file: string) {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read the public key file ${file}`);
  }
  try {
    return { id: keyIdOf(pem), algorithm: 'Ed25519' as const, publicKeyPem: pem };
  } catch {
    throw new CliError(`${file} is not a PEM public key`);
  }
}
