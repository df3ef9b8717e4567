/** The parts of the settings screen, each at its own address so it can be linked to directly. */
export interface SettingsSection {
  href: string;
  label: string;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { href: '/settings', label: 'Shop and money' },
  { href: '/settings/invoice', label: 'Invoice' },
  { href: '/settings/users', label: 'Users' },
  { href: '/settings/floor', label: 'Technicians and bays' },
  { href: '/settings/displays', label: 'Bay TVs' },
  { href: '/settings/devices', label: 'Devices' },
  { href: '/settings/printing', label: 'Label printing' },
  { href: '/settings/kiosk', label: 'Kiosk' },
  { href: '/settings/canned-jobs', label: 'Canned jobs' },
  { href: '/settings/inspections', label: 'Inspection templates' },
  { href: '/settings/notifications', label: 'Messages' },
  { href: '/settings/backup', label: 'Backup' },
  { href: '/settings/remote-access', label: 'Remote access' },
  { href: '/settings/account', label: 'My account' },
];

/** Which section a path belongs to: /settings itself only for the exact path, the others by prefix. */
export function isCurrentSection(section: SettingsSection, pathname: string): boolean {
  const path = pathname.replace(/\/$/, '');
  if (section.href === '/settings') return path === '/settings';
  return path === section.href || path.startsWith(`${section.href}/`);
}
