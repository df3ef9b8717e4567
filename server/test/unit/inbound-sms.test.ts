import { describe, expect, it } from 'vitest';
import {
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
});
