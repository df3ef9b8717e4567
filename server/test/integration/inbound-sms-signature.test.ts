import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Twilio's published scheme, written here from its description rather than imported, so the test
 * checks the server against the scheme and not against itself: base64(HMAC-SHA1(authToken, url +
 * each POST parameter name followed by its value, names sorted)).
 */
function sign(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const PATH = '/api/public/sms/inbound';
const PUBLIC_BASE = 'https://shop.example.com';
const TOKEN = 'twilio-auth-token-1';
const PHONE = '+15125550100';

let t: TestApp;
let app: FastifyInstance;

beforeEach(async () => {
  t = await createTestApp();
  app = t.app;
});
afterEach(async () => {
  await t.close();
});

function inbound(form: Record<string, string>, options: { signature?: string; url?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: options.url ?? PATH,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.signature === undefined ? {} : { 'x-twilio-signature': options.signature }),
    },
    payload: new URLSearchParams(form).toString(),
  });
}

/** Everything an inbound request could change: the opt-out list and the audit log. */
function snapshot() {
  return {
    optOuts: t.database.sqlite.prepare('SELECT phone, source FROM sms_opt_outs ORDER BY phone').all(),
    audit: t.database.sqlite.prepare('SELECT id FROM audit_log ORDER BY id').all(),
  };
}

function optOutStaff(phone: string) {
  const at = t.clock.now().toISOString();
  t.database.sqlite
    .prepare(`INSERT INTO sms_opt_outs (phone, source, created_at, updated_at) VALUES (?, 'staff', ?, ?)`)
    .run(phone, at, at);
}

async function configure(cookie: string, changes: Record<string, unknown>) {
  const current = await injectAs(app, cookie, { method: 'GET', url: '/api/notification-settings' });
  const response = await injectAs(app, cookie, {
    method: 'PATCH',
    url: '/api/notification-settings',
    payload: { version: current.json<{ version: number }>().version, ...changes },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const stop = { From: PHONE, To: '+15125550199', Body: 'STOP', MessageSid: 'SM1', AccountSid: 'AC1' };

describe('the test’s signer', () => {
  it('reproduces the example in Twilio’s documentation', () => {
    // TwilioDevEd/api-snippets security/signature_validation: token 12345, this URL and these params.
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    expect(sign('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
      'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
    );
  });
});

describe('inbound SMS on a fresh install (no auth token)', () => {
  it('refuses an unsigned STOP, and a START, and changes nothing', async () => {
    optOutStaff('+15125550111');
    const before = snapshot();

    const refused = await inbound(stop);
    expect(refused.statusCode).toBe(403);
    const problem = problemOf(refused);
    expect(problem.type).toBe('urn:ase:problem:sms-inbound-not-configured');
    expect(problem.detail).toMatch(/sms\.authToken/);

    const start = await inbound({ From: '+15125550111', Body: 'START' });
    expect(start.statusCode).toBe(403);
    // A signature made with the empty token proves nothing either.
    const emptyKey = await inbound(stop, { signature: sign('', `http://localhost${PATH}`, stop) });
    expect(emptyKey.statusCode).toBe(403);

    expect(snapshot()).toEqual(before);
  });

  it('refuses while the public address is missing, naming that setting, even when signed', async () => {
    const owner = await setupOwner(app);
    await configure(owner.cookie, { sms: { authToken: TOKEN } });
    const before = snapshot();

    // Signed over the address the request itself claims (its Host header): the sender picks that.
    const response = await inbound(stop, { signature: sign(TOKEN, `http://localhost${PATH}`, stop) });
    expect(response.statusCode).toBe(403);
    const problem = problemOf(response);
    expect(problem.type).toBe('urn:ase:problem:sms-inbound-not-configured');
    expect(problem.detail).toMatch(/publicBaseUrl/);
    expect(snapshot()).toEqual(before);
  });
});

describe('inbound SMS with the auth token and public address set', () => {
  beforeEach(async () => {
    const owner = await setupOwner(app);
    await configure(owner.cookie, { publicBaseUrl: PUBLIC_BASE, sms: { authToken: TOKEN } });
  });

  it('refuses a request without a signature or with a wrong one, and changes nothing', async () => {
    const before = snapshot();
    const unsigned = await inbound(stop);
    expect(unsigned.statusCode).toBe(403);
    expect(problemOf(unsigned).type).toBe('urn:ase:problem:bad-signature');

    const wrongToken = await inbound(stop, {
      signature: sign('not-the-token', `${PUBLIC_BASE}${PATH}`, stop),
    });
    expect(wrongToken.statusCode).toBe(403);
    expect(problemOf(wrongToken).type).toBe('urn:ase:problem:bad-signature');

    // Right token, but over other parameters (a signed STOP replayed as a START).
    const replayed = await inbound(
      { ...stop, Body: 'START' },
      { signature: sign(TOKEN, `${PUBLIC_BASE}${PATH}`, stop) },
    );
    expect(replayed.statusCode).toBe(403);

    const garbage = await inbound(stop, { signature: 'x' });
    expect(garbage.statusCode).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a signature over any URL but the configured public one', async () => {
    const before = snapshot();
    for (const url of [
      `http://localhost${PATH}`,
      `https://attacker.example${PATH}`,
      `http://shop.example.com${PATH}`,
      `${PUBLIC_BASE}${PATH}?x=1`,
      `${PUBLIC_BASE}/api/public/sms/other`,
    ]) {
      const response = await inbound(stop, { signature: sign(TOKEN, url, stop) });
      expect(response.statusCode, url).toBe(403);
    }
    expect(snapshot()).toEqual(before);
  });

  it('accepts the correct signature: STOP opts the number out, START back in', async () => {
    const response = await inbound(stop, { signature: sign(TOKEN, `${PUBLIC_BASE}${PATH}`, stop) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/xml/);
    expect(await app.notifications.isOptedOut(PHONE)).toBe(true);

    const start = { From: PHONE, Body: 'start' };
    const back = await inbound(start, { signature: sign(TOKEN, `${PUBLIC_BASE}${PATH}`, start) });
    expect(back.statusCode, back.body).toBe(200);
    expect(await app.notifications.isOptedOut(PHONE)).toBe(false);
  });

  it('signs the query string too, as Twilio does', async () => {
    const url = `${PATH}?shop=main`;
    const signed = await inbound(stop, { url, signature: sign(TOKEN, `${PUBLIC_BASE}${url}`, stop) });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(await app.notifications.isOptedOut(PHONE)).toBe(true);
  });
});
