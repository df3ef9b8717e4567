import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 TOTP as every authenticator app does it: SHA-1, 6 digits, 30 s steps. */
const PERIOD_SECONDS = 30;
const ISSUER = 'ASE';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrollmentFor(secretBase32: string, label: string) {
  const otpauthUrl = totpFor(secretBase32, label).toString();
  return { secret: secretBase32, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

/**
 * The time-step counter the code belongs to (one step of clock drift either way), or null when the
 * code is wrong. Callers refuse a counter at or below the last one used, so a code works once.
 */
export function matchTotp(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** For tests and the docs: the code an app would show at `at`. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: at.getTime() });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no look-alikes (0/o, 1/l/i)

export function newRecoveryCodes(count = 10): string[] {
  const part = () =>
    Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: count }, () => `${part()}-${part()}`);
}

export function normalizeRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
