import type { DeviceKind } from '$contracts/mqtt';
import { elapsed } from '$lib/format';
import type { Device } from './devices-api';

/**
 * What the Settings → Devices screen shows of a device, kept apart from the markup so the rules
 * (which kinds sit in a bay, what "online" means for a revoked one, the order of the list) are
 * tested as plain code.
 */

interface KindInfo {
  label: string;
  /** A symbol beside the label; the label is what a screen reader reads. */
  icon: string;
  /** Placed in a bay: the sensor watches it, the display shows it. */
  placedInBay: boolean;
  hint: string;
}

/** Keyed by the contract's kinds, so a kind added there fails the typecheck here until it is described. */
const KINDS: Record<DeviceKind, KindInfo> = {
  'bay-sensor': {
    label: 'Bay sensor',
    icon: '🚗',
    placedInBay: true,
    hint: 'Sees a car come into and leave its bay.',
  },
  'obd-dongle': {
    label: 'OBD dongle',
    icon: '🔌',
    placedInBay: false,
    hint: "Plugs into a car's diagnostic port and sends its codes and mileage.",
  },
  'label-printer': {
    label: 'Label printer',
    icon: '🏷️',
    placedInBay: false,
    hint: 'Prints key tags, oil-change stickers and bin labels.',
  },
  kiosk: { label: 'Kiosk', icon: '🖥️', placedInBay: false, hint: 'A self check-in screen at the counter.' },
  display: { label: 'Display', icon: '📺', placedInBay: true, hint: "A screen that shows its bay's state." },
};

export const DEVICE_KIND_OPTIONS = (Object.keys(KINDS) as DeviceKind[]).map((kind) => ({
  kind,
  ...KINDS[kind],
}));

export function kindLabel(kind: DeviceKind): string {
  return KINDS[kind].label;
}

export function kindIcon(kind: DeviceKind): string {
  return KINDS[kind].icon;
}

export function kindHint(kind: DeviceKind): string {
  return KINDS[kind].hint;
}

export function placedInBay(kind: DeviceKind): boolean {
  return KINDS[kind].placedInBay;
}

export type DeviceState = 'online' | 'offline' | 'never' | 'revoked';

/** A revoked device is refused whatever it last said; one never seen has not connected yet. */
export function deviceState(device: Pick<Device, 'revokedAt' | 'online' | 'lastSeenAt'>): DeviceState {
  if (device.revokedAt !== null) return 'revoked';
  if (device.online) return 'online';
  return device.lastSeenAt === null ? 'never' : 'offline';
}

export const STATE_LABELS: Record<DeviceState, string> = {
  online: 'Online',
  offline: 'Offline',
  never: 'Not connected yet',
  revoked: 'Revoked',
};

/** "Online now", "2 min ago", "Never". */
export function lastSeenLabel(device: Pick<Device, 'online' | 'lastSeenAt'>, now = Date.now()): string {
  if (device.online) return 'Now';
  if (device.lastSeenAt === null) return 'Never';
  const ago = elapsed(device.lastSeenAt, now);
  return ago === 'just now' ? 'Just now' : `${ago} ago`;
}

/** "ESP32-C3 · fw 1.4.2", or null when the device has said neither. */
export function hardwareLabel(device: Pick<Device, 'firmware' | 'model'>): string | null {
  const parts = [device.model, device.firmware === null ? null : `fw ${device.firmware}`].filter(
    (part): part is string => part !== null && part !== '',
  );
  return parts.length === 0 ? null : parts.join(' · ');
}

/** Devices in use first (by kind, then name), revoked ones after, so the floor reads top down. */
export function sortDevices<T extends Pick<Device, 'kind' | 'name' | 'revokedAt'>>(
  devices: readonly T[],
): T[] {
  const kindOrder = Object.keys(KINDS);
  return [...devices].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

/** "1 bad message", "3 bad messages". */
export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
