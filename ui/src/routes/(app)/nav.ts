import type { Role } from '$lib/state/session.svelte';

export interface NavItem {
  href: string;
  label: string;
}

/** The screens each role sees in the top bar; the server enforces the same rules on every route. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  if (role !== 'technician') items.push({ href: '/board', label: 'Board' });
  if (role === 'owner' || role === 'advisor') {
    items.push({ href: '/repair-orders', label: 'Repair orders' });
    items.push({ href: '/repair-orders/new', label: 'New RO' });
    items.push({ href: '/appointments', label: 'Appointments' });
    items.push({ href: '/customers', label: 'Customers' });
  }
  if (role === 'technician' || role === 'owner') items.push({ href: '/my-jobs', label: 'My jobs' });
  if (role !== 'parts') items.push({ href: '/inspections', label: 'Inspections' });
  if (role === 'owner' || role === 'advisor') items.push({ href: '/invoices', label: 'Invoices' });
  if (role === 'owner' || role === 'advisor') items.push({ href: '/time', label: 'Time' });
  if (role !== 'technician') items.push({ href: '/inventory', label: 'Inventory' });
  if (role === 'owner') items.push({ href: '/reports', label: 'Reports' });
  if (role === 'advisor') items.push({ href: '/reports/end-of-day', label: 'End of day' });
  if (role === 'technician') items.push({ href: '/board', label: 'Board' });
  if (role === 'owner') items.push({ href: '/settings', label: 'Settings' });
  return items;
}

/** Where "/" leads after sign-in. */
export function homeFor(role: Role): string {
  return role === 'technician' ? '/my-jobs' : '/board';
}

/** The nav item for a path: the longest href that is the path or a parent of it. */
export function currentNavHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
