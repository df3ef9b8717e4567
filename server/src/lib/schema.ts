import {
  Type,
  type Static,
  type TObject,
  type TProperties,
  type TSchema,
  type TOptional,
  type TUnsafe,
} from '@sinclair/typebox';

/**
 * Schema building blocks shared by every module. Request objects refuse unknown fields, so a typo
 * in a field name is a 400 naming it, not a silently ignored value.
 */
export function StrictObject<T extends TProperties>(
  properties: T,
  options: { description?: string } = {},
): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/** A string limited to a fixed set: plain `enum` in JSON Schema, so errors and OpenAPI read well. */
export function StringEnum<T extends string>(
  values: readonly T[],
  options: { description?: string; default?: T } = {},
) {
  return Type.Unsafe<T>({ ...options, type: 'string', enum: [...values] });
}

export const Uuid = Type.String({ format: 'uuid', description: 'UUIDv7 identifier' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters.' });
export const Pin = Type.String({ pattern: '^[0-9]{4,8}$', description: '4 to 8 digits.' });
export const Version = Type.Integer({
  minimum: 1,
  // Also read from query strings (DELETE ...?version=): 1e308 is a 400 here, not an SQL error.
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'The version you last read; a stale version gets 409 with the current one.',
});
export const IsoDateTime = Type.String({ format: 'date-time' });
/** `?version=` of a DELETE: the version you read, so a stale delete is refused too. */
export const VersionQuery = StrictObject({ version: Type.Optional(Version) });

export const IdParams = StrictObject({ id: Uuid });

type Optionals<T extends TProperties> = { [K in keyof T]: TOptional<T[K]> };

function optionals<T extends TProperties>(fields: T): Optionals<T> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [name, Type.Optional(schema)]),
  ) as Optionals<T>;
}

/**
 * The change request of what `create` makes: the version you read (a stale one gets 409), then
 * any of the create request's fields, each optional, so a client sends only what it changes;
 * `omit` the fields only a create takes, and `more` what only a change may set (after the rest).
 */
export function ChangeOf<
  T extends TProperties,
  O extends keyof T = never,
  M extends TProperties = Record<never, TSchema>,
>(
  create: TObject<T>,
  options: { omit?: readonly O[]; more?: M } = {},
): TObject<{ version: typeof Version } & Optionals<Omit<T, O>> & Optionals<M>> {
  const omitted = new Set<PropertyKey>(options.omit ?? []);
  const kept = Object.fromEntries(
    Object.entries(create.properties).filter(([name]) => !omitted.has(name)),
  ) as Omit<T, O>;
  return StrictObject({
    version: Version,
    ...optionals(kept),
    ...optionals(options.more ?? ({} as M)),
  });
}

export const FieldErrorSchema = Type.Object({ path: Type.String(), message: Type.String() });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

/** Adds the problem+json error shapes to a route's documented responses. */
export function withProblems<T extends Record<number, TSchema>>(
  responses: T,
): T & { '4xx': typeof ProblemSchema; '5xx': typeof ProblemSchema } {
  return { ...responses, '4xx': ProblemSchema, '5xx': ProblemSchema };
}

export const NoContent = Type.Null({ description: 'No content' });

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * `T | null`. For scalars this is `type: [t, 'null']` rather than `anyOf`: the response serializer
 * (fast-json-stringify) checks every anyOf branch with a validator on every value, which made the
 * job board's serialization several times slower; a type list it handles natively. Objects keep anyOf.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string' && SCALAR_TYPES.has(type)) {
    const { [Symbol.for('TypeBox.Kind')]: _kind, ...rest } = schema as Record<string | symbol, unknown>;
    return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
}
