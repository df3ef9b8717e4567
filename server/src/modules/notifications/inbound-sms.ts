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

/** Where Twilio posts replies; the shop pastes `publicBaseUrl + INBOUND_SMS_PATH` into Twilio. */
export const INBOUND_SMS_PATH = '/api/public/sms/inbound';

/** Why an inbound SMS request is refused: a problem slug and a sentence for whoever reads the log. */
export interface InboundSmsRefusal {
  slug: 'sms-inbound-not-configured' | 'bad-signature';
  detail: string;
}

/**
 * Whether a request to the inbound webhook is Twilio's own. Without the auth token there is no way
 * to tell Twilio from anyone else on the internet, so nothing is trusted until it is set; and the
 * URL signed is the public one the shop configured (what Twilio called), never the Host header the
 * request happens to carry, which the sender chooses.
 */
export function inboundSmsRefusal(
  config: { authToken: string; publicBaseUrl: string },
  pathAndQuery: string,
  params: Record<string, string>,
  signature: string | undefined,
): InboundSmsRefusal | null {
  if (config.authToken === '') {
    return {
      slug: 'sms-inbound-not-configured',
      detail:
        'Inbound SMS (STOP/START replies) is refused until the SMS auth token (sms.authToken, the Twilio auth token) is set in the message settings: without it no request can be proved to come from Twilio.',
    };
  }
  if (config.publicBaseUrl === '') {
    return {
      slug: 'sms-inbound-not-configured',
      detail:
        "Inbound SMS (STOP/START replies) is refused until the shop's public address (publicBaseUrl) is set in the message settings: Twilio signs the public URL it posts to.",
    };
  }
  if (signature === undefined || signature === '') {
    return { slug: 'bad-signature', detail: 'The request carries no X-Twilio-Signature.' };
  }
  if (
    !twilioSignatureMatches(config.authToken, `${config.publicBaseUrl}${pathAndQuery}`, params, signature)
  ) {
    return { slug: 'bad-signature', detail: 'The X-Twilio-Signature does not match.' };
  }
  return null;
}
