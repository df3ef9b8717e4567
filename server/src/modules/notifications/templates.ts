/**
 * The words of every message, per event and channel. Plain functions of the variables the caller
 * hands in, so the outbox row holds exactly what was sent (a later template change never rewrites
 * a queued message).
 */
export const CUSTOMER_EVENTS = [
  'estimate_ready',
  'approval_received',
  'vehicle_ready',
  'appointment_reminder',
] as const;
export type NotificationEvent = (typeof CUSTOMER_EVENTS)[number];

export type TemplateVars = Record<string, string | number | null | undefined>;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string | null;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function str(vars: TemplateVars, key: string, fallback = ''): string {
  const value = vars[key];
  return value === undefined || value === null || value === '' ? fallback : String(value);
}

interface Parts {
  subject: string;
  lines: string[];
  /** A link the message is about (rendered as a button in the email). */
  link?: { url: string; label: string };
  /** An image under the lines in the email only (a data URL, sent as an inline attachment). */
  image?: { src: string; alt: string };
  /** SMS text (short). */
  sms: string;
}

function parts(event: string, vars: TemplateVars): Parts {
  const shop = str(vars, 'shopName', 'Your repair shop');
  const vehicle = str(vars, 'vehicle', 'your vehicle');
  const name = str(vars, 'customerName');
  const hello = name === '' ? 'Hello,' : `Hello ${name},`;
  const phone = str(vars, 'shopPhone');
  const callUs = phone === '' ? '' : ` Questions? Call us at ${phone}.`;
  switch (event) {
    case 'estimate_ready': {
      const link = str(vars, 'link');
      const message = str(vars, 'message');
      return {
        subject: `${shop}: your estimate for ${vehicle} is ready`,
        lines: [
          hello,
          `We inspected ${vehicle} and prepared an estimate. Please look at the findings and photos, and approve or decline each recommended job.`,
          ...(message === '' ? [] : [message]),
          ...(callUs === '' ? [] : [callUs.trim()]),
        ],
        ...(link === '' ? {} : { link: { url: link, label: 'View and approve the estimate' } }),
        sms: `${shop}: your estimate for ${vehicle} is ready. Review and approve: ${link}`.trim(),
      };
    }
    case 'approval_received': {
      const signer = str(vars, 'signerName', 'The customer');
      const ro = str(vars, 'repairOrderNumber');
      const approved = str(vars, 'approvedCount', '0');
      const declined = str(vars, 'declinedCount', '0');
      const text = `${signer} answered the estimate${ro === '' ? '' : ` for RO #${ro}`}: ${approved} approved, ${declined} declined.`;
      return { subject: `Approval received${ro === '' ? '' : ` · RO #${ro}`}`, lines: [text], sms: text };
    }
    case 'vehicle_ready':
      return {
        subject: `${shop}: ${vehicle} is ready`,
        lines: [hello, `Good news: ${vehicle} is ready for pick-up.${callUs}`],
        sms: `${shop}: ${vehicle} is ready for pick-up.${callUs}`,
      };
    case 'appointment_reminder': {
      const when = str(vars, 'when', 'soon');
      // The kiosk at the door finds the appointment by this code (typed, or its QR in the email).
      const code = str(vars, 'checkInCode');
      const checkIn = code === '' ? '' : ` Check in at the kiosk with code ${code}.`;
      const qr = str(vars, 'checkInQr');
      return {
        subject: `${shop}: reminder of your appointment ${when}`,
        lines: [
          hello,
          `This is a reminder of your appointment for ${vehicle} ${when}.${callUs}`,
          ...(checkIn === '' ? [] : [checkIn.trim()]),
        ],
        ...(qr === '' || code === '' ? {} : { image: { src: qr, alt: `Check-in QR code ${code}` } }),
        sms: `${shop}: reminder of your appointment for ${vehicle} ${when}.${checkIn}${callUs}`,
      };
    }
    case 'bay_overrun': {
      // To the advisors (web push), never a customer: a job in a bay passed its book hours.
      const text = `${str(vars, 'jobTitle', 'A job')} (RO #${str(vars, 'repairOrderNumber')}) has been in ${str(vars, 'bayName', 'its bay')} ${str(vars, 'hoursInBay')} h, over its ${str(vars, 'bookHours')} book hours.`;
      return { subject: `Over estimate · ${str(vars, 'bayName', 'bay')}`, lines: [text], sms: text };
    }
    case 'test':
      return {
        subject: `${shop}: test message`,
        lines: ['This is a test message from ASE. If you can read it, this channel works.'],
        sms: `${shop}: test message from ASE. This channel works.`,
      };
    default:
      return {
        subject: `${shop}: ${event}`,
        lines: [str(vars, 'text', event)],
        sms: str(vars, 'text', event),
      };
  }
}

/** The email (subject, text and HTML) for an event. */
export function renderEmail(event: string, vars: TemplateVars): RenderedMessage {
  const p = parts(event, vars);
  const shop = str(vars, 'shopName', 'Your repair shop');
  const text = [...p.lines, ...(p.link ? [`${p.link.label}: ${p.link.url}`] : []), '', `— ${shop}`].join(
    '\n\n',
  );
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#111">',
    ...p.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(p.image
      ? [
          `<p><img src="${escapeHtml(p.image.src)}" alt="${escapeHtml(p.image.alt)}" width="200" height="200"></p>`,
        ]
      : []),
    ...(p.link
      ? [
          `<p><a href="${escapeHtml(p.link.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(p.link.label)}</a></p>`,
        ]
      : []),
    `<p style="color:#555">— ${escapeHtml(shop)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: p.subject, text, html };
}

/** The SMS body for an event (one message, no HTML). */
export function renderSms(event: string, vars: TemplateVars): RenderedMessage {
  return { subject: '', text: parts(event, vars).sms, html: null };
}

/** A web-push notification for staff: title + body (+ the URL the click opens). */
export function renderPush(event: string, vars: TemplateVars): RenderedMessage {
  const p = parts(event, vars);
  return { subject: p.subject, text: p.lines.join(' '), html: null };
}
