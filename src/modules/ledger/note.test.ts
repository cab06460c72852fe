import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointBody,
  cosignCheckpoint,
  NoteError,
  noteText,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  rawPublicKey,
  signCheckpoint,
  verifierKey,
  verifyCosignature,
  verifySignature,
} from './note.ts';

// Checkpoints in the C2SP signed-note format, checked against the format's published example
// (golang.org/x/mod/sumdb/note) and by round trips that must break on any change.

const keyPair = () => generateKeyPairSync('ed25519');
const root = Buffer.alloc(32, 7);

describe('signed notes and checkpoints (C2SP)', () => {
  it("verifies the format's published example note with its verifier key", () => {
    const verifier = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    const text =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n" +
      '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
    expect(verifySignature(parseNote(text), verifier)).toBe(true);
    expect(verifySignature(parseNote(text.replace('answer', 'answers')), verifier)).toBe(false);
  });

  it('writes a checkpoint as origin, size and base64 root, signs it, and reads it back', () => {
    const log = keyPair();
    const body = checkpointBody({ origin: 'accord.test/record', size: 1042, root });
    expect(body).toBe(`accord.test/record\n1042\n${root.toString('base64')}\n`);
    const text = noteText(body, [signCheckpoint(body, 'accord.test/record', log.privateKey)]);
    const note = parseCheckpoint(text);
    expect(note).toMatchObject({ origin: 'accord.test/record', size: 1042, body });
    expect(note.root.equals(root)).toBe(true);
    const verifier = { name: 'accord.test/record', publicKey: rawPublicKey(log.publicKey) };
    expect(verifySignature(note, verifier)).toBe(true);
    // Another key of the same name, or the same key under another name, does not verify.
    expect(verifySignature(note, { ...verifier, publicKey: rawPublicKey(keyPair().publicKey) })).toBe(false);
    expect(verifySignature(note, { ...verifier, name: 'someone.else' })).toBe(false);
    // Any change to the body breaks the signature.
    const grown = parseCheckpoint(text.replace('\n1042\n', '\n1043\n'));
    expect(verifySignature(grown, verifier)).toBe(false);
  });

  it('carries witnesses\u2019 cosignatures (cosignature/v1) with their time, each verified on its own', () => {
    const log = keyPair();
    const by = keyPair();
    const kz = keyPair();
    const body = checkpointBody({ origin: 'accord.test/record', size: 5, root });
    const text = noteText(body, [
      signCheckpoint(body, 'accord.test/record', log.privateKey),
      cosignCheckpoint(body, 'witness.by', by.privateKey, 1_790_000_000),
      cosignCheckpoint(body, 'witness.kz', kz.privateKey, 1_790_000_060),
    ]);
    const note = parseCheckpoint(text);
    expect(note.signatures.map((s) => s.name)).toEqual(['accord.test/record', 'witness.by', 'witness.kz']);
    const byKey = { name: 'witness.by', publicKey: rawPublicKey(by.publicKey) };
    expect(verifyCosignature(note, byKey)).toBe(1_790_000_000);
    expect(verifyCosignature(note, { name: 'witness.kz', publicKey: rawPublicKey(kz.publicKey) })).toBe(
      1_790_000_060,
    );
    // A cosignature is not a log signature, and the reverse.
    expect(verifySignature(note, byKey)).toBe(false);
    expect(
      verifyCosignature(note, { name: 'accord.test/record', publicKey: rawPublicKey(log.publicKey) }),
    ).toBeNull();
    // A changed time breaks the cosignature it is part of.
    const line = note.signatures[1];
    const stamped = Buffer.concat([Buffer.from(line.keyId, 'hex'), line.bytes]);
    stamped.writeBigUInt64BE(1_790_000_001n, 4);
    const retimed = text.replace(line.line, `\u2014 witness.by ${stamped.toString('base64')}\n`);
    expect(verifyCosignature(parseCheckpoint(retimed), byKey)).toBeNull();
  });

  it('writes and reads verifier keys, refusing one whose key ID does not match', () => {
    const pair = keyPair();
    const text = verifierKey('witness.am', rawPublicKey(pair.publicKey));
    expect(text).toMatch(/^witness\.am\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    expect(parseVerifierKey(text).publicKey.equals(rawPublicKey(pair.publicKey))).toBe(true);
    expect(() => parseVerifierKey(text.replace('witness.am', 'witness.by'))).toThrow(NoteError);
    expect(() => verifierKey('two words', rawPublicKey(pair.publicKey))).toThrow(NoteError);
  });

  it('refuses malformed notes and checkpoints with a reason', () => {
    const body = checkpointBody({ origin: 'o', size: 1, root });
    expect(() => parseNote(body)).toThrow(/blank line/);
    expect(() => parseCheckpoint(`o\n1\n\n`)).toThrow(/origin, size and root/);
    expect(() => parseCheckpoint(`o\n01\n${root.toString('base64')}\n\n`)).toThrow(/decimal/);
    expect(() => parseCheckpoint(`o\n1\nAAAA\n\n`)).toThrow(/32 bytes/);
    expect(() => parseCheckpoint(`${body}\n- o AAAAAAAA\n`)).toThrow(/em dash/);
    expect(() => checkpointBody({ origin: ' o', size: 1, root })).toThrow(NoteError);
    expect(() => checkpointBody({ origin: 'o', size: -1, root })).toThrow(NoteError);
  });
});
