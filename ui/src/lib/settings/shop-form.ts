import type { Body, Ok } from '$lib/api/client';
import { ApiProblem, type FieldError } from '$lib/api/problem';
export { localProblem } from './problems';
import {
  basisPointsToPercent,
  centsToDollars,
  dollarsToCents,
  limitInInputUnit,
  parseScaled,
  parseWholeNumber,
  percentToBasisPoints,
  type Parsed,
  type StoredUnit,
} from './units';

export type ShopSettings = Ok<'/api/settings', 'get'>;
export type ShopSettingsPatch = Body<'/api/settings', 'patch'>;

/**
 * The shop settings as the form holds them: text exactly as typed (dollars, percents), so a
 * half-typed "8." is not rewritten under the user's fingers. Converted to the server's units
 * (cents, basis points) only when saving.
 */
export interface ShopForm {
  shopName: string;
  phone: string;
  email: string;
  address: string;
  timezone: string;
  laborRate: string;
  taxLabor: string;
  taxPart: string;
  taxFee: string;
  taxSublet: string;
  suppliesPercent: string;
  suppliesCap: string;
  suppliesTaxable: boolean;
  repairOrderStartNumber: string;
  /** Work follows approval: may an unapproved job be started to diagnose it, and for how long. */
  diagnosisAllowed: boolean;
  diagnosisLimitHours: string;
  causeCorrection: ShopSettings['causeCorrectionOnComplete'];
  /** What a bay sensor's "car in / out" does: ask the advisor, or move the job itself. */
  baySensorMode: ShopSettings['baySensorMode'];
}

export type ShopFormKey = keyof ShopForm;

/** Where each form field lives in the server's body: problem+json `errors[].path` uses these. */
export const SERVER_PATH: Record<ShopFormKey, string> = {
  shopName: 'shopName',
  phone: 'phone',
  email: 'email',
  address: 'address',
  timezone: 'timezone',
  laborRate: 'laborRateCents',
  taxLabor: 'taxRatesBp.labor',
  taxPart: 'taxRatesBp.part',
  taxFee: 'taxRatesBp.fee',
  taxSublet: 'taxRatesBp.sublet',
  suppliesPercent: 'shopSupplies.percentBp',
  suppliesCap: 'shopSupplies.capCents',
  suppliesTaxable: 'shopSupplies.taxable',
  repairOrderStartNumber: 'repairOrderStartNumber',
  diagnosisAllowed: 'diagnosisWithoutApproval.allowed',
  diagnosisLimitHours: 'diagnosisWithoutApproval.limitHours',
  causeCorrection: 'causeCorrectionOnComplete',
  baySensorMode: 'baySensorMode',
};

/** The stored unit behind a server path, for saying its limits in the input's unit. */
const UNIT_OF_PATH: Record<string, StoredUnit> = {
  laborRateCents: 'cents',
  'shopSupplies.capCents': 'cents',
  'taxRatesBp.labor': 'basisPoints',
  'taxRatesBp.part': 'basisPoints',
  'taxRatesBp.fee': 'basisPoints',
  'taxRatesBp.sublet': 'basisPoints',
  'shopSupplies.percentBp': 'basisPoints',
};

export function toShopForm(settings: ShopSettings): ShopForm {
  return {
    shopName: settings.shopName,
    phone: settings.phone,
    email: settings.email,
    address: settings.address,
    timezone: settings.timezone,
    laborRate: centsToDollars(settings.laborRateCents),
    taxLabor: basisPointsToPercent(settings.taxRatesBp.labor),
    taxPart: basisPointsToPercent(settings.taxRatesBp.part),
    taxFee: basisPointsToPercent(settings.taxRatesBp.fee),
    taxSublet: basisPointsToPercent(settings.taxRatesBp.sublet),
    suppliesPercent: basisPointsToPercent(settings.shopSupplies.percentBp),
    suppliesCap: centsToDollars(settings.shopSupplies.capCents),
    suppliesTaxable: settings.shopSupplies.taxable,
    repairOrderStartNumber: String(settings.repairOrderStartNumber),
    diagnosisAllowed: settings.diagnosisWithoutApproval.allowed,
    diagnosisLimitHours: String(settings.diagnosisWithoutApproval.limitHours),
    causeCorrection: settings.causeCorrectionOnComplete,
    baySensorMode: settings.baySensorMode,
  };
}

/** The fields that differ from what the server sent: what a persisted draft needs to keep. */
export function changedFields(base: ShopForm, form: ShopForm): Partial<ShopForm> {
  const changes: Partial<ShopForm> = {};
  for (const key of Object.keys(base) as ShopFormKey[]) {
    if (form[key] !== base[key]) (changes as Record<string, unknown>)[key] = form[key];
  }
  return changes;
}

export type ShopPatchResult = { ok: true; body: ShopSettingsPatch } | { ok: false; errors: FieldError[] };

/**
 * Form → PATCH body in the server's units. Text that is not a number at all is refused here,
 * next to its field; ranges (a 150 % tax rate) are the server's to judge.
 */
export function toSettingsPatch(form: ShopForm, version: number): ShopPatchResult {
  const errors: FieldError[] = [];
  const read = (key: ShopFormKey, parsed: Parsed): number => {
    if (parsed.ok) return parsed.value;
    errors.push({ path: SERVER_PATH[key], message: parsed.message });
    return 0;
  };
  const body: ShopSettingsPatch = {
    version,
    shopName: form.shopName.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    address: form.address.trim(),
    timezone: form.timezone.trim(),
    laborRateCents: read('laborRate', dollarsToCents(form.laborRate)),
    taxRatesBp: {
      labor: read('taxLabor', percentToBasisPoints(form.taxLabor)),
      part: read('taxPart', percentToBasisPoints(form.taxPart)),
      fee: read('taxFee', percentToBasisPoints(form.taxFee)),
      sublet: read('taxSublet', percentToBasisPoints(form.taxSublet)),
    },
    shopSupplies: {
      percentBp: read('suppliesPercent', percentToBasisPoints(form.suppliesPercent)),
      capCents: read('suppliesCap', dollarsToCents(form.suppliesCap)),
      taxable: form.suppliesTaxable,
    },
    repairOrderStartNumber: read('repairOrderStartNumber', parseWholeNumber(form.repairOrderStartNumber)),
    diagnosisWithoutApproval: {
      allowed: form.diagnosisAllowed,
      limitHours: read('diagnosisLimitHours', hoursToNumber(form.diagnosisLimitHours)),
    },
    causeCorrectionOnComplete: form.causeCorrection,
    baySensorMode: form.baySensorMode,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, body };
}

/** Hours typed in an input ("0.5", "1.25") → a number of hours. */
function hoursToNumber(text: string): Parsed {
  const hundredths = parseScaled(text, 2);
  return hundredths === null
    ? { ok: false, message: 'enter hours with at most 2 decimals, like 0.5' }
    : { ok: true, value: hundredths / 100 };
}

/** The server's problem with its limits said in dollars and percents rather than cents and basis points. */
export function inInputUnits(problem: ApiProblem): ApiProblem {
  if (problem.errors.length === 0) return problem;
  const errors = problem.errors.map((e) => {
    const unit = UNIT_OF_PATH[e.path.replace(/^body\./, '')];
    return unit ? { ...e, message: limitInInputUnit(e.message, unit) } : e;
  });
  return new ApiProblem({ ...problem.body, errors });
}
