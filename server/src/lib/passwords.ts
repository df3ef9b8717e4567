import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane): about 20-40 ms on a shop
 * mini-PC, cheap enough for a busy counter, costly for an offline guesser.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, ARGON2_OPTIONS);
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false; // a malformed stored hash must read as "wrong", never as a 500
  }
}

/**
 * Spends the same time as a real verification so an unknown email cannot be told apart from a
 * wrong password by timing. The dummy hash is made once per instance, on first use.
 */
export class TimingEqualizer {
  #dummy: Promise<string> | undefined;
  async burn(secret: string): Promise<void> {
    this.#dummy ??= hashSecret(randomBytes(16).toString('hex'));
    await verifySecret(await this.#dummy, secret);
  }
}

/** Session tokens and recovery codes are high-entropy: a fast SHA-256 is the right lookup hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
