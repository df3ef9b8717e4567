import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import nodemailer from 'nodemailer';
import webpush from 'web-push';

/**
 * The three ways a message leaves the shop. Each adapter sends one message and either returns the
 * provider's id or throws a SendError that says whether trying again can help: a refused
 * connection, a timeout or a 5xx is the internet or the provider having a bad minute (retry); a
 * 4xx is the request itself being wrong (a bad number, bad credentials: do not hammer).
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** For push: the subscription is gone (404/410), so forget it. */
    readonly gone = false,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface OutgoingMessage {
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface SendResult {
  providerMessageId: string | null;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; cause?: unknown };
  if (typeof record.code === 'string') return record.code;
  return errorCode(record.cause);
}

/** Plain words for a network failure (shown to staff on the repair order). */
function networkWords(code: string | undefined, what: string): string {
  switch (code ?? '') {
    case 'ECONNREFUSED':
      return `${what} refused the connection (is the internet down?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EDNS':
      return `${what} could not be found (no internet or a wrong address)`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `lost the connection to ${what} (is the internet down?)`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${what} did not answer in time`;
    default:
      return `could not reach ${what}${code === undefined ? '' : ` (${code})`}`;
  }
}

/** A stable RFC 5322 Message-ID for an idempotency key: the same message always has the same id. */
export function messageIdFor(idempotencyKey: string, fromAddress: string): string {
  const domain = /@([^>\s]+)>?$/.exec(fromAddress)?.[1] ?? 'ase.local';
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}

// ---------------------------------------------------------------- email

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export interface EmailChannel {
  send(settings: SmtpSettings, message: OutgoingMessage): Promise<SendResult>;
}

export class SmtpEmailChannel implements EmailChannel {
  constructor(private readonly timeoutMs = 20_000) {}

  async send(settings: SmtpSettings, message: OutgoingMessage): Promise<SendResult> {
    if (settings.host === '' || settings.from === '') {
      throw new SendError('email is not set up (Settings → Messages: SMTP host and From)', true);
    }
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user === '' ? {} : { auth: { user: settings.user, pass: settings.password } }),
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
    });
    const messageId = messageIdFor(message.idempotencyKey, settings.from);
    try {
      const info = (await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === null ? {} : { html: message.html }),
        // An image in the HTML as a data URL (the reminder's check-in QR) goes as an inline
        // attachment (cid:), which mail apps show; many refuse data: URLs in <img>.
        attachDataUrls: true,
        messageId,
        headers: { 'X-ASE-Idempotency-Key': message.idempotencyKey },
      })) as { messageId?: string };
      return { providerMessageId: info.messageId ?? messageId };
    } catch (error) {
      throw smtpError(error);
    } finally {
      transport.close();
    }
  }
}

function smtpError(error: unknown): SendError {
  const code = errorCode(error);
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  if (code === 'EAUTH') {
    return new SendError('the mail server refused the user name or password (check Settings)', true);
  }
  if (typeof responseCode === 'number') {
    const response = (error as { response?: unknown }).response;
    const reply = typeof response === 'string' ? response.slice(0, 200) : '';
    // SMTP: 4xx is "try later", 5xx is "this will never work" (unknown mailbox, refused sender).
    return new SendError(`the mail server answered ${reply || responseCode}`, responseCode < 500);
  }
  // nodemailer reports socket failures as ESOCKET/ECONNECTION with the system code in the message.
  const message = error instanceof Error ? error.message : '';
  const systemCode = /\b(E[A-Z]{4,}|EAI_AGAIN)\b/.exec(message)?.[1];
  const specific = systemCode !== undefined && NETWORK_CODES.has(systemCode) ? systemCode : code;
  if (specific !== undefined && NETWORK_CODES.has(specific)) {
    return new SendError(networkWords(specific, 'the mail server'), true);
  }
  return new SendError(`email failed: ${error instanceof Error ? error.message : String(error)}`, true);
}

// ---------------------------------------------------------------- SMS

export interface SmsGatewaySettings {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
}

/** A provider adapter: one text to one number. Twilio's API is the default; others fit behind this. */
export interface SmsChannel {
  send(settings: SmsGatewaySettings, message: OutgoingMessage): Promise<SendResult>;
}

/** Twilio-compatible: form-encoded POST /2010-04-01/Accounts/<sid>/Messages.json, basic auth. */
export class TwilioSmsChannel implements SmsChannel {
  constructor(private readonly timeoutMs = 15_000) {}

  async send(settings: SmsGatewaySettings, message: OutgoingMessage): Promise<SendResult> {
    if (settings.baseUrl === '' || settings.accountSid === '' || settings.fromNumber === '') {
      throw new SendError('SMS is not set up (Settings → Messages: gateway, account and From number)', true);
    }
    const url = `${settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
    const auth = Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          'I-Twilio-Idempotency-Token': message.idempotencyKey,
          'Idempotency-Key': message.idempotencyKey,
        },
        body: new URLSearchParams({
          To: message.to,
          From: settings.fromNumber,
          Body: message.text,
        }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const code = errorCode(error);
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new SendError('the SMS gateway did not answer in time', true);
      }
      throw new SendError(networkWords(code, 'the SMS gateway'), true);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      let sid: string | null = null;
      try {
        const body = JSON.parse(text) as { sid?: unknown };
        sid = typeof body.sid === 'string' ? body.sid : null;
      } catch {
        sid = null;
      }
      return { providerMessageId: sid };
    }
    let detail = '';
    try {
      const body = JSON.parse(text) as { message?: unknown };
      detail = typeof body.message === 'string' ? `: ${body.message}` : '';
    } catch {
      detail = '';
    }
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new SendError(`the SMS gateway answered ${response.status}${detail.slice(0, 200)}`, retryable);
  }
}

// ---------------------------------------------------------------- web push

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface VapidSettings {
  subject: string;
  publicKey: string;
  privateKey: string;
}

export interface PushChannel {
  send(
    vapid: VapidSettings,
    target: PushTarget,
    payload: string,
    idempotencyKey: string,
  ): Promise<SendResult>;
}

export class WebPushChannel implements PushChannel {
  /** An https.Agent for the push requests (tests trust a local server's certificate with it). */
  agent: Agent | undefined;

  constructor(private readonly timeoutMs = 15_000) {}

  async send(
    vapid: VapidSettings,
    target: PushTarget,
    payload: string,
    idempotencyKey: string,
  ): Promise<SendResult> {
    try {
      const result = await webpush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: vapid,
          TTL: 24 * 60 * 60,
          timeout: this.timeoutMs,
          topic: createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32),
          urgency: 'normal',
          ...(this.agent === undefined ? {} : { agent: this.agent }),
        },
      );
      const location = result.headers.location;
      return { providerMessageId: typeof location === 'string' ? location : null };
    } catch (error) {
      const statusCode = (error as { statusCode?: unknown }).statusCode;
      if (typeof statusCode === 'number') {
        if (statusCode === 404 || statusCode === 410) {
          throw new SendError('this device is no longer subscribed', false, true);
        }
        return Promise.reject(
          new SendError(
            `the push service answered ${statusCode}`,
            statusCode >= 500 || statusCode === 429 || statusCode === 408,
          ),
        );
      }
      throw new SendError(networkWords(errorCode(error), 'the push service'), true);
    }
  }
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
