import type { HTMLInputAttributes } from 'svelte/elements';

/**
 * One field of a form, as data: `<Fields>` renders a list of these with TextField (TextAreaField
 * when `rows` is set, SelectField when `options` are), each bound to `values[key]`. A form whose fields differ only
 * in label, id and server path then lists them instead of repeating the same markup.
 */
export interface FieldSpec<K extends string> {
  /** The form value the field edits. */
  key: K;
  label: string;
  /** The input's id (after the list's idPrefix, when it has one); the key when left out. */
  id?: string;
  /** Where the server's problem+json names this field; the key when left out. */
  path?: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'url' | 'date' | 'time' | 'datetime-local';
  inputmode?: HTMLInputAttributes['inputmode'];
  autocomplete?: HTMLInputAttributes['autocomplete'];
  hint?: string;
  prefix?: string;
  suffix?: string;
  wide?: boolean;
  required?: boolean;
  maxlength?: number;
  placeholder?: string;
  /** Focus it when the form opens: only the first field of a form the user just opened. */
  autofocus?: boolean;
  /** Called when the user leaves a changed field (e.g. to look the value up). */
  onchange?: () => void;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  /** A select of these choices instead of a typed value. */
  options?: readonly FieldOption[];
}

/** One choice of a select field. */
export interface FieldOption {
  value: string;
  label: string;
}

/**
 * The keys of a form whose values are text: the ones a FieldSpec can edit. A key whose type is a
 * union of strings ('mi' | 'km') belongs to a select whose options are exactly those strings.
 */
export type TextKeys<T> = { [P in keyof T]-?: T[P] extends string ? P : never }[keyof T] & string;

type SecretSpec<K extends string> = Omit<FieldSpec<K>, 'type' | 'autocomplete'>;

/** A password typed by hand: the browser offers the saved one only where it is the current one. */
export function passwordField<K extends string>(spec: SecretSpec<K>, current = false): FieldSpec<K> {
  return { ...spec, type: 'password', autocomplete: current ? 'current-password' : 'new-password' };
}

/** A new PIN for the shop tablets: digits, hidden as typed, in a short box. */
export function pinField<K extends string>(spec: SecretSpec<K>): FieldSpec<K> {
  return passwordField({ inputmode: 'numeric', wide: false, ...spec });
}
