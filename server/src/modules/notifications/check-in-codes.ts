import QRCode from 'qrcode';
import type { TemplateVars } from './templates.js';

/**
 * Where an appointment reminder gets the kiosk's check-in code: the kiosk-check-in module's
 * service (`kioskCheckIn.reminderCodeFor`), handed in after the modules are made (app.ts), since
 * that module comes after this one. Without it a reminder simply carries no code.
 */
export interface CheckInCodes {
  /**
   * The appointment's code, 8 characters, the same every time it is asked for; null while the shop
   * has no kiosk to type it at (a reminder then says nothing of one).
   */
  reminderCodeFor(appointmentId: string): Promise<string | null>;
}

/**
 * What the kiosk's QR reader expects (KIOSK-INTERFACES: `ASE-CHECKIN:<code>`). Not imported from
 * the kiosk-check-in module: it depends on this one through approvals, and modules import no cycle.
 */
export const CHECK_IN_QR_PREFIX = 'ASE-CHECKIN:';

/** "7KQ4MZ2P" → "7KQ4-MZ2P": read aloud or typed in two halves. */
export function formatCheckInCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/**
 * The reminder's check-in variables: the code as typed at the kiosk and, for the email, a QR image
 * of `ASE-CHECKIN:<code>` as a data URL (the SMTP channel sends it as an inline attachment).
 * A code that cannot be had leaves the reminder without one rather than not sending it.
 */
export async function checkInVars(
  codes: CheckInCodes | null,
  appointmentId: string,
  log?: { warn(obj: object, msg: string): void },
): Promise<TemplateVars> {
  if (codes === null) return {};
  try {
    const code = await codes.reminderCodeFor(appointmentId);
    if (code === null) return {};
    const checkInQr = await QRCode.toDataURL(`${CHECK_IN_QR_PREFIX}${code}`, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 240,
    });
    return { checkInCode: formatCheckInCode(code), checkInQr };
  } catch (error) {
    log?.warn({ err: error, appointmentId }, 'reminder sent without a kiosk check-in code');
    return {};
  }
}
