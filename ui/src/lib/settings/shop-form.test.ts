import { describe, expect, it } from 'vitest';
import { ApiProblem } from '$lib/api/problem';
import { changedFields, inInputUnits, toSettingsPatch, toShopForm, type ShopSettings } from './shop-form';

const settings: ShopSettings = {
  shopName: 'Main Street Auto',
  phone: '555-0100',
  email: 'shop@example.com',
  address: '1 Main St',
  timezone: 'America/Chicago',
  laborRateCents: 14000,
  taxRatesBp: { labor: 0, part: 825, fee: 0, sublet: 0 },
  shopSupplies: { percentBp: 500, capCents: 3500, taxable: false },
  repairOrderStartNumber: 1001,
  diagnosisWithoutApproval: { allowed: true, limitHours: 0.5 },
  causeCorrectionOnComplete: 'asked',
  baySensorMode: 'suggest',
  registrationNumbers: [],
  warrantyText: '',
  invoiceLegalText: '',
  kiosk: { authorizationText: { en: null, es: null }, idleSeconds: 60 },
  version: 3,
};

describe('shop settings form', () => {
  it('shows money as dollars and rates as percents', () => {
    const form = toShopForm(settings);
    expect(form.laborRate).toBe('140.00');
    expect(form.taxPart).toBe('8.25');
    expect(form.suppliesPercent).toBe('5');
    expect(form.suppliesCap).toBe('35.00');
    expect(form.repairOrderStartNumber).toBe('1001');
  });

  it('sends exactly the server units, with the version read', () => {
    const form = { ...toShopForm(settings), laborRate: '152.5', taxLabor: '6.75', suppliesCap: '40' };
    const result = toSettingsPatch(form, settings.version);
    expect(result).toEqual({
      ok: true,
      body: {
        version: 3,
        shopName: 'Main Street Auto',
        phone: '555-0100',
        email: 'shop@example.com',
        address: '1 Main St',
        timezone: 'America/Chicago',
        laborRateCents: 15250,
        taxRatesBp: { labor: 675, part: 825, fee: 0, sublet: 0 },
        shopSupplies: { percentBp: 500, capCents: 4000, taxable: false },
        repairOrderStartNumber: 1001,
        diagnosisWithoutApproval: { allowed: true, limitHours: 0.5 },
        causeCorrectionOnComplete: 'asked',
        baySensorMode: 'suggest',
      },
    });
  });

  it('sends the diagnosis allowance in hours and names unreadable hours', () => {
    const form = { ...toShopForm(settings), diagnosisAllowed: false, diagnosisLimitHours: '1.25' };
    const result = toSettingsPatch(form, settings.version);
    expect(result.ok && result.body.diagnosisWithoutApproval).toEqual({ allowed: false, limitHours: 1.25 });
    const bad = toSettingsPatch({ ...form, diagnosisLimitHours: 'half' }, settings.version);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['diagnosisWithoutApproval.limitHours']);
  });

  it('names each field it cannot read by its server path', () => {
    const form = { ...toShopForm(settings), laborRate: 'lots', taxFee: '1.234' };
    const result = toSettingsPatch(form, 3);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['laborRateCents', 'taxRatesBp.fee']);
  });

  it('keeps only what changed, for the draft', () => {
    const base = toShopForm(settings);
    expect(changedFields(base, base)).toEqual({});
    expect(changedFields(base, { ...base, taxPart: '9', suppliesTaxable: true })).toEqual({
      taxPart: '9',
      suppliesTaxable: true,
    });
  });

  it("says the server's limits in the input's unit", () => {
    const problem = new ApiProblem({
      type: 'urn:ase:problem:validation',
      title: 'Invalid',
      status: 400,
      detail: 'taxRatesBp.labor: must be at most 10000',
      errors: [
        { path: 'taxRatesBp.labor', message: 'must be at most 10000' },
        { path: 'shopName', message: 'must not be empty' },
      ],
    });
    const shown = inInputUnits(problem);
    expect(shown.fieldError('taxRatesBp.labor')).toBe('must be at most 100 %');
    expect(shown.fieldError('shopName')).toBe('must not be empty');
  });
});
