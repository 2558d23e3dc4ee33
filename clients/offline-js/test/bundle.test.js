// Signature checks, the manifest's choice of version, defaults for a checklist as a client wrote it,
// and the server's rounding and time format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import {
  SignatureError, loadBundle, pythonIsoformat, round1, trustedKeys, verifySigned, versionInForce,
} from '../src/index.js';
import { pythonToEcmascript } from '../src/language.js';
import { readKit } from './kit.js';

const { keys, versions } = readKit();
const trusted = trustedKeys(keys);
const latest = versions[versions.length - 1];

function mutate(envelope, change) {
  const data = JSON.parse(envelope.toString('utf8'));
  change(data);
  return Buffer.from(JSON.stringify(data));
}

test('a bundle verifies with the published key, and a changed byte fails', () => {
  const bundle = loadBundle(latest.envelope, trusted);
  assert.equal(bundle.ruleset.version, latest.version);
  const payloadLength = JSON.parse(latest.envelope).payload.length;
  for (const at of [0, Math.floor(payloadLength / 2), payloadLength - 2]) {
    const tampered = mutate(latest.envelope, (d) => {
      const c = d.payload[at] === 'X' ? 'Y' : 'X';
      d.payload = d.payload.slice(0, at) + c + d.payload.slice(at + 1);
    });
    assert.throws(() => loadBundle(tampered, trusted), /altered/);
  }
  const lowered = mutate(latest.envelope, (d) => { d.payload = d.payload.replace('"severity":"critical"', '"severity":"low"'); });
  assert.throws(() => loadBundle(lowered, trusted), SignatureError);
  const badSignature = mutate(latest.envelope, (d) => {
    const raw = Buffer.from(d.signature, 'base64');
    raw[5] ^= 1;
    d.signature = raw.toString('base64');
  });
  assert.throws(() => loadBundle(badSignature, trusted), /altered/);
});

test('a bundle signed with an untrusted key, or not signed at all, is refused', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const payload = JSON.parse(latest.envelope).payload;
  const forged = JSON.stringify({
    format: 'safesteps-signed/1', algorithm: 'Ed25519', key_id: 'feedfacefeedface',
    signature: sign(null, Buffer.from(payload), privateKey).toString('base64'), payload,
  });
  assert.throws(() => loadBundle(forged, trusted), /not a trusted key/);
  assert.throws(() => loadBundle(payload, trusted), /not a safesteps-signed\/1 document/);
  assert.throws(() => verifySigned('not json', trusted), /not a signed document/);
});

test('the manifest picks the version in force on a past date', () => {
  const manifest = {
    format: 'safesteps-bundle-manifest/1',
    ruleset_id: 'concern-for-a-child',
    versions: [
      { version: '1.0.0', effective_from: '2025-01-01', effective_to: '2026-07-01' },
      { version: '1.1.0', effective_from: '2026-07-01', effective_to: null },
    ],
  };
  assert.equal(versionInForce(manifest, '2024-12-31'), null);
  assert.equal(versionInForce(manifest, '2025-01-01'), '1.0.0');
  assert.equal(versionInForce(manifest, new Date('2026-06-30T23:59:59Z')), '1.0.0');
  assert.equal(versionInForce(manifest, '2026-07-01'), '1.1.0');
  assert.equal(versionInForce(manifest, '2031-01-01'), '1.1.0');
});

test('a checklist as a client wrote it (lists left out) gets the same decision once normalised', () => {
  for (const version of versions) sameOnceNormalised(version);
});

function sameOnceNormalised(version) {
  const bundle = loadBundle(version.envelope, trusted);
  // What a client may leave out: nulls, and before schema 3 the lists that default to [].
  const strip = (node, tree) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (value === null || (tree?.fields.includes(key) && Array.isArray(value) && value.length === 0)) continue;
      const below = tree?.children.find((c) => c.name === key)?.below;
      out[key] = Array.isArray(value) ? value.map((item) => strip(item, below)) : strip(value, below);
    }
    return out;
  };
  const defaults = bundle.document.checklist.list_defaults;
  let compared = 0;
  for (const kase of version.cases) {
    const written = strip(kase.checklist, defaults[String(kase.checklist.schema_version ?? 1)]);
    if (JSON.stringify(written) === JSON.stringify(kase.checklist)) continue;
    const decision = bundle.evaluate(written, { hook: kase.hook, context: kase.context, normalize: true });
    assert.deepEqual(decision.outcomes, kase.expected.outcomes, kase.id);
    assert.equal(decision.score, kase.expected.score, kase.id);
    compared += 1;
  }
  assert.ok(compared > 50, `${version.version}: ${compared} cases`);
}

test('an unknown hook is refused', () => {
  const bundle = loadBundle(latest.envelope, trusted);
  assert.throws(() => bundle.evaluate(latest.cases[0].checklist, { hook: 'no.such.hook' }), /unknown hook/);
});

test("scores round as Python's round(x, 1) does: ties to even on the exact binary value", () => {
  assert.equal(round1(12.25), 12.2); // exactly representable tie: Python rounds to even
  assert.equal(round1(12.75), 12.8);
  assert.equal(round1(0.05 * 100), 5);
  assert.equal(round1((100 * 49) / 400), 12.2);
  assert.equal(round1(2.675 * 10), 26.8); // 26.75 exactly: to even
  assert.equal(round1((100 * 2) / 3), 66.7);
  assert.equal(round1(100), 100);
});

test("as_of is formatted as Python's isoformat in UTC", () => {
  assert.equal(pythonIsoformat(new Date('2026-11-22T19:45:10Z')), '2026-11-22T19:45:10+00:00');
  assert.equal(pythonIsoformat(new Date('2026-11-22T19:45:10.250Z')), '2026-11-22T19:45:10.250000+00:00');
});

test('Python regular-expression syntax is translated to Unicode-aware ECMAScript', () => {
  const source = pythonToEcmascript('(?<!\\w)(?:(?P<t0>lifestyle[\\s\\-]+choice)(?!\\w))');
  const regex = new RegExp(source, 'giu');
  assert.deepEqual([...'a lifestyle-choice; écolelifestyle choice'.matchAll(regex)].map((m) => m.index), [2]);
  assert.equal(new RegExp(pythonToEcmascript('[\\w\']+'), 'u').exec('naïve')[0], 'naïve');
});

test("without asOf, the latest time in the checklist is used, as the server's default", () => {
  const bundle = loadBundle(latest.envelope, trusted);
  let compared = 0;
  for (const kase of latest.cases) {
    if (kase.asserted === undefined || kase.as_of === null) continue;
    const latestTime = bundle.latestTime(kase.checklist);
    if (latestTime !== Date.parse(kase.as_of)) continue; // the case pinned another as_of
    const decision = bundle.evaluate(kase.checklist, { hook: kase.hook });
    assert.equal(Date.parse(decision.as_of), Date.parse(kase.as_of), kase.id);
    assert.deepEqual(decision.outcomes, kase.expected.outcomes, kase.id);
    compared += 1;
  }
  assert.ok(compared > 20, `only ${compared} cases use the default as_of`);
});
