import { describe, expect, it } from 'vitest';
import { camelKeys } from '../../src/lib/row-view.js';

describe('camelKeys', () => {
  it('renames every snake_case column to its camelCase field and keeps the values as they are', () => {
    const view = camelKeys({ id: 'a', bay_id: null, odometer_min_km: 12, sensor_at: 'x', seq: 0 });
    expect(view).toEqual({ id: 'a', bayId: null, odometerMinKm: 12, sensorAt: 'x', seq: 0 });
  });
});
