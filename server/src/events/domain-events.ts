/**
 * The events the in-process bus carries are the live-event contract (server/contracts): names
 * and payload schemas written once, shared with the UI and the devices.
 */
export type {
  LiveEvents as DomainEvents,
  LiveEventName as DomainEventName,
  AnyLiveEvent as AnyDomainEvent,
} from '../../contracts/live-events.js';
