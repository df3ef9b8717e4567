import { Type, type Static } from '@sinclair/typebox';

/**
 * The check-in kiosk's contract: what the tablet at the door and the server agree on. The kiosk
 * is a device of the shop (kind `kiosk` in Settings → Devices); once paired it holds a kiosk
 * token (`kk_…`, sent as `Authorization: Bearer`) that opens only the routes under /api/kiosk/.
 * Everything a customer sees of another customer is masked here, on the server, before it leaves.
 */

/** The languages the kiosk speaks; the first is the default on the welcome screen. */
export const KIOSK_LANGUAGES = ['en', 'es'] as const;
export type KioskLanguage = (typeof KIOSK_LANGUAGES)[number];

/** Kiosk tokens start with this, so one pasted in the wrong place is recognisable. */
export const KIOSK_TOKEN_PREFIX = 'kk_';

/** The common concerns, as big buttons; `label` per language, `concern` is what the RO's job says. */
export const KIOSK_COMMON_CONCERNS = [
  { id: 'oil-change', concern: 'Oil change', label: { en: 'Oil change', es: 'Cambio de aceite' } },
  {
    id: 'brake-noise',
    concern: 'Brakes make noise',
    label: { en: 'Brakes noise', es: 'Ruido en los frenos' },
  },
  {
    id: 'check-engine',
    concern: 'Check engine light is on',
    label: { en: 'Check engine light', es: 'Luz de check engine' },
  },
  { id: 'tires', concern: 'Tires', label: { en: 'Tires', es: 'Llantas' } },
  { id: 'ac', concern: 'A/C not cooling', label: { en: 'A/C', es: 'Aire acondicionado' } },
] as const;

/** The shop's authorization text when the owner has not written one (Settings → Kiosk). */
export const DEFAULT_KIOSK_AUTHORIZATION: Record<KioskLanguage, string> = {
  en:
    'I authorize the shop to inspect and diagnose my vehicle for the concerns listed, up to $150 ' +
    'without further approval. The shop will call me before doing any other work. Vehicles left ' +
    'more than 3 days after I am told the work is done may be charged storage. The shop is not ' +
    'responsible for items left in the vehicle.',
  es:
    'Autorizo al taller a inspeccionar y diagnosticar mi vehículo por los problemas indicados, hasta ' +
    '$150 sin otra aprobación. El taller me llamará antes de hacer cualquier otro trabajo. Los ' +
    'vehículos que se queden más de 3 días después de avisarme que el trabajo está terminado pueden ' +
    'pagar almacenaje. El taller no se hace responsable por objetos dejados en el vehículo.',
};

/** After this many seconds without a touch the kiosk asks "Still there?" (Settings → Kiosk). */
export const DEFAULT_KIOSK_IDLE_SECONDS = 60;

/** Limits that both sides check (the UI to say so early, the server to refuse). */
export const KIOSK_LIMITS = {
  concernLength: 500,
  concerns: 10,
  nameLength: 60,
} as const;

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Ref = Type.String({ minLength: 1, maxLength: 200, description: 'an opaque reference from a lookup' });
const Language = Type.Union(KIOSK_LANGUAGES.map((l) => Type.Literal(l)));
const ContactChannel = Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('phone')]);

// ---- pairing (module `kiosks`) --------------------------------------------------------------

export const KioskPairBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 20, description: 'the code from Settings → Devices' }) },
  { additionalProperties: false },
);

/** What the kiosk knows about itself and its shop (GET /api/kiosk/self). */
export const KioskSelfSchema = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  shopName: Type.String(),
  timeZone: Type.String(),
  idleSeconds: Type.Integer(),
  authorizationText: Type.Object({ en: Type.String(), es: Type.String() }),
  /**
   * Which texts these are (a hash of them): sent back with the check-in, so a text the owner
   * changed while a customer was reading is read again, never signed unseen.
   */
  authorizationVersion: Type.String(),
  /** Whether a label printer is assigned to this kiosk (the thank-you screen words the key tag on it). */
  hasLabelPrinter: Type.Boolean(),
});
export type KioskSelf = Static<typeof KioskSelfSchema>;

export const KioskPairedSchema = Type.Object({ token: Type.String(), kiosk: KioskSelfSchema });
export type KioskPaired = Static<typeof KioskPairedSchema>;

/** The hidden staff exit: a staff member's PIN (the PIN sign-in's), checked on the server. */
export const KioskStaffExitBody = Type.Object(
  { pin: Type.String({ minLength: 1, maxLength: 20, description: "an active staff member's PIN" }) },
  { additionalProperties: false },
);

// ---- lookups (module `kiosk-check-in`) -----------------------------------------------------

/** Phone (any format) plus a second fact (last name or plate): both must match, or nothing is shown. */
export const KioskLookupBody = Type.Object(
  { phone: Type.String({ minLength: 1, maxLength: 40 }), fact: Text(60) },
  { additionalProperties: false },
);
/** The code from the appointment reminder's QR (or typed from the message). */
export const KioskCodeLookupBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);

export const KioskVehicleSchema = Type.Object({
  ref: Ref,
  /** "2019 Honda C***" */
  masked: Type.String(),
  /** "7AB***" or null */
  plateMasked: Type.Union([Type.String(), Type.Null()]),
});

export const KioskMatchSchema = Type.Object({
  /** The customer (opaque, kiosk-bound, short-lived). */
  ref: Ref,
  /** "J. Sm***" */
  maskedName: Type.String(),
  /** The stored preference, preselected on the "how do we reach you" step. */
  contactChannel: ContactChannel,
  language: Type.Union([Language, Type.Null()]),
  vehicles: Type.Array(KioskVehicleSchema),
  /** Today's booked appointment, when there is one. */
  appointment: Type.Union([
    Type.Null(),
    Type.Object({
      ref: Ref,
      startsAt: Type.String(),
      concerns: Type.Array(Type.String()),
      vehicleRef: Type.Union([Ref, Type.Null()]),
      waiter: Type.Boolean(),
    }),
  ]),
});
export type KioskMatch = Static<typeof KioskMatchSchema>;

/** Always the same shape: no matches looks the same whether or not the phone number is known. */
export const KioskLookupResultSchema = Type.Object({ matches: Type.Array(KioskMatchSchema) });
export type KioskLookupResult = Static<typeof KioskLookupResultSchema>;

export const KioskVinBody = Type.Object(
  { vin: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const KioskVinSchema = Type.Object({
  vin: Type.String(),
  /** 17 characters of the VIN alphabet */
  wellFormed: Type.Boolean(),
  /** The check digit (position 9) agrees; false: ask the customer to check it (never refused). */
  checkDigitOk: Type.Boolean(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  make: Type.Union([Type.String(), Type.Null()]),
  model: Type.Union([Type.String(), Type.Null()]),
});
export type KioskVin = Static<typeof KioskVinSchema>;

// ---- check-in --------------------------------------------------------------------------------

export const KioskNewCustomerSchema = Type.Object(
  {
    firstName: Text(KIOSK_LIMITS.nameLength),
    lastName: Text(KIOSK_LIMITS.nameLength),
    phone: Type.String({ minLength: 1, maxLength: 40 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
  },
  { additionalProperties: false },
);

export const KioskNewVehicleSchema = Type.Object(
  {
    vin: Type.Optional(Type.String({ maxLength: 40 })),
    plate: Type.Optional(Type.String({ maxLength: 12 })),
    state: Type.Optional(Type.String({ maxLength: 3 })),
  },
  { additionalProperties: false },
);

export const KioskCheckInBody = Type.Object(
  {
    /** A fresh UUID per check-in attempt: the same one again (double tap, retry) creates nothing new. */
    requestId: Type.String({ format: 'uuid' }),
    language: Language,
    /** From a lookup: check this appointment in. Absent: a walk-in. */
    appointmentRef: Type.Optional(Ref),
    /** A returning customer (from a lookup) or a new one. */
    customer: Type.Union([
      Type.Object({ ref: Ref }, { additionalProperties: false }),
      Type.Object({ new: KioskNewCustomerSchema }, { additionalProperties: false }),
    ]),
    vehicle: Type.Union([
      Type.Object({ ref: Ref }, { additionalProperties: false }),
      Type.Object({ new: KioskNewVehicleSchema }, { additionalProperties: false }),
    ]),
    concerns: Type.Array(Text(KIOSK_LIMITS.concernLength), { maxItems: KIOSK_LIMITS.concerns }),
    odometer: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000 })),
    waiting: Type.Boolean(),
    /**
     * Leaving the car: when the customer asks to have it back (the repair order's promised time
     * until the advisor changes it). At most 14 days ahead.
     */
    readyBy: Type.Optional(Type.String({ format: 'date-time' })),
    contactChannel: ContactChannel,
    /** KioskSelf.authorizationVersion of the text shown; a stale one is a 409 `authorization-text-changed`. */
    authorizationVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    authorization: Type.Object(
      {
        name: Text(120),
        /** data:image/png;base64,… drawn on the kiosk */
        signature: Type.String({ minLength: 1, maxLength: 800_000 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type KioskCheckInInput = Static<typeof KioskCheckInBody>;

export const KioskCheckInResultSchema = Type.Object({
  repairOrderNumber: Type.Integer(),
  /** The number on the key tag ("your tag number is 214"). */
  tagNumber: Type.Integer(),
  /** What happened to the key tag: printed/queued on the kiosk's printer, or no printer assigned. */
  keyTag: Type.Union([Type.Literal('queued'), Type.Literal('no-printer')]),
  firstName: Type.String(),
});
export type KioskCheckInResult = Static<typeof KioskCheckInResultSchema>;
