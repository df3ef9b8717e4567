import type { Db } from '../../db/database.js';
import { formatPhone } from '../../lib/phone.js';
import { problems } from '../../lib/problem.js';
import {
  customersByTrigrams,
  customersByWords,
  nameWordsStartingWith,
  vehiclesByTrigrams,
  vehiclesByTrigramsRanked,
} from './search.repository.js';
import {
  customerDetails,
  customersByContact,
  customersByNamePrefix,
  maxRepairOrderNumber,
  repairOrdersNumbered,
  vehicleDetails,
  vehiclesByPlatePrefix,
  vehiclesByVin,
  vehiclesByVinEnding,
} from './search-read-model.js';
import {
  correctedWordsMatch,
  corrections,
  couldBeVehicle,
  docValues,
  emailScore,
  nameScore,
  nameWordsMatch,
  parseQuery,
  phoneDigitsMatch,
  phoneScore,
  plateFuzzyMatch,
  plateScore,
  roNumberRanges,
  roNumberScore,
  nameSubstringMatch,
  emailSubstringMatch,
  vehicleSubstringMatch,
  vinScore,
  type ParsedQuery,
} from './search-query.js';
import type { CustomerHit, RepairOrderHit, SearchInput, SearchResult, VehicleHit } from './search.schemas.js';

/** How many rows one index lookup may hand to the scorer. */
const CANDIDATES = 200;
/** Emails starting with a few letters typed are many and rarely what was meant: look at fewer. */
const EMAIL_CANDIDATES = 50;

interface Scored<M extends string> {
  id: string;
  score: number;
  matchedOn: M;
  /** The phone digits or email that matched, to show it in the sublabel. */
  matchedValue: string | null;
  /** Orders equal scores: the name, plate or VIN. */
  sortKey: string;
}

/** The best hit per record so far; `full` once there are enough to stop looking further down. */
class Hits<M extends string> {
  readonly #byId = new Map<string, Scored<M>>();
  #exact = false;
  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.#byId.size >= this.limit;
  }

  get size(): number {
    return this.#byId.size;
  }

  /**
   * A whole phone, email, plate or VIN matched exactly: what was typed is a key, and looking on
   * for near misses would only add noise.
   */
  get exact(): boolean {
    return this.#exact;
  }

  add(hit: Scored<M>): void {
    if (hit.score <= 0) return;
    if (hit.score >= 0.95 && hit.matchedOn !== 'name') this.#exact = true;
    const earlier = this.#byId.get(hit.id);
    if (earlier === undefined || earlier.score < hit.score) this.#byId.set(hit.id, hit);
  }

  best(): Scored<M>[] {
    return [...this.#byId.values()]
      .sort((a, b) => b.score - a.score || a.sortKey.localeCompare(b.sortKey))
      .slice(0, this.limit);
  }
}

const round = (score: number) => Math.round(score * 1000) / 1000;

function vehicleName(row: { year: number | null; make: string | null; model: string | null }): string {
  const name = [row.year, row.make, row.model].filter((part) => part !== null && part !== '').join(' ');
  return name === '' ? 'Vehicle' : name;
}

function asPhones(contactInfo: string): { number: string; primary: boolean }[] {
  const parsed = JSON.parse(contactInfo) as { phones?: unknown };
  return Array.isArray(parsed.phones) ? (parsed.phones as { number: string; primary: boolean }[]) : [];
}

function asEmails(contactInfo: string): { address: string; primary: boolean }[] {
  const parsed = JSON.parse(contactInfo) as { emails?: unknown };
  return Array.isArray(parsed.emails) ? (parsed.emails as { address: string; primary: boolean }[]) : [];
}

/** The phone and email to show: the ones that matched, else the primary ones. */
function customerSublabel(contactInfo: string, hit: Scored<CustomerHit['matchedOn']>): string {
  const phones = asPhones(contactInfo);
  const emails = asEmails(contactInfo);
  const digits = (n: string) => n.replace(/\D/g, '');
  const phone =
    (hit.matchedOn === 'phone' ? phones.find((p) => digits(p.number) === hit.matchedValue) : undefined) ??
    phones.find((p) => p.primary) ??
    phones[0];
  const email =
    (hit.matchedOn === 'email'
      ? emails.find((e) => e.address.toLowerCase() === hit.matchedValue)
      : undefined) ??
    emails.find((e) => e.primary) ??
    emails[0];
  return [phone === undefined ? null : formatPhone(phone.number), email?.address.toLowerCase() ?? null]
    .filter((part) => part !== null)
    .join(' · ');
}

function firstConcern(concerns: string): string | null {
  const parsed = JSON.parse(concerns) as unknown;
  const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
  if (typeof first !== 'string' || first.trim() === '') return null;
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

type CustomerMatch = CustomerHit['matchedOn'];
type VehicleMatch = VehicleHit['matchedOn'];

/**
 * The one search box: customers, vehicles and repair orders by any handle a person has.
 *
 * Each kind is looked up in steps, cheapest and most exact first (a whole phone number, word
 * prefixes, ...), down to typo corrections; later steps score lower, so stopping once there are
 * enough hits never hides a better one, and most searches end after one or two index lookups.
 */
/**
 * The best hits made into answers, in their order, with their rows read in one query; a hit whose
 * row is gone by now (deleted since it was scored) is dropped.
 */
async function withDetails<H extends { id: string }, R extends { id: string }, A>(
  top: readonly H[],
  details: (ids: string[]) => Promise<R[]>,
  answer: (hit: H, row: R) => A,
): Promise<A[]> {
  if (top.length === 0) return [];
  const rows = new Map((await details(top.map((h) => h.id))).map((row) => [row.id, row]));
  return top.flatMap((hit) => {
    const row = rows.get(hit.id);
    return row === undefined ? [] : [answer(hit, row)];
  });
}

export class SearchService {
  constructor(private readonly db: Db) {}

  async search(input: SearchInput): Promise<SearchResult> {
    const q = parseQuery(input.q);
    if (q.text === '') throw problems.validation([{ path: 'query.q', message: 'must not be blank' }]);
    return {
      query: q.text,
      customers: await this.customers(q, input.limit),
      vehicles: await this.vehicles(q, input.limit),
      repairOrders: await this.repairOrders(q, input.limit),
    };
  }

  private async customers(q: ParsedQuery, limit: number): Promise<CustomerHit[]> {
    if (q.roOnly) return [];
    const hits = new Hits<CustomerMatch>(limit);
    if (q.text.length < 2) {
      // One character is too little for the word indexes: the name index answers "starting with".
      for (const row of await customersByNamePrefix(this.db, q.text, limit))
        hits.add({ id: row.id, score: 0.7, matchedOn: 'name', matchedValue: null, sortKey: row.name });
    } else {
      // Digits are a phone, an "@" an email: neither is worth looking up among names.
      const nameLike = q.phoneDigits.length === 0 && !q.text.includes('@');
      const steps = [
        () => this.customersByWholePhone(q, hits),
        () => this.customersByEmailPrefix(q, hits),
        () => this.customersByTrigrams(q, hits, 'phone', phoneDigitsMatch(q)),
        ...(nameLike
          ? [
              () => this.customersByWords(q, hits, nameWordsMatch(q, false)),
              () => this.customersByWords(q, hits, nameWordsMatch(q, true)),
              // Fragments from inside a word ("mith") only when no word starts with what was typed.
              () => this.customersByTrigrams(q, hits, 'name', hits.size === 0 ? nameSubstringMatch(q) : null),
              () => this.customersByCorrectedWords(q, hits),
            ]
          : []),
        () => this.customersByTrigrams(q, hits, 'email', emailSubstringMatch(q)),
      ];
      for (const step of steps) {
        if (hits.full || hits.exact) break;
        await step();
      }
    }
    return this.customerHits(hits.best());
  }

  /**
   * A whole number ("(312) 555-0143") is one lookup of its E.164 form in customer_contacts. Only
   * when nobody has it there does the trigram index get asked (rows imported without contacts).
   */
  private async customersByWholePhone(q: ParsedQuery, hits: Hits<CustomerMatch>): Promise<void> {
    if (q.wholePhone === null) return;
    for (const row of await customersByContact(this.db, 'phone', q.wholePhone, false, CANDIDATES))
      hits.add({
        id: row.id,
        score: 1,
        matchedOn: 'phone',
        matchedValue: row.value.slice(1),
        sortKey: row.name,
      });
  }

  private async customersByEmailPrefix(q: ParsedQuery, hits: Hits<CustomerMatch>): Promise<void> {
    if (q.email === null) return;
    for (const row of await customersByContact(this.db, 'email', q.email, true, EMAIL_CANDIDATES)) {
      const score = emailScore(q.email, [row.value]);
      hits.add({ id: row.id, score, matchedOn: 'email', matchedValue: row.value, sortKey: row.name });
    }
  }

  private async customersByWords(
    q: ParsedQuery,
    hits: Hits<CustomerMatch>,
    match: string | null,
  ): Promise<void> {
    if (match === null) return;
    for (const row of await customersByWords(this.db, match, CANDIDATES)) {
      const name = row.name.trim();
      hits.add({
        id: row.id,
        score: nameScore(q.words, name),
        matchedOn: 'name',
        matchedValue: null,
        sortKey: name,
      });
    }
  }

  /** Parts of a phone, name or email, from the trigram index; scored for that part only. */
  private async customersByTrigrams(
    q: ParsedQuery,
    hits: Hits<CustomerMatch>,
    part: CustomerMatch,
    match: string | null,
  ): Promise<void> {
    if (match === null) return;
    for (const row of await customersByTrigrams(this.db, match, CANDIDATES)) {
      const base = { id: row.id, sortKey: row.name.trim(), matchedOn: part };
      switch (part) {
        case 'name':
          hits.add({ ...base, score: nameScore(q.words, row.name), matchedValue: null });
          break;
        case 'phone': {
          const { score, phone } = phoneScore(q.phoneDigits, docValues(row.phones));
          hits.add({ ...base, score, matchedValue: phone });
          break;
        }
        case 'email': {
          const emails = docValues(row.emails);
          const matched = emails.find((e) => q.email !== null && e.includes(q.email)) ?? null;
          hits.add({ ...base, score: emailScore(q.email, emails), matchedValue: matched });
          break;
        }
      }
    }
  }

  /**
   * Typos: each word typed is swapped for the words of customers' names within one or two edits
   * of it (drawn from the names' own vocabulary, words sharing its first letter), then looked up
   * like any other words. "Jonh Smtih" becomes (john) AND (smith, smithson).
   */
  private async customersByCorrectedWords(q: ParsedQuery, hits: Hits<CustomerMatch>): Promise<void> {
    const words = q.words.filter((w) => w.length >= 2);
    if (words.length === 0 || words.length !== q.words.length) return;
    const alternatives: string[][] = [];
    for (const word of words)
      alternatives.push(corrections(word, await nameWordsStartingWith(this.db, word[0]!)));
    await this.customersByWords(q, hits, correctedWordsMatch(alternatives));
  }

  private async customerHits(top: Scored<CustomerMatch>[]): Promise<CustomerHit[]> {
    return withDetails(
      top,
      (ids) => customerDetails(this.db, ids),
      (hit, row) => {
        const sublabel = customerSublabel(row.contact_info, hit);
        return { id: hit.id, label: row.name, sublabel, score: round(hit.score), matchedOn: hit.matchedOn };
      },
    );
  }

  private async vehicles(q: ParsedQuery, limit: number): Promise<VehicleHit[]> {
    if (!couldBeVehicle(q)) return [];
    const hits = new Hits<VehicleMatch>(limit);
    const add = (row: { id: string; plate: string | null; vin: string | null }) => {
      const plate = (row.plate ?? '').trim();
      const vin = (row.vin ?? '').trim().toUpperCase();
      const byPlate = plateScore(q.alnum, plate);
      const byVin = vinScore(q.alnum, vin);
      const matchedOn = byPlate >= byVin ? 'plate' : 'vin';
      hits.add({
        id: row.id,
        score: Math.max(byPlate, byVin),
        matchedOn,
        matchedValue: null,
        sortKey: plate || vin,
      });
    };
    const { alnum } = q;
    const steps = [
      async () => (await vehiclesByPlatePrefix(this.db, alnum, CANDIDATES)).forEach(add),
      async () => {
        if (alnum.length === 17) (await vehiclesByVin(this.db, alnum)).forEach(add);
      },
      async () => {
        // The last 6 or 8 are what people read; a whole VIN with a typo is found by its ending.
        if (alnum.length === 6 || alnum.length === 8)
          (await vehiclesByVinEnding(this.db, alnum, CANDIDATES)).forEach(add);
        else if (alnum.length >= 15)
          (await vehiclesByVinEnding(this.db, alnum.slice(-6), CANDIDATES)).forEach(add);
      },
      async () => {
        const match = vehicleSubstringMatch(q);
        if (match !== null) (await vehiclesByTrigrams(this.db, match, CANDIDATES)).forEach(add);
      },
      async () => {
        const match = plateFuzzyMatch(q);
        if (match !== null) (await vehiclesByTrigramsRanked(this.db, match, 50)).forEach(add);
      },
    ];
    for (const step of steps) {
      if (hits.full || hits.exact) break;
      await step();
    }
    return this.vehicleHits(hits.best());
  }

  private async vehicleHits(top: Scored<VehicleMatch>[]): Promise<VehicleHit[]> {
    return withDetails(
      top,
      (ids) => vehicleDetails(this.db, ids),
      (hit, row) => {
        const label = [
          vehicleName(row),
          row.license_plate,
          row.vin === null ? null : `VIN …${row.vin.toUpperCase().slice(-6)}`,
        ].filter((part) => part !== null && part !== '');
        return {
          id: hit.id,
          customerId: row.customer_id,
          label: label.join(' · '),
          sublabel: row.owner_name,
          score: round(hit.score),
          matchedOn: hit.matchedOn,
        };
      },
    );
  }

  /** The number typed, then the numbers it begins, smallest range first (1042, then 10420-10429). */
  private async repairOrders(q: ParsedQuery, limit: number): Promise<RepairOrderHit[]> {
    if (q.roNumber === null) return [];
    const hits: RepairOrderHit[] = [];
    const max = await maxRepairOrderNumber(this.db);
    for (const range of roNumberRanges(q.roNumber, max)) {
      if (hits.length >= limit) break;
      for (const row of await repairOrdersNumbered(this.db, range.from, range.to, limit - hits.length)) {
        const vehicle = vehicleName(row);
        hits.push({
          id: row.id,
          number: row.number,
          customerId: row.customer_id,
          vehicleId: row.vehicle_id,
          status: row.status,
          label: `#${row.number} · ${row.customer_name} · ${vehicle} · ${row.status}`,
          sublabel: [row.license_plate, `opened ${row.opened_at.slice(0, 10)}`, firstConcern(row.concerns)]
            .filter((part) => part !== null && part !== '')
            .join(' · '),
          score: roNumberScore(range.extraDigits),
          matchedOn: 'number',
        });
      }
    }
    return hits;
  }
}
