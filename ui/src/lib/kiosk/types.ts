import type { KioskTextKey } from './i18n';

/** `t` bound to the customer's language. */
export type Translate = (key: KioskTextKey, values?: Record<string, string | number>) => string;

/** The messages shown at a screen's fields, by field id, already in the customer's language. */
export type FieldMessages = Partial<Record<string, string>>;
