import { STARTER_CANNED_JOB_NAMES } from '../repair-orders/canned-jobs-starter.js';
import type { TemplateItem, TemplateSection } from './inspections.schemas.js';

/**
 * The multi-point inspection a shop gets when it has no template yet: what a technician checks on
 * most cars, with the measurements the trade uses. Thresholds follow common practice: tread at
 * 4/32" is "soon" and 2/32" (the legal minimum in most states) is "now"; pads at 4 mm / 2 mm;
 * a resting battery below 12.4 V is weak and below 12.0 V discharged.
 */
export const DEFAULT_TEMPLATE_NAME = 'Multi-point inspection';

const tire = (key: string, label: string): TemplateItem => ({
  key,
  label,
  required: true,
  measurementUnit: '32nds',
  thresholds: { yellowBelow: 5, redBelow: 3 },
});

const pad = (key: string, label: string): TemplateItem => ({
  key,
  label,
  required: true,
  measurementUnit: 'mm',
  thresholds: { yellowBelow: 5, redBelow: 3 },
});

const check = (key: string, label: string, required = false): TemplateItem => ({ key, label, required });

export const DEFAULT_TEMPLATE_SECTIONS: TemplateSection[] = [
  {
    key: 'tires',
    title: 'Tires (tread depth)',
    items: [
      tire('tires.lf', 'Left front tire'),
      tire('tires.rf', 'Right front tire'),
      tire('tires.lr', 'Left rear tire'),
      tire('tires.rr', 'Right rear tire'),
      check('tires.pressure', 'Tire pressures set'),
    ],
  },
  {
    key: 'brakes',
    title: 'Brakes',
    items: [
      pad('brakes.front-pads', 'Front brake pads'),
      pad('brakes.rear-pads', 'Rear brake pads'),
      check('brakes.rotors', 'Rotors / drums'),
      check('brakes.fluid', 'Brake fluid', true),
    ],
  },
  {
    key: 'battery',
    title: 'Battery',
    items: [
      {
        key: 'battery.voltage',
        label: 'Battery voltage (resting)',
        required: true,
        measurementUnit: 'V',
        thresholds: { yellowBelow: 12.4, redBelow: 12.0 },
      },
      { key: 'battery.cca', label: 'Battery cold cranking amps', required: false, measurementUnit: 'CCA' },
      check('battery.terminals', 'Terminals and cables'),
    ],
  },
  {
    key: 'fluids',
    title: 'Fluids',
    items: [
      check('fluids.oil', 'Engine oil level and condition', true),
      check('fluids.coolant', 'Coolant'),
      check('fluids.transmission', 'Transmission fluid'),
      check('fluids.power-steering', 'Power steering fluid'),
      check('fluids.washer', 'Washer fluid'),
    ],
  },
  {
    key: 'visibility',
    title: 'Wipers and lights',
    items: [
      check('wipers.blades', 'Wiper blades', true),
      check('lights.exterior', 'Exterior lights', true),
      check('lights.interior', 'Dash warning lights'),
    ],
  },
  {
    key: 'under-hood',
    title: 'Belts and hoses',
    items: [
      check('belts.drive', 'Drive belt(s)'),
      check('hoses.coolant', 'Radiator and heater hoses'),
      check('filters.air', 'Engine air filter'),
      check('filters.cabin', 'Cabin air filter'),
    ],
  },
  {
    key: 'under-car',
    title: 'Under the car',
    items: [
      check('suspension.shocks', 'Shocks / struts'),
      check('suspension.steering', 'Steering and suspension joints'),
      check('exhaust.system', 'Exhaust system'),
      check('leaks.engine', 'Oil or fluid leaks'),
      check('driveline.cv', 'CV boots / driveline'),
    ],
  },
];

/**
 * Which starter canned job (repair-orders/canned-jobs-starter.ts) prices a finding on each item,
 * by name, when the template item names no canned job of its own: a red "Front brake pads" then
 * arrives with the front-axle pad job's labor and parts. Only items whose fix is that job.
 */
export const STARTER_JOB_FOR_ITEM: Readonly<Record<string, string>> = {
  'brakes.front-pads': STARTER_CANNED_JOB_NAMES.frontPads,
  'brakes.rear-pads': STARTER_CANNED_JOB_NAMES.rearPads,
  'battery.voltage': STARTER_CANNED_JOB_NAMES.battery,
  'fluids.oil': STARTER_CANNED_JOB_NAMES.oil,
  'wipers.blades': STARTER_CANNED_JOB_NAMES.wipers,
  'filters.cabin': STARTER_CANNED_JOB_NAMES.cabinFilter,
  'lights.interior': STARTER_CANNED_JOB_NAMES.diagnostics,
};
