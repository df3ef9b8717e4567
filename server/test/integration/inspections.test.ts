import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import type {
  Finding,
  Inspection,
  InspectionSummary,
  InspectionTemplate,
  RecommendJobResult,
} from '../../src/modules/inspections/inspections.schemas.js';
import type { Job, RepairOrder } from '../../src/modules/repair-orders/repair-orders.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
let owner: { id: string; cookie: string };
let tech: string;
let parts: string;
let repairOrderId: string;
let events: DomainEvents['inspectionChanged'][];

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
  parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
  repairOrderId = await openRepairOrder();
  events = [];
  t.app.events.on('inspectionChanged', (e) => events.push(e));
});
afterEach(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
function as(cookie: string, method: Method, url: string, payload?: object) {
  return injectAs(t.app, cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

async function openRepairOrder(): Promise<string> {
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const response = await as(owner.cookie, 'POST', '/api/repair-orders', {
    customerId,
    vehicleId,
    concerns: ['Oil change'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function start(cookie = tech, roId = repairOrderId, payload: object = {}): Promise<Inspection> {
  const response = await as(cookie, 'POST', `/api/repair-orders/${roId}/inspections`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Inspection>();
}

function findingOf(inspection: Inspection, key: string): Finding {
  const finding = inspection.findings.find((f) => f.itemKey === key);
  if (finding === undefined) throw new Error(`no finding ${key}`);
  return finding;
}

async function rate(inspection: Inspection, key: string, body: object, cookie = tech): Promise<Finding> {
  const current = (await as(cookie, 'GET', `/api/inspections/${inspection.id}`)).json<Inspection>();
  const response = await as(cookie, 'PATCH', `/api/inspections/${inspection.id}/findings/${key}`, {
    version: findingOf(current, key).version,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Finding>();
}

const SMALL_TEMPLATE = {
  name: 'Quick check',
  sections: [
    {
      key: 'tires',
      title: 'Tires',
      items: [
        { key: 'tires.lf', label: 'Left front', required: true, measurementUnit: '32nds' },
        { key: 'tires.rf', label: 'Right front', required: false, measurementUnit: '32nds' },
      ],
    },
    { key: 'lights', title: 'Lights', items: [{ key: 'lights.all', label: 'All lights', required: true }] },
  ],
};

describe('inspection templates', () => {
  it('makes the multi-point template on first look, readable by every staff member', async () => {
    const response = await as(parts, 'GET', '/api/inspection-templates');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json<{ items: InspectionTemplate[] }>();
    expect(items.map((i) => i.name)).toEqual(['Multi-point inspection']);
    const all = items[0]!.sections.flatMap((s) => s.items);
    expect(all.filter((i) => i.key.startsWith('tires.') && i.measurementUnit === '32nds')).toHaveLength(4);
    expect(all.find((i) => i.key === 'brakes.front-pads')).toMatchObject({
      measurementUnit: 'mm',
      required: true,
    });
    expect(all.find((i) => i.key === 'battery.voltage')).toMatchObject({ measurementUnit: 'V' });
    expect(all.find((i) => i.key === 'battery.cca')).toMatchObject({ measurementUnit: 'CCA' });
    expect(items[0]!.sections.map((s) => s.key)).toEqual(
      expect.arrayContaining([
        'tires',
        'brakes',
        'battery',
        'fluids',
        'visibility',
        'under-hood',
        'under-car',
      ]),
    );
    // a second look does not make another
    expect(
      (await as(owner.cookie, 'GET', '/api/inspection-templates')).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
  });

  it('creates, changes (versioned), archives a used template and deletes an unused one; advisors only', async () => {
    expect((await as(tech, 'POST', '/api/inspection-templates', SMALL_TEMPLATE)).statusCode).toBe(403);
    const created = await as(owner.cookie, 'POST', '/api/inspection-templates', SMALL_TEMPLATE);
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json<InspectionTemplate>();
    expect(template).toMatchObject({ name: 'Quick check', active: true, version: 1 });

    const renamed = await as(owner.cookie, 'PATCH', `/api/inspection-templates/${template.id}`, {
      version: 1,
      name: 'Quick check (summer)',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await as(owner.cookie, 'PATCH', `/api/inspection-templates/${template.id}`, {
      version: 1,
      name: 'Lost update',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });

    // used by an inspection: archived, not deleted, and the inspection keeps its copy
    const inspection = await start(tech, repairOrderId, { templateId: template.id });
    expect(inspection.sections).toEqual(SMALL_TEMPLATE.sections);
    const removed = await as(owner.cookie, 'DELETE', `/api/inspection-templates/${template.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await as(owner.cookie, 'GET', `/api/inspection-templates/${template.id}`)).json()).toMatchObject({
      active: false,
    });
    const startArchived = await as(tech, 'POST', `/api/repair-orders/${repairOrderId}/inspections`, {
      templateId: template.id,
    });
    expect(problemOf(startArchived).errors).toEqual([
      { path: 'templateId', message: 'no active inspection template has this id' },
    ]);

    const unused = (
      await as(owner.cookie, 'POST', '/api/inspection-templates', { ...SMALL_TEMPLATE, name: 'Unused' })
    ).json<InspectionTemplate>();
    expect((await as(owner.cookie, 'DELETE', `/api/inspection-templates/${unused.id}`)).statusCode).toBe(204);
    expect((await as(owner.cookie, 'GET', `/api/inspection-templates/${unused.id}`)).statusCode).toBe(404);
  });

  it('refuses duplicate keys, unknown canned jobs, thresholds out of order and duplicate names, naming the field', async () => {
    const bad = await as(owner.cookie, 'POST', '/api/inspection-templates', {
      name: 'Bad',
      sections: [
        {
          key: 's',
          title: 'S',
          items: [
            { key: 'a', label: 'A', required: false, thresholds: { yellowBelow: 3, redBelow: 5 } },
            {
              key: 'a',
              label: 'A again',
              required: false,
              cannedJobId: '01900000-0000-7000-8000-00000000abcd',
            },
          ],
        },
        { key: 's', title: 'S again', items: [{ key: 'b', label: 'B', required: false }] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors).toEqual(
      expect.arrayContaining([
        { path: 'sections.0.items.0.thresholds.redBelow', message: 'must not be above yellowBelow' },
        { path: 'sections.0.items.1.key', message: 'is used by another item' },
        { path: 'sections.0.items.1.cannedJobId', message: 'no active canned job has this id' },
        { path: 'sections.1.key', message: 'is used by another section' },
      ]),
    );
    const badKey = await as(owner.cookie, 'POST', '/api/inspection-templates', {
      name: 'Bad key',
      sections: [{ key: 'S/../x', title: 'S', items: [{ key: 'a', label: 'A', required: false }] }],
    });
    expect(badKey.statusCode).toBe(400);
    expect(problemOf(badKey).errors?.[0]?.path).toBe('sections.0.key');

    expect((await as(owner.cookie, 'POST', '/api/inspection-templates', SMALL_TEMPLATE)).statusCode).toBe(
      201,
    );
    const dup = await as(owner.cookie, 'POST', '/api/inspection-templates', {
      ...SMALL_TEMPLATE,
      name: 'QUICK CHECK',
    });
    expect(dup.statusCode).toBe(409);
    expect(problemOf(dup).errors).toEqual([{ path: 'name', message: 'is already used by another template' }]);
  });
});

describe('inspections', () => {
  it('a technician starts one from the default template; a second tap gives back the same one', async () => {
    const inspection = await start();
    expect(inspection).toMatchObject({
      repairOrderId,
      name: 'Multi-point inspection',
      status: 'in_progress',
    });
    const items = inspection.sections.flatMap((s) => s.items);
    expect(inspection.findings).toHaveLength(items.length);
    expect(inspection.counts).toEqual({ green: 0, yellow: 0, red: 0, unrated: items.length });
    expect(findingOf(inspection, 'tires.lf')).toMatchObject({ rating: null, measurement: null, version: 1 });

    const again = await as(tech, 'POST', `/api/repair-orders/${repairOrderId}/inspections`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json<Inspection>().id).toBe(inspection.id);
    expect(events.map((e) => e.change)).toEqual(['started']);

    expect((await as(parts, 'POST', `/api/repair-orders/${repairOrderId}/inspections`, {})).statusCode).toBe(
      403,
    );
    const listed = await as(parts, 'GET', `/api/repair-orders/${repairOrderId}/inspections`);
    expect(listed.json<{ items: Inspection[] }>().items.map((i) => i.id)).toEqual([inspection.id]);
    const floor = await as(tech, 'GET', '/api/inspections?status=in_progress');
    expect(floor.json<{ items: InspectionSummary[] }>().items).toEqual([
      expect.objectContaining({
        id: inspection.id,
        repairOrderId,
        repairOrderNumber: expect.any(Number),
        vehicleSummary: '2018 Honda Civic',
        customerName: 'Ann Example',
      }),
    ]);
    const unknownRo = await as(
      tech,
      'POST',
      '/api/repair-orders/01900000-0000-7000-8000-00000000abcd/inspections',
      {},
    );
    expect(unknownRo.statusCode).toBe(404);
  });

  it('rates items with measurement (in the item’s unit) and note, versioned per finding', async () => {
    const inspection = await start();
    const rated = await rate(inspection, 'tires.lf', {
      rating: 'yellow',
      measurement: 4,
      note: 'Wearing on the edge',
    });
    expect(rated).toMatchObject({
      itemKey: 'tires.lf',
      rating: 'yellow',
      measurement: { value: 4, unit: '32nds' },
      note: 'Wearing on the edge',
      version: 2,
    });
    const stale = await as(tech, 'PATCH', `/api/inspections/${inspection.id}/findings/tires.lf`, {
      version: 1,
      rating: 'green',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ currentVersion: 2, current: { rating: 'yellow' } });

    const cleared = await rate(inspection, 'tires.lf', { measurement: null, rating: null });
    expect(cleared).toMatchObject({ rating: null, measurement: null, note: 'Wearing on the edge' });

    const unknown = await as(tech, 'PATCH', `/api/inspections/${inspection.id}/findings/no.such-item`, {
      version: 1,
      rating: 'red',
    });
    expect(unknown.statusCode).toBe(404);
    const badRating = await as(tech, 'PATCH', `/api/inspections/${inspection.id}/findings/tires.lf`, {
      version: 3,
      rating: 'purple',
    });
    expect(problemOf(badRating).errors?.[0]?.path).toBe('rating');
    expect(
      (await as(parts, 'PATCH', `/api/inspections/${inspection.id}/findings/tires.lf`, { version: 3 }))
        .statusCode,
    ).toBe(403);
    expect(events.map((e) => e.change)).toEqual(['started', 'updated', 'updated']);
  });

  it('refuses to complete naming the required items without a rating; completes, locks, reopens', async () => {
    const template = (
      await as(owner.cookie, 'POST', '/api/inspection-templates', SMALL_TEMPLATE)
    ).json<InspectionTemplate>();
    const inspection = await start(tech, repairOrderId, { templateId: template.id });
    await rate(inspection, 'tires.rf', { rating: 'green' });

    const refused = await as(tech, 'POST', `/api/inspections/${inspection.id}/complete`, { version: 1 });
    expect(refused.statusCode).toBe(409);
    const problem = problemOf(refused);
    expect(problem.type).toBe('urn:ase:problem:inspection-incomplete');
    expect(problem.detail).toContain('Left front');
    expect(problem.detail).toContain('All lights');
    expect(problem.missingItems).toEqual([
      { itemKey: 'tires.lf', label: 'Left front' },
      { itemKey: 'lights.all', label: 'All lights' },
    ]);

    await rate(inspection, 'tires.lf', { rating: 'red', measurement: 2 });
    await rate(inspection, 'lights.all', { rating: 'green' });
    const done = await as(tech, 'POST', `/api/inspections/${inspection.id}/complete`, { version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    const completed = done.json<Inspection>();
    expect(completed).toMatchObject({
      status: 'completed',
      completedAt: '2026-03-02T14:00:00.000Z',
      version: 2,
    });
    expect(completed.counts).toEqual({ green: 2, yellow: 0, red: 1, unrated: 0 });

    const locked = await as(tech, 'PATCH', `/api/inspections/${inspection.id}/findings/tires.lf`, {
      version: findingOf(completed, 'tires.lf').version,
      rating: 'green',
    });
    expect(locked.statusCode).toBe(409);
    expect(problemOf(locked).type).toBe('urn:ase:problem:inspection-completed');

    const reopened = await as(tech, 'POST', `/api/inspections/${inspection.id}/reopen`, { version: 2 });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<Inspection>()).toMatchObject({
      status: 'in_progress',
      completedAt: null,
      version: 3,
    });
    const audit = t.database.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, id`)
      .all(inspection.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.started',
      'inspection.completed',
      'inspection.reopened',
    ]);
    expect(events.map((e) => e.change)).toEqual([
      'started',
      'updated',
      'updated',
      'updated',
      'completed',
      'reopened',
    ]);
  });
});

describe('recommend a job from a finding', () => {
  async function cannedBrakeJob(): Promise<string> {
    const response = await as(owner.cookie, 'POST', '/api/canned-jobs', {
      name: 'Front brake pads',
      title: 'Replace front brake pads',
      concern: 'Pads worn',
      lines: [
        { kind: 'labor', description: 'Replace front pads', quantity: 1.2 },
        {
          kind: 'part',
          description: 'Front pad set',
          quantity: 1,
          unitPriceCents: 8900,
          partNumber: 'PAD-F1',
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  }

  it('makes the mapped canned job with its lines as recommended, once only, in one transaction', async () => {
    const cannedJobId = await cannedBrakeJob();
    const template = (
      await as(owner.cookie, 'POST', '/api/inspection-templates', {
        name: 'Brakes',
        sections: [
          {
            key: 'brakes',
            title: 'Brakes',
            items: [
              {
                key: 'brakes.front',
                label: 'Front brake pads',
                required: true,
                measurementUnit: 'mm',
                cannedJobId,
              },
              { key: 'brakes.rear', label: 'Rear brake pads', required: true, measurementUnit: 'mm' },
            ],
          },
        ],
      })
    ).json<InspectionTemplate>();
    const inspection = await start(tech, repairOrderId, { templateId: template.id });
    await rate(inspection, 'brakes.front', { rating: 'red', measurement: 2, note: 'Metal on metal soon' });
    await rate(inspection, 'brakes.rear', { rating: 'green', measurement: 7 });

    const jobChanged: string[] = [];
    t.app.events.on('jobChanged', (e) => jobChanged.push(e.jobId));
    const response = await as(
      tech,
      'POST',
      `/api/inspections/${inspection.id}/findings/brakes.front/recommend-job`,
    );
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<RecommendJobResult>();
    expect(result).toMatchObject({ jobTitle: 'Front brake pads at 2 mm', fromCannedJob: true });
    expect(result.finding.recommendedJobId).toBe(result.jobId);
    expect(jobChanged).toEqual([result.jobId]);

    const ro = (await as(owner.cookie, 'GET', `/api/repair-orders/${repairOrderId}`)).json<RepairOrder>();
    const job = ro.jobs.find((j: Job) => j.id === result.jobId)!;
    expect(job.concern).toBe('Inspection: Front brake pads (2 mm) needs attention now. Metal on metal soon');
    expect(job.lines.map((l) => [l.description, l.approvalState])).toEqual([
      ['Replace front pads', 'recommended'],
      ['Front pad set', 'recommended'],
    ]);

    const twice = await as(
      tech,
      'POST',
      `/api/inspections/${inspection.id}/findings/brakes.front/recommend-job`,
    );
    expect(twice.statusCode).toBe(409);
    expect(problemOf(twice)).toMatchObject({
      type: 'urn:ase:problem:already-recommended',
      jobId: result.jobId,
    });
    const green = await as(
      tech,
      'POST',
      `/api/inspections/${inspection.id}/findings/brakes.rear/recommend-job`,
    );
    expect(green.statusCode).toBe(409);
    expect(problemOf(green).type).toBe('urn:ase:problem:finding-not-recommendable');
    const jobs = (await as(owner.cookie, 'GET', `/api/repair-orders/${repairOrderId}`)).json<RepairOrder>()
      .jobs;
    expect(jobs).toHaveLength(2); // the check-in concern + the one recommended
  });

  it('two taps at once make one job: the second is told which job was made', async () => {
    const inspection = await start();
    await rate(inspection, 'exhaust.system', { rating: 'red', note: 'Hole in the muffler' });
    const url = `/api/inspections/${inspection.id}/findings/exhaust.system/recommend-job`;
    const answers = await Promise.all([as(tech, 'POST', url), as(owner.cookie, 'POST', url)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const made = answers.find((a) => a.statusCode === 201)!.json<RecommendJobResult>();
    expect(problemOf(answers.find((a) => a.statusCode === 409)!)).toMatchObject({ jobId: made.jobId });
    const jobs = (await as(owner.cookie, 'GET', `/api/repair-orders/${repairOrderId}`)).json<RepairOrder>()
      .jobs;
    expect(jobs.filter((j) => j.title === 'Exhaust system')).toHaveLength(1);
  });

  it('without a canned job titles the job from the item; a refused job leaves the finding unlinked', async () => {
    const inspection = await start();
    await rate(inspection, 'wipers.blades', { rating: 'yellow', note: 'Streaking' });
    const response = await as(
      tech,
      'POST',
      `/api/inspections/${inspection.id}/findings/wipers.blades/recommend-job`,
    );
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<RecommendJobResult>();
    expect(result).toMatchObject({ jobTitle: 'Wiper blades', fromCannedJob: false });
    const job = (await as(owner.cookie, 'GET', `/api/jobs/${result.jobId}`)).json<Job>();
    expect(job).toMatchObject({
      title: 'Wiper blades',
      concern: 'Inspection: Wiper blades needs attention soon. Streaking',
      lines: [],
    });

    // on a closed repair order the job is refused and nothing is linked (one transaction)
    await rate(inspection, 'exhaust.system', { rating: 'red' });
    t.database.sqlite.prepare(`UPDATE repair_orders SET status = 'closed' WHERE id = ?`).run(repairOrderId);
    const refused = await as(
      tech,
      'POST',
      `/api/inspections/${inspection.id}/findings/exhaust.system/recommend-job`,
    );
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).type).toBe('urn:ase:problem:repair-order-locked');
    const finding = t.database.sqlite
      .prepare(
        `SELECT recommended_job_id FROM inspection_findings WHERE inspection_id = ? AND item_key = 'exhaust.system'`,
      )
      .get(inspection.id) as { recommended_job_id: string | null };
    expect(finding.recommended_job_id).toBeNull();
    const jobCount = t.database.sqlite
      .prepare(`SELECT count(*) AS n FROM service_jobs WHERE repair_order_id = ?`)
      .get(repairOrderId) as { n: number };
    expect(jobCount.n).toBe(2);
  });
});
