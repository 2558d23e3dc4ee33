// Where the conformance kit is: SAFESTEPS_KIT_DIR (written by `safesteps conformance export`;
// .ci/run exports one before running these tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KIT = process.env.SAFESTEPS_KIT_DIR;

export function readKit() {
  if (!KIT) throw new Error('set SAFESTEPS_KIT_DIR to a kit written by `safesteps conformance export DIR`');
  const index = JSON.parse(readFileSync(join(KIT, 'index.json'), 'utf8'));
  const keys = JSON.parse(readFileSync(join(KIT, 'keys.json'), 'utf8'));
  const versions = index.rulesets.map((entry) => ({
    ...entry,
    envelope: readFileSync(join(KIT, entry.bundle)),
    cases: JSON.parse(readFileSync(join(KIT, entry.cases), 'utf8')).cases,
  }));
  return { index, keys, versions };
}

/** Known differences between this evaluator and the server, recorded so that they block
 * publishing (see conformance-failures.json); every other case must agree exactly. */
export const RECORDED = JSON.parse(readFileSync(new URL('../conformance-failures.json', import.meta.url), 'utf8'));
