import type { Ok } from '$lib/api/client';
import { elapsed } from '$lib/format';

/**
 * The bays as their sensors see them, for the advisor's board and the repair order: the pure
 * rules of what a bay says (unit-tested; the calls are in floor-api.ts, which the tests cannot
 * load: the API client reaches the connection state's runes).
 */
export type Floor = Ok<'/api/bay-sensors/floor', 'get'>;
export type FloorBay = Floor['bays'][number];
export type Suggestion = FloorBay['suggestions'][number];
export type RepairOrderTimeInBay = Ok<'/api/bay-sensors/repair-orders/{id}', 'get'>;

/** A shop without bay sensors sees nothing of this: only bays a sensor watches, or saw a car in. */
export function sensedBays(floor: Floor): FloorBay[] {
  return floor.bays.filter(
    (bay) => bay.sensors.length > 0 || bay.occupied || bay.lastEvent !== null || bay.suggestions.length > 0,
  );
}

/** "1 h 5 min": a span in seconds, compact. */
export function duration(seconds: number): string {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Seconds counted by the server at `generatedAt`, moved on to `now` while the car is still in. */
export function secondsNow(seconds: number, counting: boolean, generatedAt: string, now: number): number {
  if (!counting) return seconds;
  return seconds + Math.max(0, Math.floor((now - Date.parse(generatedAt)) / 1000));
}

/** What a bay's line says: the car and for how long, or empty; and a car with no job placed. */
export function occupancyText(bay: FloorBay, now: number): string {
  if (!bay.occupied) return 'Empty';
  const since = bay.since === null ? '' : ` ${elapsed(bay.since, now)}`;
  return bay.noJobPlaced ? `Car in${since} · no job placed` : `Car in${since}`;
}

/** "1 h 20 min in bay of 1 h 0 min book": a job's time in bays against its estimate. */
export function jobTimeText(job: { bookSeconds: number }, seconds: number): string {
  if (seconds === 0) return '';
  return job.bookSeconds > 0
    ? `${duration(seconds)} in bay of ${duration(job.bookSeconds)} book`
    : `${duration(seconds)} in bay`;
}

/** Over its book hours: as the server said, or since (the clock moved on while the car is in). */
export function isOver(job: { bookSeconds: number; overrun: boolean }, seconds: number): boolean {
  return job.overrun || (job.bookSeconds > 0 && seconds > job.bookSeconds);
}
