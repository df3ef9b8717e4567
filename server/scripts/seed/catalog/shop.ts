import type { Role } from '../../../src/db/schema.js';
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from '../../../src/modules/settings/settings.schemas.js';

/** The demo shop: who works there, its bays, and its settings. */

export const SHOP_SETTINGS: ShopSettings = {
  shopName: 'Prairie Avenue Auto Repair',
  phone: '+17085550134',
  email: 'service@prairieauto.example',
  address: '4120 Prairie Ave, Brookfield, IL 60513',
  timezone: 'America/Chicago',
  laborRateCents: 14_500,
  taxRatesBp: { labor: 0, part: 1_000, fee: 0, sublet: 0 },
  shopSupplies: { percentBp: 800, capCents: 3_500, taxable: false },
  repairOrderStartNumber: 1001,
  registrationNumbers: [
    { label: 'IL repair facility', value: 'RF-204118' },
    { label: 'EPA', value: 'ILD000412370' },
  ],
  warrantyText: DEFAULT_SHOP_SETTINGS.warrantyText,
  invoiceLegalText: DEFAULT_SHOP_SETTINGS.invoiceLegalText,
  diagnosisWithoutApproval: { allowed: true, limitHours: 0.5 },
  causeCorrectionOnComplete: 'asked',
  baySensorMode: 'suggest',
  kiosk: DEFAULT_SHOP_SETTINGS.kiosk,
};

/** Every password user of the demo shares this password; technicians sign in with PIN 1234. */
export const DEMO_PASSWORD = 'demo-password-1';
export const DEMO_PIN = '1234';

export interface StaffSpec {
  name: string;
  role: Role;
  email: string | null;
}

export const OFFICE_STAFF: readonly StaffSpec[] = [
  { name: 'Dana Whitaker', role: 'owner', email: 'owner@demo.shop' },
  { name: 'Marcus Bell', role: 'advisor', email: 'advisor@demo.shop' },
  { name: 'Rosa Jimenez', role: 'advisor', email: 'rosa@demo.shop' },
  { name: 'Ken Okafor', role: 'parts', email: 'parts@demo.shop' },
];

export interface TechnicianSpec {
  name: string;
  skills: readonly string[];
  color: string;
  /** Book hours done per hour clocked: a strong tech beats book time (efficiency above 1). */
  efficiency: number;
  /** Years before today the tech joined and (for former staff) left. */
  joinedYearsAgo: number;
  leftYearsAgo?: number;
}

export const TECHNICIANS: readonly TechnicianSpec[] = [
  {
    name: 'Luis Ortega',
    skills: ['diagnostics', 'electrical', 'engine', 'ASE A8'],
    color: '#1f77b4',
    efficiency: 1.3,
    joinedYearsAgo: 12,
  },
  {
    name: 'Jake Nowak',
    skills: ['brakes', 'suspension', 'alignment', 'ASE A4', 'ASE A5'],
    color: '#ff7f0e',
    efficiency: 1.15,
    joinedYearsAgo: 8,
  },
  {
    name: 'Tasha Reed',
    skills: ['engine', 'drivetrain', 'hvac', 'exhaust', 'ASE A7'],
    color: '#2ca02c',
    efficiency: 1.2,
    joinedYearsAgo: 5,
  },
  {
    name: 'Sam Patel',
    skills: ['maintenance', 'tires', 'brakes', 'electrical'],
    color: '#d62728',
    efficiency: 1.0,
    joinedYearsAgo: 3,
  },
  {
    name: 'Eddie Kowalski',
    skills: ['maintenance', 'tires', 'alignment'],
    color: '#9467bd',
    efficiency: 0.9,
    joinedYearsAgo: 1,
  },
  // Former technicians: their names stay on the history they worked.
  {
    name: 'Gary Lindqvist',
    skills: ['engine', 'drivetrain', 'exhaust'],
    color: '#8c564b',
    efficiency: 1.1,
    joinedYearsAgo: 15,
    leftYearsAgo: 5,
  },
  {
    name: 'Brian Murphy',
    skills: ['maintenance', 'tires', 'brakes', 'suspension'],
    color: '#e377c2',
    efficiency: 1.0,
    joinedYearsAgo: 11,
    leftYearsAgo: 3,
  },
  {
    name: 'Andre Coleman',
    skills: ['maintenance', 'tires', 'hvac'],
    color: '#7f7f7f',
    efficiency: 0.95,
    joinedYearsAgo: 6,
    leftYearsAgo: 1,
  },
];

export interface BaySpec {
  name: string;
  capabilities: readonly string[];
}

export const BAYS: readonly BaySpec[] = [
  { name: 'Bay 1', capabilities: ['lift', 'diagnostics'] },
  { name: 'Bay 2', capabilities: ['lift'] },
  { name: 'Bay 3', capabilities: ['lift', 'heavy-duty'] },
  { name: 'Bay 4', capabilities: ['lift'] },
  { name: 'Bay 5', capabilities: ['lift', 'alignment'] },
  { name: 'Bay 6', capabilities: ['tire-machine', 'quick-lube'] },
];
