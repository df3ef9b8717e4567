import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a customer's reply to one of our texts means (carriers' standard keywords). */
export const OPT_OUT_WORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'OPTOUT',
  'REVOKE',
]);
export const OPT_IN_WORDS = new Set(['START', 'YES', 'UNSTOP', 'OPTIN']);

export type ReplyIntent = 'opt_out' | 'opt_in' | null;

/** "Stop." and " stop " are STOP; anything else that is not a keyword means nothing. */
export function replyIntent(body: string): { word: string; intent: ReplyIntent } {
  const word = body
    .trim()
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  return { word, intent: OPT_OUT_WORDS.has(word) ? 'opt_out' : OPT_IN_WORDS.has(word) ? 'opt_in' : null };
}

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 of the URL followed by the sorted params. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Constant-time comparison of a received X-Twilio-Signature with the expected one. */
export function twilioSignatureMatches(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
