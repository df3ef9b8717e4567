import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Inspection,
  InspectionTemplate,
  RecommendJobResult,
} from '../../src/modules/inspections/inspections.schemas.js';
import type { CannedJob, Job } from '../../src/modules/repair-orders/repair-orders.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/** Issue 15 item 4: a finding arrives titled from itself and priced from the starter canned jobs. */

let t: TestApp;
let owner: { id: string; cookie: string };

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

async function ok<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
  const response = await injectAs(t.app, owner.cookie, {
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<T>();
}

async function inspectionWithRedFrontPads(templateId?: string): Promise<Inspection> {
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await ok<{ id: string }>('POST', '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns: ['Squeal'],
  });
  const inspection = await ok<Inspection>(
    'POST',
    `/api/repair-orders/${ro.id}/inspections`,
    templateId === undefined ? {} : { templateId },
  );
  const finding = inspection.findings.find((f) => f.itemKey === 'brakes.front-pads')!;
  await ok('PATCH', `/api/inspections/${inspection.id}/findings/brakes.front-pads`, {
    version: finding.version,
    rating: 'red',
    measurement: 2,
  });
  return inspection;
}

describe('starter canned jobs', () => {
  it('adds the common services once: a second call adds nothing', async () => {
    const first = await ok<{ created: CannedJob[] }>('POST', '/api/canned-jobs/starter-set');
    expect(first.created.map((c) => c.name)).toEqual([
      'Oil and filter change',
      'Brake pads, front axle',
      'Brake pads, rear axle',
      'Tire rotation',
      'Battery replacement',
      'Diagnostics, first hour',
      'Wheel alignment',
      'Wiper blades',
      'Cabin air filter',
    ]);
    for (const job of first.created)
      expect(job.lines.some((l) => l.kind === 'labor' && l.quantity > 0)).toBe(true);
    const second = await ok<{ created: CannedJob[] }>('POST', '/api/canned-jobs/starter-set');
    expect(second.created).toEqual([]);
    const list = await ok<{ items: CannedJob[] }>('GET', '/api/canned-jobs?includeInactive=true');
    expect(list.items).toHaveLength(9);
  });

  it('a red "Front brake pads" finding becomes "Front brake pads at 2 mm" priced from the front-axle job', async () => {
    await ok('POST', '/api/canned-jobs/starter-set');
    const inspection = await inspectionWithRedFrontPads();
    const result = await ok<RecommendJobResult>(
      'POST',
      `/api/inspections/${inspection.id}/findings/brakes.front-pads/recommend-job`,
    );
    expect(result).toMatchObject({ jobTitle: 'Front brake pads at 2 mm', fromCannedJob: true });
    const job = await ok<Job>('GET', `/api/jobs/${result.jobId}`);
    expect(job.title).toBe('Front brake pads at 2 mm');
    expect(
      job.lines.map((l) => [
        l.kind,
        l.description,
        l.quantity,
        l.unitPriceCents,
        l.partNumber,
        l.approvalState,
      ]),
    ).toEqual([
      ['labor', 'Replace front brake pads, clean and lube slides', 1.5, 14_000, null, 'recommended'],
      ['part', 'Brake pad set, front', 1, 7_900, 'PADS-FRONT', 'recommended'],
    ]);
  });

  it("a canned job mapped by hand does not lend its title (a neighbouring item's) to the finding", async () => {
    const rear = await ok<CannedJob>('POST', '/api/canned-jobs', {
      name: 'Rear pads',
      title: 'Rear brake pads',
      lines: [{ kind: 'labor', description: 'Replace pads', quantity: 1.5 }],
    });
    const template = await ok<InspectionTemplate>('POST', '/api/inspection-templates', {
      name: 'Brakes only',
      sections: [
        {
          key: 'brakes',
          title: 'Brakes',
          items: [
            {
              key: 'brakes.front-pads',
              label: 'Front brake pads',
              required: true,
              measurementUnit: 'mm',
              cannedJobId: rear.id,
            },
            { key: 'brakes.rear-pads', label: 'Rear brake pads', required: true, measurementUnit: 'mm' },
          ],
        },
      ],
    });
    const inspection = await inspectionWithRedFrontPads(template.id);
    const result = await ok<RecommendJobResult>(
      'POST',
      `/api/inspections/${inspection.id}/findings/brakes.front-pads/recommend-job`,
    );
    expect(result.jobTitle).toBe('Front brake pads at 2 mm');
  });
});
