import type { CreateCannedJobInput } from './repair-orders.schemas.js';

/**
 * The starter set a new shop can add in one step (first-run setup, or the canned jobs page while
 * it is empty): the common services with book-style labor hours and typical parts, so an
 * inspection finding arrives priced rather than from nothing. Labor lines carry no price (they
 * take the shop's labor rate when used); part numbers are generic placeholders the shop edits
 * to its supplier's. Names are what inspection items map to (default-template.ts).
 */
export const STARTER_CANNED_JOB_NAMES = {
  oil: 'Oil and filter change',
  frontPads: 'Brake pads, front axle',
  rearPads: 'Brake pads, rear axle',
  rotation: 'Tire rotation',
  battery: 'Battery replacement',
  diagnostics: 'Diagnostics, first hour',
  alignment: 'Wheel alignment',
  wipers: 'Wiper blades',
  cabinFilter: 'Cabin air filter',
} as const;

const N = STARTER_CANNED_JOB_NAMES;

export const STARTER_CANNED_JOBS: readonly CreateCannedJobInput[] = [
  {
    name: N.oil,
    title: 'Oil and filter change',
    lines: [
      { kind: 'labor', description: 'Change engine oil and filter', quantity: 0.5, taxable: false },
      {
        kind: 'part',
        description: 'Engine oil 5W-30 (quart)',
        partNumber: 'OIL-5W30-QT',
        quantity: 5,
        unitPriceCents: 900,
      },
      {
        kind: 'part',
        description: 'Oil filter',
        partNumber: 'OIL-FILTER',
        quantity: 1,
        unitPriceCents: 1_400,
      },
    ],
  },
  {
    name: N.frontPads,
    title: 'Front brake pads',
    lines: [
      {
        kind: 'labor',
        description: 'Replace front brake pads, clean and lube slides',
        quantity: 1.5,
        taxable: false,
      },
      {
        kind: 'part',
        description: 'Brake pad set, front',
        partNumber: 'PADS-FRONT',
        quantity: 1,
        unitPriceCents: 7_900,
      },
    ],
  },
  {
    name: N.rearPads,
    title: 'Rear brake pads',
    lines: [
      {
        kind: 'labor',
        description: 'Replace rear brake pads, clean and lube slides',
        quantity: 1.5,
        taxable: false,
      },
      {
        kind: 'part',
        description: 'Brake pad set, rear',
        partNumber: 'PADS-REAR',
        quantity: 1,
        unitPriceCents: 6_900,
      },
    ],
  },
  {
    name: N.rotation,
    title: 'Tire rotation',
    lines: [{ kind: 'labor', description: 'Rotate tires, set pressures', quantity: 0.5, taxable: false }],
  },
  {
    name: N.battery,
    title: 'Battery replacement',
    lines: [
      { kind: 'labor', description: 'Test charging system, replace battery', quantity: 0.5, taxable: false },
      { kind: 'part', description: 'Battery', partNumber: 'BATTERY', quantity: 1, unitPriceCents: 18_900 },
    ],
  },
  {
    name: N.diagnostics,
    title: 'Diagnostics',
    lines: [{ kind: 'labor', description: 'Diagnose concern, first hour', quantity: 1, taxable: false }],
  },
  {
    name: N.alignment,
    title: 'Wheel alignment',
    lines: [{ kind: 'labor', description: 'Four-wheel alignment', quantity: 1, taxable: false }],
  },
  {
    name: N.wipers,
    title: 'Wiper blades',
    lines: [
      { kind: 'labor', description: 'Replace wiper blades', quantity: 0.2, taxable: false },
      {
        kind: 'part',
        description: 'Wiper blade',
        partNumber: 'WIPER-BLADE',
        quantity: 2,
        unitPriceCents: 1_800,
      },
    ],
  },
  {
    name: N.cabinFilter,
    title: 'Cabin air filter',
    lines: [
      { kind: 'labor', description: 'Replace cabin air filter', quantity: 0.3, taxable: false },
      {
        kind: 'part',
        description: 'Cabin air filter',
        partNumber: 'CABIN-FILTER',
        quantity: 1,
        unitPriceCents: 3_200,
      },
    ],
  },
];
