import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDtc, dtcFromBytes, dtcLabel, dtcScope } from './dtc.js';
import { loadDtcDescriptions, loadFirstDtcDescriptions, parseDtcDescriptions } from './dtc-descriptions.js';

const table = parseDtcDescriptions(
  JSON.stringify({
    P0300: 'Random/Multiple Cylinder Misfire Detected',
    U0100: 'Lost Communication with ECM/PCM "A"',
    // Present in the table on purpose: a manufacturer's code must never borrow a generic text.
    P1300: 'must never be shown',
  }),
);

describe('DTC bytes', () => {
  it('decodes the two bytes into the system letter, the first digit and three hex digits', () => {
    expect(dtcFromBytes(0x01, 0x33)).toBe('P0133');
    expect(dtcFromBytes(0x04, 0x20)).toBe('P0420');
    expect(dtcFromBytes(0x11, 0x23)).toBe('P1123');
    expect(dtcFromBytes(0x41, 0x23)).toBe('C0123');
    expect(dtcFromBytes(0x92, 0x34)).toBe('B1234');
    expect(dtcFromBytes(0xc1, 0x00)).toBe('U0100');
    expect(dtcFromBytes(0xff, 0xff)).toBe('U3FFF');
    expect(dtcFromBytes(0x0a, 0xbc)).toBe('P0ABC');
    expect(dtcFromBytes(0x00, 0x00)).toBeNull();
  });
});

describe('DTC scope (SAE J2012 ranges)', () => {
  it.each([
    ['P0301', 'generic'],
    ['P2096', 'generic'],
    ['P3400', 'generic'],
    ['P3F00', 'generic'],
    ['B0001', 'generic'],
    ['C0035', 'generic'],
    ['U0100', 'generic'],
    ['U3000', 'generic'],
    ['P1456', 'manufacturer-specific'],
    ['P3000', 'manufacturer-specific'],
    ['P33FF', 'manufacturer-specific'],
    ['B1000', 'manufacturer-specific'],
    ['B2AAA', 'manufacturer-specific'],
    ['C1234', 'manufacturer-specific'],
    ['C2000', 'manufacturer-specific'],
    ['U1000', 'manufacturer-specific'],
    ['U2100', 'manufacturer-specific'],
  ] as const)('%s is %s', (code, scope) => {
    expect(dtcScope(code)).toBe(scope);
  });
});

describe('describeDtc', () => {
  it('gives a generic code its title from the table', () => {
    expect(describeDtc('p0300', table)).toEqual({
      code: 'P0300',
      system: 'Powertrain',
      scope: 'generic',
      description: 'Random/Multiple Cylinder Misfire Detected',
    });
    expect(describeDtc('U0100', table).system).toBe('Network');
  });

  it('shows a manufacturer-specific code with its system and no text, even if the table has one', () => {
    const dtc = describeDtc('P1300', table);
    expect(dtc).toEqual({
      code: 'P1300',
      system: 'Powertrain',
      scope: 'manufacturer-specific',
      description: null,
    });
    expect(dtcLabel(dtc)).toBe('Powertrain, manufacturer-specific');
    expect(dtcLabel(describeDtc('B1234', table))).toBe('Body, manufacturer-specific');
    expect(dtcLabel(describeDtc('C1234', table))).toBe('Chassis, manufacturer-specific');
  });

  it('says a generic code has no description on file rather than inventing one', () => {
    const dtc = describeDtc('P0171', table);
    expect(dtc.description).toBeNull();
    expect(dtcLabel(dtc)).toBe('Powertrain, generic (no description on file)');
  });

  it('refuses what is not a code', () => {
    expect(() => describeDtc('P4000', table)).toThrow(RangeError);
    expect(() => describeDtc('X0100', table)).toThrow(RangeError);
    expect(() => describeDtc('P030', table)).toThrow(RangeError);
  });
});

describe('the descriptions file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ase-dtc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a well-formed table', async () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify({ P0420: 'Catalyst System Efficiency Below Threshold (Bank 1)' }));
    const loaded = await loadDtcDescriptions(path);
    expect(loaded.problem).toBeNull();
    expect(loaded.descriptions.get('P0420')).toMatch(/Catalyst/);
  });

  it('gives an empty table and says why when the file is missing or broken', async () => {
    const missing = await loadDtcDescriptions(join(dir, 'none.json'));
    expect(missing.descriptions.size).toBe(0);
    expect(missing.problem).toMatch(/not installed/);

    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ P0420: 'fine', NOPE: 'not a code' }));
    const broken = await loadDtcDescriptions(path);
    expect(broken.descriptions.size).toBe(0);
    expect(broken.problem).toMatch(/"NOPE" is not a DTC/);
  });

  it('takes the first file that loads, and names every reason when none does', async () => {
    const path = join(dir, 'second.json');
    writeFileSync(path, JSON.stringify({ P0171: 'System Too Lean (Bank 1)' }));
    const found = await loadFirstDtcDescriptions([join(dir, 'absent.json'), path]);
    expect(found.problem).toBeNull();
    expect(found.descriptions.get('P0171')).toMatch(/Too Lean/);

    const none = await loadFirstDtcDescriptions([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(none.descriptions.size).toBe(0);
    expect(none.problem).toMatch(/a\.json: not installed; .*b\.json: not installed/);
  });
});
