import {
  AREA_CODES,
  BUSINESS_SUFFIXES,
  businessNames,
  CUSTOMER_NOTES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
} from './catalog/people.js';
import type { CustomerState, EmailEntry, PhoneEntry } from './model.js';
import type { Random } from './random.js';

const SPANISH_NAMES = new Set([
  'Luis',
  'Guadalupe',
  'Carlos',
  'Rosa',
  'Juan',
  'Ana',
  'Miguel',
  'Sofia',
  'Jesus',
  'Isabella',
  'Maria',
  'Jose',
]);
const POLISH_NAMES = new Set(['Tomasz', 'Agnieszka', 'Piotr', 'Katarzyna', 'Marek', 'Malgorzata']);
/** Central office codes that are not ordinary subscriber numbers (N11 service codes, 555, 950, 958, 959, 976). */
const RESERVED_EXCHANGES = new Set(['555', '950', '958', '959', '976']);

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** People and businesses with unique phones and emails, so a search for one finds one customer. */
export class CustomerFactory {
  readonly #phones = new Set<string>();
  readonly #emails = new Set<string>();
  readonly #names = new Set<string>();
  readonly #businesses: string[];
  readonly #fleets: string[];

  constructor(
    private readonly random: Random,
    private readonly idAt: (ms: number) => string,
  ) {
    const { businesses, fleets } = businessNames();
    this.#businesses = businesses;
    this.#fleets = random.sample(fleets, fleets.length);
  }

  create(at: number): CustomerState {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.004 && this.#fleets.length > 0) return this.business(at, this.#fleets.pop()!, 'fleet');
    if (roll < 0.05) return this.business(at, this.businessName(), 'business');
    return this.person(at);
  }

  private person(at: number): CustomerState {
    const r = this.random;
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const phones: PhoneEntry[] = [];
    if (r.chance(0.97))
      phones.push({ number: this.phone(), label: r.chance(0.87) ? 'mobile' : 'home', primary: true });
    if (phones.length > 0 && r.chance(0.18))
      phones.push({ number: this.phone(), label: r.chance(0.6) ? 'work' : 'home', primary: false });
    const emails: EmailEntry[] = [];
    if (phones.length === 0 || r.chance(0.72))
      emails.push({ address: this.personalEmail(first, last), label: 'personal', primary: true });
    if (emails.length > 0 && r.chance(0.06))
      emails.push({ address: this.workEmail(first, last), label: 'work', primary: false });
    let language = 'en';
    if (SPANISH_NAMES.has(first) && r.chance(0.5)) language = 'es';
    else if (POLISH_NAMES.has(first) && r.chance(0.35)) language = 'pl';
    else if (r.chance(0.03)) language = 'es';
    return this.finish(at, `${first} ${last}`, 'person', phones, emails, language);
  }

  private business(at: number, name: string, kind: 'business' | 'fleet'): CustomerState {
    const r = this.random;
    const phones: PhoneEntry[] = [{ number: this.phone(), label: 'work', primary: true }];
    if (r.chance(0.5)) phones.push({ number: this.phone(), label: 'mobile', primary: false });
    const domain = `${slug(name).slice(0, 24)}.example`;
    const emails: EmailEntry[] = [
      {
        address: this.unique(this.#emails, `${r.pick(['office', 'info', 'fleet', 'accounts'])}@${domain}`),
        label: 'work',
        primary: true,
      },
    ];
    return this.finish(at, name, kind, phones, emails, 'en');
  }

  private finish(
    at: number,
    name: string,
    kind: CustomerState['kind'],
    phones: PhoneEntry[],
    emails: EmailEntry[],
    language: string,
  ): CustomerState {
    const r = this.random;
    const hasMobile = phones.some((p) => p.label === 'mobile');
    let contactChannel: CustomerState['contactChannel'] = 'phone';
    const channelRoll = r.next();
    if (hasMobile && channelRoll < 0.6) contactChannel = 'sms';
    else if (emails.length > 0 && (phones.length === 0 || channelRoll < 0.8)) contactChannel = 'email';
    else if (phones.length === 0) contactChannel = 'email';
    return {
      id: this.idAt(at),
      name,
      kind,
      phones,
      emails,
      contactChannel,
      language,
      marketingOptIn: r.chance(0.45),
      notes:
        kind === 'fleet'
          ? 'Fleet account: PO number required on every RO.'
          : r.chance(0.04)
            ? r.pick(CUSTOMER_NOTES)
            : '',
      createdAt: at,
      updatedAt: at,
    };
  }

  private businessName(): string {
    const r = this.random;
    for (let attempt = 0; attempt < 20; attempt++) {
      const base = r.chance(0.6)
        ? r.pick(this.#businesses)
        : `${r.pick(LAST_NAMES)} ${r.pick(['Plumbing', 'Electric', 'Landscaping', 'Construction', 'Catering', 'Realty', 'Roofing'])}`;
      const suffix = r.pick(BUSINESS_SUFFIXES);
      const name = suffix === '' ? base : `${base} ${suffix}`;
      if (!this.#names.has(name)) {
        this.#names.add(name);
        return name;
      }
    }
    return `${r.pick(this.#businesses)} ${r.int(2, 99)}`;
  }

  /** A US number in E.164 with a real Chicago-area code and a valid exchange; never reused. */
  private phone(): string {
    const r = this.random;
    for (;;) {
      const area = r.weighted(AREA_CODES).code;
      const exchange = `${r.int(2, 9)}${r.int(0, 9)}${r.int(0, 9)}`;
      if (exchange.endsWith('11') || RESERVED_EXCHANGES.has(exchange)) continue;
      const number = `+1${area}${exchange}${String(r.int(0, 9999)).padStart(4, '0')}`;
      if (!this.#phones.has(number)) {
        this.#phones.add(number);
        return number;
      }
    }
  }

  private personalEmail(first: string, last: string): string {
    const r = this.random;
    const f = slug(first);
    const l = slug(last);
    const local = r.pick([
      `${f}.${l}`,
      `${f}${l}`,
      `${f.charAt(0)}${l}`,
      `${f}_${l}`,
      `${l}.${f}`,
      `${f}${l}${r.int(1, 99)}`,
    ]);
    const domain = r.weighted(EMAIL_DOMAINS).domain;
    // Stored lower case, as the customers module stores what an advisor types.
    return this.unique(this.#emails, `${local}@${domain}`);
  }

  private workEmail(first: string, last: string): string {
    const company = slug(this.random.pick(this.#businesses)).slice(0, 20);
    return this.unique(this.#emails, `${slug(first).charAt(0)}${slug(last)}@${company}.example`);
  }

  /** Adds a number before the @ until the address (compared in lower case) is unused. */
  private unique(seen: Set<string>, address: string): string {
    let candidate = address;
    const [local, domain] = address.split('@') as [string, string];
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${local}${n}@${domain}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  }
}
