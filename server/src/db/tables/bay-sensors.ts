import type { Timestamps } from '../columns.js';

/** Tables owned by the bay-sensors module (migration 0024): what the bay sensors saw, and what came of it. */

/** What an event did: applied to the bay, or kept only (a reorder, a repeat, a sensor with no bay). */
export type BaySensorOutcome = 'applied' | 'out_of_order' | 'already_in' | 'already_out' | 'no_bay';
/** What ASE did about the job in the bay because of an applied event. */
export type BaySensorAction = 'started' | 'completed' | 'suggested' | 'refused' | 'no_job' | 'none';

export interface BaySensorEventsTable extends Timestamps {
  id: string;
  device_id: string;
  bay_id: string | null;
  event: 'in' | 'out';
  seq: number;
  /** The sensor's own clock, as it sent it. */
  sensor_at: string;
  received_at: string;
  outcome: BaySensorOutcome;
  action: BaySensorAction | null;
  job_id: string | null;
  detail: string | null;
}

/** One stay of a car in a bay: open (out_at null) while it is there. Occupancy is the open visit. */
export interface BayVisitsTable extends Timestamps {
  id: string;
  bay_id: string;
  /** The job placed in the bay when the car came in (null: none was placed). */
  job_id: string | null;
  repair_order_id: string | null;
  in_at: string;
  out_at: string | null;
  in_event_id: string;
  out_event_id: string | null;
  /** When the advisor was told this stay passed the job's book hours (once per stay). */
  overrun_alerted_at: string | null;
}

export type BaySuggestionKind = 'start' | 'complete';
export type BaySuggestionStatus = 'open' | 'accepted' | 'dismissed' | 'expired';

/** "Car entered bay 3 at 10:02: start the brake job?" on the advisor's board. */
export interface BaySuggestionsTable extends Timestamps {
  id: string;
  bay_id: string;
  job_id: string;
  event_id: string;
  kind: BaySuggestionKind;
  status: BaySuggestionStatus;
  message: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface BaySensorsTables {
  bay_sensor_events: BaySensorEventsTable;
  bay_visits: BayVisitsTable;
  bay_suggestions: BaySuggestionsTable;
}
