// The whole conformance kit under Node.js: every case must give the server's decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, trustedKeys } from '../src/index.js';
import { readKit, RECORDED } from './kit.js';

const { keys, versions } = readKit();
const trusted = trustedKeys(keys);
const recorded = new Set(RECORDED.failures.map((f) => `${f.ruleset}@${f.version} ${f.case}`));

/** The parts of a decision the kit compares (normative: outcomes, blocking, score). */
function comparable(decision) {
  return {
    outcomes: decision.outcomes,
    blocking: decision.blocking,
    score: decision.score,
    completeness: decision.completeness,
    counts: decision.counts,
    findings: decision.findings.map((f) => {
      const out = { rule_id: f.rule_id, outcome: f.outcome, evaluation_error: f.evaluation_error, details: f.details, message: f.message };
      if (f.basis !== undefined) out.basis = f.basis;
      return out;
    }),
  };
}

function sameKeys(expected) {
  return { ...expected, findings: expected.findings.map((f) => ({ ...f, details: f.details ?? [] })) };
}

for (const version of versions) {
  test(`${version.id}@${version.version}: every kit case agrees with the server`, () => {
    const bundle = loadBundle(version.envelope, trusted);
    assert.equal(bundle.ruleset.hash, version.hash);
    assert.ok(version.cases.length > 0, 'the kit has cases');
    const disagreements = [];
    let agreed = 0;
    for (const kase of version.cases) {
      const decision = bundle.evaluate(kase.checklist, { hook: kase.hook, context: kase.context });
      const got = comparable(decision);
      const want = sameKeys(kase.expected);
      const key = `${version.id}@${version.version} ${kase.id}`;
      try {
        assert.deepStrictEqual(got, want);
        agreed += 1;
        assert.ok(!recorded.has(key), `${key} agrees now: remove it from conformance-failures.json`);
      } catch (error) {
        if (!recorded.has(key)) disagreements.push(`${kase.id}: ${error.message.split('\n').slice(0, 12).join(' ')}`);
      }
    }
    console.log(`# ${version.id}@${version.version}: ${agreed}/${version.cases.length} kit cases agree`);
    assert.deepEqual(disagreements, []);
  });
}
