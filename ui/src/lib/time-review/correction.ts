/**
 * The correction form: start and end as the shop's wall clock shows them (datetime-local values),
 * turned back into instants, sending only what the user changed. The inputs show minutes, the
 * server keeps seconds: an untouched field must not be "corrected" to its rounded minute.
 */
import type { FieldError } from '$lib/api/problem';
import { fromLocalInputValue, toLocalInputValue, type PlainDate } from '$lib/calendar/zoned';
import { timeOnDay } from './review';

export interface CorrectionForm {
  /** "2026-03-03T09:30" on the shop's clock. */
  start: string;
  /** "" while the clock is still running (or the shift open). */
  end: string;
  reason: string;
}

/** The API's names for start and end: an entry's startedAt/endedAt, a shift's clockInAt/clockOutAt. */
export interface FieldNames {
  start: string;
  end: string;
}

export const ENTRY_FIELDS = { start: 'startedAt', end: 'endedAt' } as const;
export const SHIFT_FIELDS = { start: 'clockInAt', end: 'clockOutAt' } as const;

export function formOf(startIso: string, endIso: string | null, timeZone: string): CorrectionForm {
  return {
    start: toLocalInputValue(Date.parse(startIso), timeZone),
    end: endIso === null ? '' : toLocalInputValue(Date.parse(endIso), timeZone),
    reason: '',
  };
}

export type Checked =
  | { ok: true; start?: string; end?: string }
  /** Errors name the API's fields, so they show under the same inputs as the server's would. */
  | { ok: false; errors: FieldError[] };

/**
 * What to send: the changed start and/or end as UTC instants. Refused here (before the server):
 * a value that is not a date and time, an end emptied (a stopped clock cannot be restarted), and
 * a form where nothing changed. The rest (end before start, the future, overlaps, the reason) is
 * the server's to check, so there is one set of rules.
 */
export function checkCorrection(
  initial: CorrectionForm,
  form: CorrectionForm,
  names: FieldNames,
  timeZone: string,
): Checked {
  const errors: FieldError[] = [];
  const result: { start?: string; end?: string } = {};
  if (form.start !== initial.start) {
    const ms = fromLocalInputValue(form.start, timeZone);
    if (ms === null) errors.push({ path: names.start, message: 'must be a date and time' });
    else result.start = new Date(ms).toISOString();
  }
  if (form.end !== initial.end) {
    if (form.end === '') {
      errors.push({ path: names.end, message: 'cannot be emptied once the clock has stopped' });
    } else {
      const ms = fromLocalInputValue(form.end, timeZone);
      if (ms === null) errors.push({ path: names.end, message: 'must be a date and time' });
      else result.end = new Date(ms).toISOString();
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (result.start === undefined && result.end === undefined)
    return {
      ok: false,
      errors: [{ path: names.start, message: 'is unchanged: change the start or the end' }],
    };
  return { ok: true, ...result };
}

/**
 * What a saved correction changed, for the status line: "start 9:00 AM → 8:30 AM, end running →
 * 11:15 AM". Compares the row before and after, so it says what the server actually stored.
 */
export function describeChange(
  before: { start: string; end: string | null },
  after: { start: string; end: string | null },
  day: PlainDate,
  timeZone: string,
  /** What an end not yet there is called: "running" for a job clock, "still in" for a shift. */
  openLabel = 'running',
): string {
  const show = (iso: string | null) => (iso === null ? openLabel : timeOnDay(iso, day, timeZone));
  const parts: string[] = [];
  if (before.start !== after.start) parts.push(`start ${show(before.start)} → ${show(after.start)}`);
  if (before.end !== after.end) parts.push(`end ${show(before.end)} → ${show(after.end)}`);
  return parts.length === 0 ? 'no time changed' : parts.join(', ');
}
