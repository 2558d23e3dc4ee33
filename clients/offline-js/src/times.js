// Engine-computed times (rule-set semantics 2), as app/rules/calendar.py computes them: the
// `working_days`-th working day's local time `at` (in `zone`) strictly after the time recorded at
// `after`; working days are Monday to Friday except the calendar's holidays; null when `after` is
// not recorded or the answer would fall past the calendar's `valid_to`. Results are ISO 8601 in UTC
// as Python writes them (`2026-03-02T08:30:00+00:00`).

const formatters = new Map();

function formatter(zone) {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** The wall-clock fields of an instant (ms since the epoch) in `zone`. */
function wallClock(instant, zone) {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { y: +parts.year, m: +parts.month, d: +parts.day, h: +parts.hour, min: +parts.minute, s: +parts.second };
}

function offsetAt(instant, zone) {
  const w = wallClock(instant, zone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - (instant - (instant % 1000 + 1000) % 1000);
}

/** The instant of a local wall-clock time in `zone` (the earlier offset where it is ambiguous). */
function zonedInstant(y, m, d, h, min, s, zone) {
  const naive = Date.UTC(y, m - 1, d, h, min, s);
  let instant = naive - offsetAt(naive, zone);
  instant = naive - offsetAt(instant, zone);
  return instant;
}

const isoDay = (y, m, d) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function pythonUtc(instant) {
  const iso = new Date(instant).toISOString();
  const ms = iso.slice(20, 23);
  return iso.slice(0, 19) + (ms === '000' ? '' : `.${ms}000`) + '+00:00';
}

/** An aware ISO 8601 time at a dotted path of JSON facts, as ms since the epoch, or null. */
export function readTime(facts, path) {
  let node = facts;
  for (const name of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = node[name];
  }
  if (typeof node !== 'string' || !/(Z|[+-]\d\d:?\d\d)$/i.test(node)) return null;
  const instant = Date.parse(node);
  return Number.isNaN(instant) ? null : instant;
}

export function nextWorkingDay(spec, calendar, after) {
  if (after === null) return null;
  const [h, min, s = 0] = spec.at.split(':').map(Number);
  const local = wallClock(after, spec.zone);
  const holidays = new Set(calendar.holidays.map((x) => x.date));
  let day = Date.UTC(local.y, local.m - 1, local.d);
  if (isoDay(local.y, local.m, local.d) < calendar.valid_from) return null;
  let seen = 0;
  for (;;) {
    const date = new Date(day);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const key = isoDay(y, m, d);
    if (key > calendar.valid_to) return null; // past the end of the calendar: unknown, not a guess
    const weekday = date.getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !holidays.has(key)) {
      const moment = zonedInstant(y, m, d, h, min, s, spec.zone);
      if (moment > after) {
        seen += 1;
        if (seen === spec.working_days) return pythonUtc(moment);
      }
    }
    day += 86_400_000;
  }
}

/** `context.times` for a rule set's declared times (`document.times`, `document.calendars`). */
export function computeTimes(times, calendars, facts) {
  const out = {};
  for (const [name, spec] of Object.entries(times)) {
    if (spec.kind !== 'next_working_day') throw new Error(`unknown computed time kind ${spec.kind}`);
    out[name] = nextWorkingDay(spec, calendars[spec.calendar], readTime(facts, spec.after));
  }
  return out;
}
