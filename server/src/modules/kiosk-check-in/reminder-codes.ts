import { randomInt } from 'node:crypto';

/**
 * The check-in code in an appointment's reminder: 8 characters from an alphabet with nothing to
 * confuse when read aloud or typed (no 0/O, 1/I/L), typed on the kiosk or read from the
 * reminder's QR code, whose content is `ASE-CHECKIN:<code>`.
 */
export const REMINDER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REMINDER_CODE_LENGTH = 8;
export const REMINDER_QR_PREFIX = 'ASE-CHECKIN:';

export function newReminderCode(): string {
  let code = '';
  for (let i = 0; i < REMINDER_CODE_LENGTH; i++)
    code += REMINDER_CODE_ALPHABET[randomInt(REMINDER_CODE_ALPHABET.length)];
  return code;
}

/** The code in what the kiosk sent (typed with spaces or dashes, or the QR's whole content); null if none. */
export function parseReminderCode(input: string): string | null {
  let text = input.trim();
  if (text.toUpperCase().startsWith(REMINDER_QR_PREFIX)) text = text.slice(REMINDER_QR_PREFIX.length);
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== REMINDER_CODE_LENGTH) return null;
  for (const char of code) if (!REMINDER_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** The QR code's content for an appointment's reminder. */
export function reminderQrContent(code: string): string {
  return `${REMINDER_QR_PREFIX}${code}`;
}
