// Timing helper for `python -m benchmarks offline`: evaluates every checklist of a file at each hook
// with the reference evaluator and prints, as JSON, the time of each evaluation (ns) and the
// decisions (outcomes, blocking, score) so the caller can check them against the server's engine.
//   node bench.js BUNDLE KEYS CHECKLISTS AS_OF HOOK[,HOOK...]
import { readFileSync } from 'node:fs';
import { loadBundle, pythonIsoformat, trustedKeys } from './src/index.js';

const [bundlePath, keysPath, checklistsPath, asOf, hooks] = process.argv.slice(2);
const bundle = loadBundle(readFileSync(bundlePath), trustedKeys(JSON.parse(readFileSync(keysPath, 'utf8'))));
const checklists = JSON.parse(readFileSync(checklistsPath, 'utf8'));
const out = { samples_ns: {}, decisions: {} };
const as_of = pythonIsoformat(new Date(asOf));
for (const name of hooks.split(',')) {
  const hook = name === 'all' ? null : name;
  const context = { hook, as_of };
  for (const checklist of checklists) bundle.evaluate(checklist, { hook, context }); // warm-up
  const samples = [];
  const decisions = [];
  for (const checklist of checklists) {
    const start = process.hrtime.bigint();
    const decision = bundle.evaluate(checklist, { hook, context });
    samples.push(Number(process.hrtime.bigint() - start));
    decisions.push({ outcomes: decision.outcomes, blocking: decision.blocking, score: decision.score });
  }
  out.samples_ns[name] = samples;
  out.decisions[name] = decisions;
}
process.stdout.write(JSON.stringify(out));
