import { shopInputToIso, shopTodayDate } from '$lib/time/shop-time';

/**
 * "Need it back by": the few times a customer leaving the car may ask for, on the shop's clock:
 * noon and five o'clock, today and tomorrow, keeping only those far enough ahead for the work to
 * start (at least LEAD_MS from now), at most MAX_OPTIONS of them. The advisor can always change
 * the promise at the counter; this is what the customer asked for.
 */
export interface ReadyByOption {
  /** The instant, as the check-in sends it. */
  iso: string;
  day: 'today' | 'tomorrow';
  /** "12:00" or "17:00" on the shop's wall clock. */
  wallTime: string;
}

const TIMES = ['12:00', '17:00'] as const;
const LEAD_MS = 90 * 60_000;
const MAX_OPTIONS = 3;

/** The calendar day after `date` ("2026-12-31" → "2027-01-01"). */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function readyByOptions(nowMs: number, timeZone: string): ReadyByOption[] {
  const today = shopTodayDate(nowMs, timeZone);
  const days = [
    { day: 'today' as const, date: today },
    { day: 'tomorrow' as const, date: nextDay(today) },
  ];
  const options: ReadyByOption[] = [];
  for (const { day, date } of days)
    for (const wallTime of TIMES) {
      const iso = shopInputToIso(`${date}T${wallTime}`, timeZone);
      if (iso !== null && Date.parse(iso) - nowMs >= LEAD_MS) options.push({ iso, day, wallTime });
    }
  return options.slice(0, MAX_OPTIONS);
}

/** "12:00 PM" / "12:00" as the customer's language writes a wall-clock time. */
export function spokenTime(wallTime: string, language: 'en' | 'es'): string {
  const [hours, minutes] = wallTime.split(':').map(Number) as [number, number];
  // A fixed UTC date formatted in UTC: only the wall-clock numbers matter here.
  return new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(2026, 0, 1, hours, minutes));
}
