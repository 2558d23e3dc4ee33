// Computed times (semantics 2) against values computed by the server's app/rules/calendar.py for
// the same calendar: weekends, bank holidays, the clock change, the end of the calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTimes, nextWorkingDay, readTime } from '../src/times.js';

const calendar = {
  valid_from: '2026-01-01',
  valid_to: '2026-12-31',
  holidays: ['2026-04-03', '2026-04-06', '2026-12-25', '2026-12-28'].map((date) => ({ date, name: 'holiday' })),
};

// [at, working days, after, what the server computes]
const SERVER = [
  ['08:30', 1, '2026-03-27T10:00:00Z', '2026-03-30T07:30:00+00:00'], // Friday -> Monday, after BST starts
  ['08:30', 1, '2026-04-02T10:00:00Z', '2026-04-07T07:30:00+00:00'], // over Good Friday and Easter Monday
  ['23:59', 1, '2026-01-05T23:59:30Z', '2026-01-06T23:59:00+00:00'], // strictly after: not the same minute
  ['23:59', 2, '2026-10-23T22:30:00+00:00', '2026-10-26T23:59:00+00:00'], // BST ends on the Sunday
  ['08:30', 1, '2026-12-31T09:00:00Z', null], // past the end of the calendar: unknown, not a guess
  ['08:30', 1, '2025-12-31T09:00:00Z', null], // before the calendar starts
  ['08:30', 3, '2026-12-24T07:00:00-05:00', '2026-12-31T08:30:00+00:00'], // another offset; Christmas
  ['00:30', 1, '2026-03-28T23:00:00Z', '2026-03-29T23:30:00+00:00'], // the local day, not the UTC one
];

test('next working day as the server computes it', () => {
  for (const [at, workingDays, after, expected] of SERVER) {
    const spec = { at, working_days: workingDays, zone: 'Europe/London' };
    assert.equal(nextWorkingDay(spec, calendar, readTime({ t: after }, 't')), expected, `${at} x${workingDays} after ${after}`);
  }
});

test('computed times read the checklist path; absent or naive times give null', () => {
  const times = { school: { kind: 'next_working_day', after: 'incident.attended_at', at: '08:30', calendar: 'c', working_days: 1, zone: 'Europe/London' } };
  const calendars = { c: calendar };
  assert.deepEqual(computeTimes(times, calendars, { incident: { attended_at: '2026-03-27T10:00:00Z' } }), { school: '2026-03-30T07:30:00+00:00' });
  assert.deepEqual(computeTimes(times, calendars, { incident: {} }), { school: null });
  assert.deepEqual(computeTimes(times, calendars, { incident: { attended_at: '2026-03-27T10:00:00' } }), { school: null });
  assert.throws(() => computeTimes({ x: { ...times.school, kind: 'easter' } }, calendars, {}), /unknown computed time kind/);
});
