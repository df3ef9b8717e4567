/** The tabs at the top of the inventory screens. */
export interface InventorySection {
  href: string;
  label: string;
}

export const INVENTORY_SECTIONS: readonly InventorySection[] = [
  { href: '/inventory', label: 'Items' },
  { href: '/inventory/purchase-orders', label: 'Purchase orders' },
  { href: '/inventory/vendors', label: 'Vendors' },
  { href: '/inventory/pricing', label: 'Pricing matrix' },
];

/** Items is current on /inventory and on an item's page; the others on their own paths. */
export function isCurrentSection(section: InventorySection, pathname: string): boolean {
  if (section.href === '/inventory')
    return pathname === '/inventory' || pathname.startsWith('/inventory/items');
  return pathname === section.href || pathname.startsWith(`${section.href}/`);
}
