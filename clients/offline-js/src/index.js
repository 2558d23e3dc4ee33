// SafeSteps reference offline evaluator: verifies a signed rule bundle and evaluates a checklist at
// a hook with GoRules ZEN's own JavaScript build, returning the server's decision shape.
//
//   import { loadBundle, trustedKeys } from '@safesteps/offline-evaluator';
//   const bundle = loadBundle(bytes, trustedKeys(keysJson));       // throws on a bad signature
//   const decision = bundle.evaluate(checklist, { hook: 'scene.depart', asOf: new Date() });
//
// Format: docs/bundles.md. What "agrees with the server" means: the conformance kit's README.

import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createRequire } from 'node:module';
import { evaluateExpressionSync } from '@gorules/zen-engine';
import { LanguageMatcher } from './language.js';
import { computeTimes } from './times.js';

const require = createRequire(import.meta.url);
const ZEN_VERSION = require('@gorules/zen-engine/package.json').version;
const OWN_VERSION = require('../package.json').version;
export const EVALUATOR = `safesteps-offline-js/${OWN_VERSION} zen-engine-js/${ZEN_VERSION}`;

export const SIGNED_FORMAT = 'safesteps-signed/1';
export const BUNDLE_FORMAT = 'safesteps-rule-bundle/1';
export const MANIFEST_FORMAT = 'safesteps-bundle-manifest/1';

export class SignatureError extends Error {}

/** Public keys from a `GET /v1/bundle-keys` answer (or a kit's keys.json): key id -> KeyObject. */
export function trustedKeys(answer) {
  const keys = new Map();
  for (const entry of answer.keys) {
    if (entry.algorithm !== 'Ed25519') continue;
    const x = Buffer.from(entry.public_key, 'base64').toString('base64url');
    keys.set(entry.key_id, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }));
  }
  return keys;
}

/** The payload of a signed envelope (bytes or text), parsed only once its signature verifies. */
export function verifySigned(envelope, keys) {
  let data;
  try {
    data = JSON.parse(typeof envelope === 'string' ? envelope : Buffer.from(envelope).toString('utf8'));
  } catch {
    throw new SignatureError('not a signed document');
  }
  if (data?.format !== SIGNED_FORMAT || data.algorithm !== 'Ed25519' || typeof data.payload !== 'string') {
    throw new SignatureError(`not a ${SIGNED_FORMAT} document signed with Ed25519`);
  }
  const key = keys.get(data.key_id);
  if (!key) throw new SignatureError(`signed with key ${data.key_id}, which is not a trusted key`);
  const ok = verifySignature(null, Buffer.from(data.payload, 'utf8'), key, Buffer.from(String(data.signature), 'base64'));
  if (!ok) throw new SignatureError('the signature does not verify: the document was altered');
  return JSON.parse(data.payload);
}

/** A verified bundle, ready to evaluate. */
export function loadBundle(envelope, keys) {
  const document = verifySigned(envelope, keys);
  if (document.format !== BUNDLE_FORMAT) throw new SignatureError(`not a ${BUNDLE_FORMAT} document`);
  return new Bundle(document);
}

/** The version a verified manifest says is in force on `day` (a Date, or `YYYY-MM-DD`). */
export function versionInForce(manifest, day) {
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`not a ${MANIFEST_FORMAT} document`);
  const on = typeof day === 'string' ? day : day.toISOString().slice(0, 10);
  let found = null;
  for (const entry of manifest.versions) { // ascending: the latest that covers the day wins
    if (entry.effective_from <= on && (entry.effective_to === null || on < entry.effective_to)) found = entry.version;
  }
  return found;
}

/** Python's `datetime.isoformat()` of an instant in UTC (what the server puts in `context.as_of`). */
export function pythonIsoformat(date) {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const ms = iso.slice(20, 23);
  return iso.slice(0, 19) + (ms === '000' ? '' : `.${ms}000`) + '+00:00';
}

/** Python's `round(x, 1)`: correctly rounded, ties to even. */
export function round1(x) {
  const twenty = x * 20;
  if (Number.isInteger(twenty) && Math.abs(twenty % 2) === 1 && twenty / 20 === x) {
    const low = (twenty - 1) / 2;
    return (low % 2 === 0 ? low : low + 1) / 10;
  }
  return Number.parseFloat(x.toFixed(1));
}

/** A copy of JSON facts with the absent or null lists of `tree` (a bundle's `list_defaults`) as []. */
function fillLists(node, tree) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out = { ...node };
  for (const name of tree.fields) if (out[name] === undefined || out[name] === null) out[name] = [];
  for (const child of tree.children) {
    const value = out[child.name];
    if (value === undefined || value === null) continue;
    out[child.name] = child.list && Array.isArray(value) ? value.map((item) => fillLists(item, child.below)) : fillLists(value, child.below);
  }
  return out;
}

export class Bundle {
  constructor(document) {
    this.document = document;
    this.ruleset = document.ruleset;
    this.rules = new Map(document.rules.map((r) => [r.id, r]));
    this.codes = document.outcome_codes;
    this.language = new LanguageMatcher(document.language, document.rules);
    this.weight = document.scoring.severity_weight;
    this.semantics = document.document.semantics ?? 1;
    this.order = new Map(document.scoring.severity_order.map((s, i) => [s, i]));
  }

  /** A checklist as a client wrote it, with the schema's defaults: before schema 3, absent lists
   * are `[]` (from schema 3 an absent list is "not recorded" and stays absent). */
  normalize(checklist) {
    const version = checklist.schema_version ?? 1;
    const tree = this.document.checklist.list_defaults[String(version)];
    return { schema_version: 1, ...(tree ? fillLists(checklist, tree) : checklist) };
  }

  /** The latest time recorded anywhere in the checklist (the server's default `as_of`), found by
   * walking the checklist's JSON Schema for `date-time` fields; ms since the epoch, or null. */
  latestTime(checklist) {
    const schema = this.document.checklist.json_schema;
    const resolve = (node) => (node?.$ref ? schema.$defs[node.$ref.split('/').pop()] : node);
    let latest = null;
    const visit = (value, node) => {
      node = resolve(node);
      if (value === null || value === undefined || !node) return;
      for (const option of node.anyOf ?? []) visit(value, option);
      if (node.format === 'date-time' && typeof value === 'string') {
        const instant = Date.parse(value);
        if (!Number.isNaN(instant) && (latest === null || instant > latest)) latest = instant;
      } else if (Array.isArray(value) && node.items) {
        for (const item of value) visit(item, node.items);
      } else if (typeof value === 'object' && !Array.isArray(value) && node.properties) {
        for (const [name, sub] of Object.entries(node.properties)) visit(value[name], sub);
      }
    };
    visit(checklist, schema);
    return latest;
  }

  /**
   * The decision at `hook` (null: every rule). `checklist` in canonical form (or pass
   * `{normalize: true}` for one as a client wrote it); `asOf` a Date or the server's context string
   * (default, as the server's: the latest time in the checklist); `context` from a kit case is used
   * verbatim.
   */
  evaluate(checklist, { hook = null, asOf, context, normalize = false } = {}) {
    const doc = this.document;
    if (hook !== null && !(hook in doc.hooks)) throw new Error(`unknown hook ${hook}`);
    const facts = normalize ? this.normalize(checklist) : checklist;
    let at = asOf instanceof Date ? pythonIsoformat(asOf) : asOf;
    if (at === undefined) {
      const latest = this.latestTime(facts);
      at = latest === null ? null : pythonIsoformat(new Date(latest));
    }
    const ctx = { ...(context ?? { hook, as_of: at }) };
    const { times, calendars } = doc.document;
    if (times && Object.keys(times).length) ctx.times = computeTimes(times, calendars ?? {}, facts);
    const program = doc.programs[hook === null || hook === doc.all_rules_hook ? doc.all_rules_hook : hook];
    const ids = program ? program.rules : [];
    const input = { ...this.#asRead(facts), context: ctx };
    const failed = new Set();
    let codes = [];
    if (ids.length) {
      try {
        codes = evaluateExpressionSync(program.expression, input);
      } catch {
        codes = ids.map((id) => {
          try {
            return evaluateExpressionSync(this.rules.get(id).expression, input);
          } catch {
            failed.add(id);
            return 1;
          }
        });
      }
    }
    const notRecorded = new Set();
    const outcomes = ids.map((id, i) => {
      const code = this.codes[String(codes[i])];
      if (code.basis === 'not_recorded') notRecorded.add(id);
      return [id, code.outcome];
    });
    const details = new Map();
    const applicable = outcomes
      .filter(([id, outcome]) => this.rules.get(id).kind === 'language' && outcome === 'unknown' && !failed.has(id))
      .map(([id]) => id);
    if (ids.some((id) => this.rules.get(id).kind === 'language')) {
      const scanned = applicable.length ? this.language.scan(applicable, facts) : new Map();
      outcomes.forEach((entry, i) => {
        const [id] = entry;
        if (this.rules.get(id).kind !== 'language' || failed.has(id)) return;
        const result = scanned.get(id) ?? 'not_applicable';
        if (Array.isArray(result)) {
          outcomes[i] = [id, 'missing'];
          details.set(id, result);
        } else {
          outcomes[i] = [id, result];
        }
      });
    }
    return this.#decision(outcomes, ctx, hook, facts.schema_version ?? 1, { failed, details, notRecorded });
  }

  /** A newer checklist (schema 3: null lists are unrecorded) as a rule set for an older schema reads
   * it: those lists as `[]` (app/rules/shape.py empty_lists). */
  #asRead(facts) {
    const reads = this.ruleset.checklist_schema_version;
    const tree = this.document.checklist.list_defaults[String(reads)];
    return tree && (facts.schema_version ?? 1) >= 3 ? fillLists(facts, tree) : facts;
  }

  #decision(outcomes, ctx, hook, schemaVersion, { failed, details, notRecorded }) {
    const severities = this.document.scoring.severity_order;
    const counts = Object.fromEntries(severities.map((s) => [s, { met: 0, missing: 0, unknown: 0, not_applicable: 0 }]));
    const findings = [];
    const byRule = {};
    let metWeight = 0, knownWeight = 0, applicable = 0, known = 0, criticalOpen = false;
    for (const [id, outcome] of outcomes) {
      const rule = this.rules.get(id);
      byRule[id] = outcome;
      counts[rule.severity][outcome] += 1;
      if (outcome === 'not_applicable') continue;
      applicable += 1;
      if (outcome !== 'unknown') {
        known += notRecorded.has(id) ? 0 : 1;
        knownWeight += this.weight[rule.severity];
        if (outcome === 'met') { metWeight += this.weight[rule.severity]; continue; }
      }
      criticalOpen ||= rule.severity === 'critical';
      let basis = null;
      if (this.semantics >= 2 && outcome === 'missing') basis = notRecorded.has(id) ? 'not_recorded' : 'recorded';
      findings.push(this.#finding(rule, outcome, basis, failed.has(id), details.get(id) ?? []));
    }
    findings.sort((a, b) => (this.order.get(a.severity) - this.order.get(b.severity))
      || ((a.outcome === 'unknown') - (b.outcome === 'unknown')));
    const blocking = Boolean(hook && this.document.hooks[hook]?.blocking && criticalOpen);
    return {
      ruleset: { id: this.ruleset.id, version: this.ruleset.version, hash: this.ruleset.hash },
      engine_version: EVALUATOR,
      checklist_schema_version: schemaVersion,
      hook,
      as_of: ctx.as_of,
      blocking,
      score: knownWeight ? round1((100 * metWeight) / knownWeight) : null,
      completeness: applicable ? round1((100 * known) / applicable) : null,
      counts,
      findings,
      outcomes: byRule,
    };
  }

  #finding(rule, outcome, basis, evaluationError, details) {
    let message = rule.message;
    if (outcome === 'unknown' && rule.message_unknown) message = rule.message_unknown;
    else if (basis === 'not_recorded' && rule.message_not_recorded) message = rule.message_not_recorded;
    return {
      rule_id: rule.id,
      step_id: rule.step,
      severity: rule.severity,
      outcome,
      ...(basis === null ? {} : { basis }),
      indicator: this.document.scoring.indicator[rule.severity],
      title: rule.title,
      message,
      action: rule.action,
      references: rule.references,
      verified: rule.verified,
      evaluation_error: evaluationError,
      details,
    };
  }
}
