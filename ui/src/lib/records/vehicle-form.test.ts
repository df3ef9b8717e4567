import { describe, expect, it } from 'vitest';
import {
  convertReading,
  formatReading,
  isBelowCurrent,
  parseReading,
  plateText,
  vehicleFormOf,
  vehiclePatchOf,
  vehicleSummary,
  vehicleTitle,
  type Vehicle,
} from './vehicle-form';

const vehicle: Vehicle = {
  id: '00000000-0000-7000-8000-000000000010',
  customerId: '00000000-0000-7000-8000-000000000001',
  year: 2018,
  make: 'Honda',
  model: 'Civic',
  trim: null,
  engine: '2.0L I4',
  body: null,
  color: null,
  vin: '2HGFC2F59JH000000',
  vinCheckOverride: null,
  licensePlate: 'ABC1234',
  plateRegion: 'CA',
  notes: '',
  odometer: 45210,
  odometerUnit: 'mi',
  telematicsId: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  owner: { customerId: '00000000-0000-7000-8000-000000000001', customerName: 'Ann Lee', since: null },
  ownershipHistory: [],
};

describe('naming a vehicle', () => {
  it('joins what is known', () => {
    expect(vehicleTitle(vehicle)).toBe('2018 Honda Civic');
    expect(vehicleTitle({ year: null, make: null, model: null })).toBe('Vehicle');
    expect(vehicleTitle({ ...vehicle, trim: 'EX' })).toBe('2018 Honda Civic EX');
  });
  it('adds the plate, or the VIN tail without one', () => {
    expect(vehicleSummary(vehicle)).toBe('2018 Honda Civic · ABC1234');
    expect(vehicleSummary({ ...vehicle, licensePlate: null })).toBe('2018 Honda Civic · VIN …000000');
    expect(vehicleSummary({ ...vehicle, licensePlate: null, vin: null })).toBe('2018 Honda Civic');
    expect(plateText('ABC1234', 'CA')).toBe('ABC1234 (CA)');
    expect(plateText(null, 'CA')).toBeNull();
  });
});

describe('odometer', () => {
  it('parses readings typed with separators and refuses the rest', () => {
    expect(parseReading('45,210')).toBe(45210);
    expect(parseReading(' 45 210 ')).toBe(45210);
    expect(parseReading('45.2k')).toBeNull();
    expect(parseReading('-5')).toBeNull();
    expect(parseReading('')).toBeNull();
  });
  it('compares across units', () => {
    expect(convertReading(100, 'mi', 'km')).toBeCloseTo(160.9344);
    expect(isBelowCurrent(45000, 'mi', 45210, 'mi')).toBe(true);
    expect(isBelowCurrent(73000, 'km', 45210, 'mi')).toBe(false); // 73,000 km ≈ 45,360 mi
    expect(isBelowCurrent(10, 'mi', null, 'mi')).toBe(false);
    expect(formatReading(45210, 'mi')).toBe('45,210 mi');
  });
});

describe('vehicle edit form', () => {
  it('sends only changes; an emptied field clears it', () => {
    const form = vehicleFormOf(vehicle);
    expect(vehiclePatchOf(form, vehicle)).toEqual({ version: 2 });
    form.engine = '';
    form.trim = ' EX ';
    form.year = '2019';
    expect(vehiclePatchOf(form, vehicle)).toEqual({ version: 2, engine: null, trim: 'EX', year: 2019 });
  });
  it('sends the VIN override reason only with a changed VIN', () => {
    const form = vehicleFormOf(vehicle);
    form.vinOverrideReason = 'as stamped';
    expect(vehiclePatchOf(form, vehicle)).toEqual({ version: 2 });
    form.vin = '1HGCM82633A004353';
    expect(vehiclePatchOf(form, vehicle).vinCheckOverrideReason).toBe('as stamped');
  });
});
