import { createPublicKey } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, print, progressBar, withDatabase } from '../../cli/support.ts';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../core/actor.ts';
import { createCheckpoint } from './checkpoints.ts';
import { exportLines, verifyExportFile } from './export.ts';
import { createKeyFile, LogKeyError, readLogKey, registerLogKey, rotateKeyFile } from './keys.ts';
import { type NoteError, parseCheckpoint, parseVerifierKey, type Verifier } from './note.ts';
import { buildProof, checkProof, type ProofDocument, ProofUnavailable } from './proof.ts';
import { ledgerHead, verifyDatabase } from './queries.ts';
import type { Anchors, VerifyResult } from './verify.ts';
import { readWitnessKey, WitnessError, witnessOnce, witnessVerifierKey } from './witness.ts';

function report(result: VerifyResult, source: string, anchors: Anchors) {
  if (!result.ok) throw new CliError(`the record is broken at ${result.firstBad?.reason}`);
  const cp = result.checkpoint
    ? `; checkpoint of size ${result.checkpoint.size} ${result.checkpoint.valid ? 'signed' : 'not signed'} by a ${anchors.logKeys?.length ? 'trusted' : 'published'} log key${result.checkpoint.cosigners.length ? `, co-signed by ${result.checkpoint.cosigners.join(', ')}` : ''}`
    : '; no checkpoint yet';
  const trusted =
    anchors.witnesses?.length || anchors.checkpoints?.length || anchors.logKeys?.length
      ? `; ${result.anchors} trusted checkpoint(s) matched`
      : '; no trusted anchor given (--witness, --checkpoint, --log-key): only the server vouches for this record';
  const hidden = result.hiddenPayloads ? `; ${result.hiddenPayloads} entries hidden behind their hashes` : '';
  print(`OK: ${source}: ${result.checked} entries verified, head ${result.headSeq}${cp}${trusted}${hidden}`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function verifiers(texts: string[] | undefined, option: string): Verifier[] {
  return (texts ?? []).map((text) => {
    const value = text.includes('+') ? text : readText(text, option).trim();
    try {
      return parseVerifierKey(value);
    } catch (err) {
      throw new CliError(`${option} ${text}: ${(err as NoteError).message}`);
    }
  });
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${what}: cannot read ${path}`);
  }
}

function quorumOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError('--quorum must be a whole number from 1');
  return n;
}

interface AnchorOptions {
  logKey?: string[];
  witness?: string[];
  quorum?: string;
  checkpoint?: string[];
}

function anchorsOf(options: AnchorOptions): Anchors {
  const witnesses = verifiers(options.witness, '--witness');
  const quorum = quorumOf(options.quorum);
  if (quorum !== undefined && quorum > witnesses.length)
    throw new CliError(`--quorum ${quorum} is more than the ${witnesses.length} --witness keys given`);
  return {
    logKeys: verifiers(options.logKey, '--log-key'),
    witnesses,
    quorum,
    checkpoints: (options.checkpoint ?? []).map((file) => {
      try {
        return parseCheckpoint(readText(file, '--checkpoint'));
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`--checkpoint ${file}: ${(err as Error).message}`);
      }
    }),
  };
}

const withAnchorOptions = (command: Command) =>
  command
    .option(
      '--log-key <vkey-or-file>',
      'trust only this log key (name+id+key, e.g. from accord key show); repeat',
      collect,
    )
    .option('--witness <vkey-or-file>', "a witness's key (from the organisation file); repeat", collect)
    .option('--quorum <n>', 'co-signatures needed from the --witness keys (default: all of them)')
    .option(
      '--checkpoint <file>',
      'a checkpoint saved earlier (e.g. a witness state file) the record must extend; repeat',
      collect,
    );

export function registerLedgerCommands(program: Command) {
  const ledger = program.command('ledger').description('The tamper-evident record');

  ledger
    .command('export')
    .description(
      'Write the whole record to a JSON Lines file (public keys, entries, checkpoints with co-signatures)',
    )
    .argument('<file>')
    .action(async (path: string) => {
      const count = await withDatabase(async (h, config) => {
        const head = await ledgerHead(h.db);
        const bar = progressBar('exporting');
        bar.start(head.seq);
        const out = createWriteStream(path);
        let n = 0;
        for await (const line of exportLines(h.db, systemActor('accord cli'), readLogKey(config))) {
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

  withAnchorOptions(
    ledger
      .command('verify')
      .description(
        'Verify the record (the live database, or an exported file offline) against trusted anchors; exits non-zero naming the first bad entry',
      )
      .argument('[file]', 'an exported file; omit to verify the database'),
  ).action(async (path: string | undefined, options: AnchorOptions) => {
    const anchors = anchorsOf(options);
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
        ? await verifyExportFile(path, anchors, (n) => onProgress(n, n))
        : await withDatabase((h) => verifyDatabase(h.db, anchors, onProgress));
    } catch (err) {
      bar.stop();
      throw err instanceof Error && !(err instanceof CliError) ? new CliError(err.message) : err;
    }
    bar.stop();
    report(result, path ?? 'database', anchors);
  });

  ledger
    .command('checkpoint')
    .description("Sign the record's current head with the log's key now and print the checkpoint")
    .action(async () => {
      const note = await withDatabase(async (h, config) => {
        const key = readLogKey(config);
        if (!key) throw new CliError(`no signing key at ${config.logKeyFile}: run accord key create`);
        return (await createCheckpoint(h.db, key))?.note ?? null;
      });
      if (!note) throw new CliError('the record is empty');
      process.stdout.write(note);
    });

  ledger
    .command('prove')
    .description(
      'Print the inclusion proof of an entry (JSON): check it anywhere with accord ledger check-proof',
    )
    .argument('<seq>', 'the entry')
    .option('--size <n>', 'prove against the checkpoint of this size')
    .option('-o, --out <file>', 'write the proof to a file')
    .action(async (seqText: string, options: { size?: string; out?: string }) => {
      const seq = Number(seqText);
      if (!Number.isSafeInteger(seq) || seq < 1) throw new CliError('<seq> must be an entry number');
      const size = options.size === undefined ? undefined : Number(options.size);
      if (size !== undefined && (!Number.isSafeInteger(size) || size < 1))
        throw new CliError('--size must be a checkpoint size');
      const proof = await withDatabase(async (h, config) => {
        try {
          return await buildProof(h.db, systemActor('accord cli'), seq, { size, key: readLogKey(config) });
        } catch (err) {
          if (err instanceof ProofUnavailable) throw new CliError(err.message);
          throw err;
        }
      });
      if (!proof) throw new CliError(`no entry ${seq} in the record`);
      const text = `${JSON.stringify(proof, null, 2)}\n`;
      if (options.out) {
        writeFileSync(options.out, text);
        print(
          `proof of entry ${seq} against the checkpoint of size ${proof.checkpoint.size} written to ${options.out}`,
        );
      } else process.stdout.write(text);
    });

  withAnchorOptions(
    ledger
      .command('check-proof')
      .description(
        'Check an inclusion proof offline (no database): the entry, the audit path, the signatures',
      )
      .argument('<file>', 'a proof from accord ledger prove or GET /api/ledger/proof'),
  ).action((file: string, options: AnchorOptions) => {
    let doc: ProofDocument;
    try {
      doc = JSON.parse(readText(file, 'check-proof'));
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${file} is not JSON`);
    }
    if (doc?.format !== 'accord-inclusion-proof/1' || !doc.entry || !doc.checkpoint)
      throw new CliError(`${file} is not an Accord inclusion proof`);
    const anchors = anchorsOf(options);
    const check = checkProof(doc, anchors);
    if (!check.ok) throw new CliError(`the proof does not hold: ${check.problems.join('; ')}`);
    const signed = check.logSigned ? ', signed by a trusted log key' : '';
    const witnessed = check.witnessedBy.length ? `, co-signed by ${check.witnessedBy.join(', ')}` : '';
    const untrusted =
      check.logSigned === null && check.witnessedBy.length === 0
        ? ' (no --log-key or --witness given: the signatures were not checked)'
        : '';
    print(
      `OK: entry ${doc.entry.seq} (${doc.entry.action}) is in the record of ${doc.treeSize} entries${signed}${witnessed}${untrusted}`,
    );
  });

  registerKeyCommands(program);
  registerWitnessCommands(program);
}

function registerKeyCommands(program: Command) {
  const key = program
    .command('key')
    .description("The record's signing key: a file outside the database (ACCORD_LOG_KEY_FILE)");
  const failing = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof LogKeyError) throw new CliError(err.message);
      throw err;
    }
  };

  key
    .command('create')
    .description('Create the key file (refuses to overwrite one); the server also makes it on first start')
    .action(() => {
      const config = loadConfig();
      failing(() => createKeyFile(config.logKeyFile));
      const made = readLogKey(config)!;
      print(`created ${config.logKeyFile}`);
      print(`public key: ${made.verifierKey}`);
    });

  key
    .command('show')
    .description('Print the public key (signed-note verifier form and PEM); the private key is never printed')
    .action(() => {
      const config = loadConfig();
      const current = failing(() => readLogKey(config));
      if (!current) throw new CliError(`no signing key at ${config.logKeyFile}: run accord key create`);
      print(current.verifierKey);
      process.stdout.write(
        createPublicKey(current.privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      );
    });

  key
    .command('rotate')
    .description(
      'Replace the key with a new one (the old file is kept as .retired-<id>) and record the rotation',
    )
    .action(async () => {
      const config = loadConfig();
      const { previous, next } = failing(() => rotateKeyFile(config));
      await withDatabase(async (h) => {
        await registerLogKey(h.db, next, 'accord key rotate');
      });
      print(`rotated: ${previous.keyId} retired (kept in ${config.logKeyFile}.retired-${previous.keyId})`);
      print(`new public key: ${next.verifierKey}`);
      print('give the new public key to the witnesses; restart other server processes that share the file');
    });
}

function registerWitnessCommands(program: Command) {
  const witness = program
    .command('witness')
    .description(
      "A member state's witness of the record: its own key and storage, outside the organisation's server",
    );

  witness
    .command('init')
    .description('Create the witness key file and print the key to put in the organisation file')
    .requiredOption('--name <name>', 'the witness name, e.g. witness.by')
    .requiredOption('--key <file>', 'where to write the private key')
    .action((options: { name: string; key: string }) => {
      try {
        print(witnessVerifierKey(options.name, createKeyFile(options.key)));
      } catch (err) {
        throw new CliError((err as Error).message);
      }
    });

  witness
    .command('run')
    .description(
      "Fetch the log's checkpoints, check each extends the last one co-signed, co-sign and hand the co-signature in; exits 3 on a fork",
    )
    .requiredOption('--log <url>', "the organisation's Accord, e.g. https://accord.example.org")
    .requiredOption(
      '--log-key <vkey-or-file>',
      "the log's public key (accord key show); repeat after a rotation",
      collect,
    )
    .requiredOption('--name <name>', 'the witness name (as in the organisation file)')
    .requiredOption('--key <file>', "the witness's private key (accord witness init)")
    .requiredOption('--state <dir>', 'where the witness keeps the checkpoint it co-signed last')
    .option('--interval <seconds>', 'seconds between rounds', '30')
    .option('--once', 'one round, then exit')
    .action(
      async (options: {
        log: string;
        logKey: string[];
        name: string;
        key: string;
        state: string;
        interval: string;
        once?: boolean;
      }) => {
        const interval = Number(options.interval);
        if (!Number.isFinite(interval) || interval < 1)
          throw new CliError('--interval must be at least 1 second');
        const settings = {
          name: options.name,
          privateKey: (() => {
            try {
              return readWitnessKey(options.key);
            } catch (err) {
              throw new CliError((err as Error).message);
            }
          })(),
          logUrl: options.log,
          logKeys: verifiers(options.logKey, '--log-key'),
          stateDir: options.state,
        };
        for (;;) {
          try {
            const outcome = await witnessOnce(settings);
            const at = new Date().toISOString();
            if (outcome.kind === 'fork') {
              process.stderr.write(`${at} ALARM: ${outcome.reason}; evidence in ${outcome.evidence}\n`);
              process.exitCode = 3;
              return;
            }
            if (outcome.kind === 'cosigned')
              print(
                `${at} co-signed the checkpoint of size ${outcome.size}${outcome.previous ? ` (extends ${outcome.previous})` : ' (first)'}`,
              );
            else if (outcome.kind === 'unchanged') print(`${at} size ${outcome.size}: nothing new`);
            else print(`${at} the record has no checkpoint yet`);
          } catch (err) {
            if (!(err instanceof WitnessError) && !(err instanceof TypeError)) throw err;
            if (options.once) throw new CliError(err.message);
            process.stderr.write(`${new Date().toISOString()} ${err.message}\n`);
          }
          if (options.once) return;
          await new Promise((resolve) => setTimeout(resolve, interval * 1000));
        }
      },
    );
}
