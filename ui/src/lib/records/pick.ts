import type { SearchHit } from '$lib/search/hits';

/**
 * The customer a search hit leads to: the customer itself, or the owner of the vehicle or repair
 * order found (an advisor often finds a customer by plate). Used where a customer must be chosen.
 */
export function customerIdOfHit(hit: SearchHit): string {
  return hit.kind === 'customer' ? hit.hit.id : hit.hit.customerId;
}

/** What the picker says it chose: "Ann Lee", or "owner of 2018 Honda Civic · ABC1234". */
export function pickedLabel(hit: SearchHit): string {
  return hit.kind === 'customer' ? hit.hit.label : `owner of ${hit.hit.label}`;
}
