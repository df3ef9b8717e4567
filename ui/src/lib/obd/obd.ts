import type { Ok } from '$lib/api/client';

/** The OBD shapes the screens show, from the server's OpenAPI. */
export type VehicleObd = Ok<'/api/vehicles/{id}/obd', 'get'>;
export type ObdScan = VehicleObd['scans'][number];
export type ObdCode = ObdScan['codes'][number];
export type UnmatchedReport = Ok<'/api/obd/unmatched', 'get'>['items'][number];

/**
 * What a code's line says: its title, or its system and "manufacturer-specific" (ASE never makes
 * up a text for a carmaker's own code), or that no title is on file for a generic one.
 */
export function codeText(code: ObdCode): string {
  if (code.description !== null) return code.description;
  return code.scope === 'manufacturer-specific'
    ? `${code.system}, manufacturer-specific`
    : `${code.system}, generic code (no description on file)`;
}

export const KIND_LABELS: Record<ObdCode['kind'], string> = {
  stored: 'Stored',
  pending: 'Pending',
  permanent: 'Permanent',
};

/** The readiness line an emissions inspector asks for: how many monitors are not complete. */
export function readinessSummary(scan: ObdScan): string | null {
  if (scan.readiness === null) return null;
  const incomplete = scan.readiness.monitors.filter((m) => !m.complete);
  if (scan.readiness.monitors.length === 0) return 'No readiness monitors reported';
  return incomplete.length === 0
    ? `All ${scan.readiness.monitors.length} monitors complete`
    : `Not complete: ${incomplete.map((m) => m.name).join(', ')}`;
}

export function kmText(km: number): string {
  return `${Math.round(km).toLocaleString('en-US')} km`;
}

/** A waiting dongle report in one line: what it carries. */
export function unmatchedSummary(report: UnmatchedReport): string {
  if (report.channel === 'dtc') {
    const codes = report.codes.length === 0 ? 'no codes' : report.codes.join(', ');
    return `Codes: ${codes}${report.milOn ? ' · check-engine light on' : ''}`;
  }
  const parts = [
    report.odometerKm === null ? null : `Odometer ${kmText(report.odometerKm)}`,
    report.batteryVolts === null ? null : `battery ${report.batteryVolts.toFixed(1)} V`,
  ];
  return parts.filter((p) => p !== null).join(' · ') || 'Telemetry';
}
