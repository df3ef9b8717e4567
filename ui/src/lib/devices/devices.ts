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
  /**
   * A line drawing beside the label (an SVG path on a 24×24 grid, stroked): drawn by the page, so
   * it looks the same on a shop PC without an emoji font. The label is what a screen reader reads.
   */
  icon: string;
  /** Placed in a bay: the sensor watches it, the display shows it. */
  placedInBay: boolean;
  hint: string;
}

/** Keyed by the contract's kinds, so a kind added there fails the typecheck here until it is described. */
const KINDS: Record<DeviceKind, KindInfo> = {
  'bay-sensor': {
    label: 'Bay sensor',
    icon: 'M12 13a1 1 0 1 0 0-.01M8.5 16.5a5 5 0 0 1 0-7M15.5 9.5a5 5 0 0 1 0 7M5.6 19.4a9 9 0 0 1 0-12.8M18.4 6.6a9 9 0 0 1 0 12.8',
    placedInBay: true,
    hint: 'Sees a car come into and leave its bay.',
  },
  'obd-dongle': {
    label: 'OBD dongle',
    icon: 'M7 7h10v6a5 5 0 0 1-10 0zM9 3v4M15 3v4M12 18v3',
    placedInBay: false,
    hint: "Plugs into a car's diagnostic port and sends its codes and mileage.",
  },
  'label-printer': {
    label: 'Label printer',
    icon: 'M7 9V3h10v6M5 9h14a2 2 0 0 1 2 2v5h-4M7 16H3v-5a2 2 0 0 1 2-2M7 14h10v7H7z',
    placedInBay: false,
    hint: 'Prints key tags, oil-change stickers and bin labels.',
  },
  kiosk: {
    label: 'Kiosk',
    icon: 'M3 4h18v12H3zM12 16v4M8 20h8',
    placedInBay: false,
    hint: 'The check-in tablet at the door: once added, a pairing code and QR code for the tablet are shown.',
  },
  display: {
    label: 'Display',
    icon: 'M2 6h20v13H2zM8 2l4 4 4-4',
    placedInBay: true,
    hint: "A screen that shows its bay's state.",
  },
  'home-assistant': {
    label: 'Home Assistant',
    icon: 'M3 11l9-8 9 8M5 9v12h14V9M10 21v-6h4v6',
    placedInBay: false,
    hint: "The shop's Home Assistant: give its MQTT integration these credentials and it finds the bays' occupancy and the printers by itself (read-only).",
  },
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

/** "just now", "2 min ago", "3 d 4 h ago": how long since a device was last heard from. */
export function lastSeenAgo(lastSeenAt: string, now = Date.now()): string {
  const ago = elapsed(lastSeenAt, now);
  return ago === 'just now' ? ago : `${ago} ago`;
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
