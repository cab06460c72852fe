import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensureLogKey,
  type KeySettings,
  newPrivateKeyPem,
  readLogKey,
  rotateKeyFile,
  trustedLogVerifiers,
} from './keys.ts';

const hex = (key: Uint8Array) => Buffer.from(key).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'accord-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the record's key files", () => {
  it('are made on first start, rotated with the old key kept aside, and both trusted by the server', () => {
    const settings: KeySettings = {
      logKeyFile: join(dir, 'keys', 'record.pem'),
      logOrigin: 'accord.test/record',
    };
    expect(readLogKey(settings)).toBeNull();
    expect(trustedLogVerifiers(settings)).toEqual([]);
    const said: string[] = [];
    const first = ensureLogKey(settings, (line) => said.push(line));
    expect(said.join('\n')).toContain(settings.logKeyFile);
    expect(ensureLogKey(settings, (line) => said.push(line)).keyId).toBe(first.keyId);
    expect(trustedLogVerifiers(settings).map((v) => hex(v.publicKey))).toEqual([hex(first.publicKey)]);

    const { previous, next } = rotateKeyFile(settings);
    expect(previous.keyId).toBe(first.keyId);
    expect(next.keyId).not.toBe(first.keyId);
    expect(readLogKey(settings)?.keyId).toBe(next.keyId);
    // A stray file beside them is no key, and trusted as none.
    writeFileSync(`${settings.logKeyFile}.retired-junk`, 'not a key');
    const trusted = trustedLogVerifiers(settings).map((v) => hex(v.publicKey));
    expect(trusted).toEqual([hex(next.publicKey), hex(first.publicKey)]);
  });

  it('from ACCORD_LOG_KEY: that key alone, and no rotation in place', () => {
    const settings: KeySettings = {
      logKeyFile: join(dir, 'none.pem'),
      logKeyPem: newPrivateKeyPem(),
      logOrigin: 'accord.test/record',
    };
    expect(trustedLogVerifiers(settings).map((v) => hex(v.publicKey))).toEqual([
      hex(readLogKey(settings)!.publicKey),
    ]);
    expect(() => rotateKeyFile(settings)).toThrow(/ACCORD_LOG_KEY/);
  });
});
