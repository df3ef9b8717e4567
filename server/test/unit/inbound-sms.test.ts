import { describe, expect, it } from 'vitest';
import {
  INBOUND_SMS_PATH,
  inboundSmsRefusal,
  replyIntent,
  twilioSignature,
  twilioSignatureMatches,
} from '../../src/modules/notifications/inbound-sms.js';

describe('inbound SMS replies', () => {
  it('reads the carriers’ keywords however they are typed', () => {
    expect(replyIntent('STOP').intent).toBe('opt_out');
    expect(replyIntent(' stop. ').intent).toBe('opt_out');
    expect(replyIntent('Unsubscribe').intent).toBe('opt_out');
    expect(replyIntent('start').intent).toBe('opt_in');
    expect(replyIntent('Stop by at 5?').intent).toBeNull();
    expect(replyIntent('thanks!').intent).toBeNull();
  });

  it('accepts only the signature made with the auth token over the URL and sorted parameters', () => {
    const url = 'https://shop.example/api/public/sms/inbound';
    const params = { From: '+15125550100', Body: 'STOP', To: '+15125550199' };
    const signature = twilioSignature('secret-token', url, params);
    expect(twilioSignatureMatches('secret-token', url, params, signature)).toBe(true);
    // Parameter order does not matter: Twilio sorts them.
    expect(
      twilioSignatureMatches(
        'secret-token',
        url,
        { To: params.To, Body: 'STOP', From: params.From },
        signature,
      ),
    ).toBe(true);
    expect(twilioSignatureMatches('other-token', url, params, signature)).toBe(false);
    expect(twilioSignatureMatches('secret-token', url, { ...params, Body: 'START' }, signature)).toBe(false);
    expect(twilioSignatureMatches('secret-token', `${url}?x=1`, params, signature)).toBe(false);
    expect(twilioSignatureMatches('secret-token', url, params, '')).toBe(false);
  });

  it('matches the example signature in Twilio’s documentation', () => {
    // TwilioDevEd/api-snippets security/signature_validation: auth token 12345.
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(twilioSignatureMatches('12345', url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(true);
  });

  it('trusts nothing until the auth token and the public address are both set', () => {
    const params = { From: '+15125550100', Body: 'STOP' };
    const base = 'https://shop.example';
    const signedWith = (token: string) => twilioSignature(token, `${base}${INBOUND_SMS_PATH}`, params);
    const refusal = (config: { authToken: string; publicBaseUrl: string }, signature?: string) =>
      inboundSmsRefusal(config, INBOUND_SMS_PATH, params, signature);

    expect(refusal({ authToken: '', publicBaseUrl: base }, signedWith(''))).toMatchObject({
      slug: 'sms-inbound-not-configured',
      detail: expect.stringMatching(/sms\.authToken/) as unknown,
    });
    expect(refusal({ authToken: 'tok', publicBaseUrl: '' }, signedWith('tok'))).toMatchObject({
      slug: 'sms-inbound-not-configured',
      detail: expect.stringMatching(/publicBaseUrl/) as unknown,
    });
    const configured = { authToken: 'tok', publicBaseUrl: base };
    expect(refusal(configured)?.slug).toBe('bad-signature');
    expect(refusal(configured, '')?.slug).toBe('bad-signature');
    expect(refusal(configured, signedWith('other'))?.slug).toBe('bad-signature');
    expect(refusal(configured, signedWith('tok'))).toBeNull();
  });
});
