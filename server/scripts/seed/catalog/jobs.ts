import type { StockCategory } from './inventory.js';

/**
 * The work a general repair shop does, with the customer's words (concern), what the technician
 * found (cause) and did (correction), book hours and the lines each job usually carries.
 * `recommended` is how often the job comes from the inspection rather than from the customer.
 */
export interface StockPart {
  stock: StockCategory;
  quantity: readonly [number, number];
  probability?: number;
}

export interface SpecialPart {
  name: string;
  partPrefix: string;
  /** Unit cost range in cents. */
  cost: readonly [number, number];
  quantity: readonly [number, number];
  /** Price over cost; parts gross profit runs 50-65 % (markup 2.0-2.9) in a healthy shop. */
  markup: number;
  /** Only on some jobs of this kind. */
  probability?: number;
}

export interface FeeSpec {
  description: string;
  cents: number;
  /** One fee per unit of the job's first part (tire disposal per tire). */
  perPartUnit?: boolean;
  taxable?: boolean;
  probability?: number;
}

export interface SubletSpec {
  description: string;
  vendor: readonly string[];
  cost: readonly [number, number];
  markup: number;
}

export interface Finding {
  cause: string;
  correction: string;
}

export interface JobSpec {
  key: string;
  weight: number;
  title: string;
  concerns: readonly string[];
  findings: readonly Finding[];
  /** Book hours, min and max. */
  hours: readonly [number, number];
  parts: readonly (StockPart | SpecialPart)[];
  fees?: readonly FeeSpec[];
  sublet?: SubletSpec;
  recommended: number;
  /** Combustion engines only (no oil change on a Tesla). */
  iceOnly?: boolean;
  /** Skill a technician needs, for the board and the tech's mix. */
  skill: string;
  /** Bay capability the job wants, when it needs a special bay. */
  bay?: 'alignment' | 'tire-machine';
  /** Name of the canned job built from this spec. */
  canned?: string;
  /** Waiting on this kind of job, a job is "Blocked" for this reason. */
  blockedReasons?: readonly string[];
}

const PARTS_DELAY = [
  'Waiting for parts: ordered from the dealer, due tomorrow morning',
  'Waiting for parts: wrong part delivered, replacement on the afternoon truck',
  'Waiting for parts: back-ordered at the warehouse',
];
const APPROVAL_DELAY = [
  'Waiting for customer approval: estimate sent by text',
  'Customer not answering: left voicemail',
];

export const JOBS: readonly JobSpec[] = [
  {
    key: 'oil-change',
    weight: 30,
    title: 'Oil and filter change, full synthetic',
    concerns: [
      'Due for an oil change',
      'Oil change light is on',
      'Oil change and look it over',
      'Sticker says oil change is due',
      'Oil change, going on a road trip this weekend',
    ],
    findings: [
      {
        cause: 'Oil at service interval; oil dark, level 1 qt low',
        correction: 'Changed engine oil and filter, reset maintenance reminder, topped off washer fluid',
      },
      {
        cause: 'Maintenance reminder due',
        correction: 'Changed oil and filter, checked tire pressures, performed courtesy inspection',
      },
    ],
    hours: [0.4, 0.6],
    parts: [
      { stock: 'oil', quantity: [4, 7] },
      { stock: 'oil-filter', quantity: [1, 1] },
      {
        name: 'Oil drain plug gasket',
        partPrefix: 'DPG-',
        cost: [60, 150],
        quantity: [1, 1],
        markup: 4,
        probability: 0.85,
      },
    ],
    fees: [{ description: 'Oil and filter disposal', cents: 300, taxable: false }],
    recommended: 0.05,
    iceOnly: true,
    skill: 'maintenance',
    canned: 'Oil change, full synthetic',
  },
  {
    key: 'rotation',
    weight: 14,
    title: 'Tire rotation and balance',
    concerns: [
      'Rotate the tires',
      'Shimmy at highway speed',
      'Vibration in the steering wheel around 60 mph',
    ],
    findings: [
      {
        cause: 'Tires due for rotation; front wheels out of balance',
        correction: 'Rotated and balanced four tires, set pressures to placard',
      },
      {
        cause: 'Uneven front tread wear',
        correction: 'Rotated tires front to rear, balanced all four, torqued lug nuts',
      },
    ],
    hours: [0.5, 0.8],
    parts: [
      { stock: 'wheel-weights', quantity: [2, 4] },
      {
        name: 'TPMS valve core and cap kit',
        partPrefix: 'TVC-',
        cost: [150, 300],
        quantity: [1, 1],
        markup: 3,
        probability: 0.5,
      },
    ],
    recommended: 0.35,
    skill: 'tires',
    bay: 'tire-machine',
    canned: 'Tire rotation and balance',
  },
  {
    key: 'front-brakes',
    weight: 10,
    title: 'Front brake pads and rotors',
    concerns: [
      'Brakes squeal when stopping',
      'Grinding noise from the front when braking',
      'Brake pedal pulsates',
      'Brake warning light on',
    ],
    findings: [
      {
        cause: 'Front pads at 2 mm, rotors scored and under minimum thickness',
        correction: 'Replaced front pads and rotors, cleaned and lubricated slides, road tested',
      },
      {
        cause: 'Front pads worn to wear indicators; rotors warped (0.004 in runout)',
        correction: 'Replaced front pads and rotors, bedded in pads, road test OK',
      },
    ],
    hours: [1.5, 2.0],
    parts: [
      { stock: 'brake-pads', quantity: [1, 1] },
      { name: 'Front brake rotor', partPrefix: 'BR-', cost: [3_800, 9_500], quantity: [2, 2], markup: 2.0 },
      {
        name: 'Brake hardware kit',
        partPrefix: 'HW-',
        cost: [900, 1_800],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.85,
      },
      {
        name: 'Brake parts cleaner',
        partPrefix: 'BPC-',
        cost: [350, 450],
        quantity: [1, 2],
        markup: 2.2,
        probability: 0.8,
      },
      { stock: 'brake-fluid', quantity: [1, 1], probability: 0.3 },
    ],
    recommended: 0.45,
    skill: 'brakes',
    canned: 'Front brake pads and rotors',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'rear-brakes',
    weight: 6,
    title: 'Rear brake pads and rotors',
    concerns: ['Squeak from the rear when braking', 'Parking brake feels weak'],
    findings: [
      {
        cause: 'Rear pads at 3 mm, rotors rusted and grooved',
        correction: 'Replaced rear pads and rotors, adjusted parking brake',
      },
    ],
    hours: [1.3, 1.8],
    parts: [
      { stock: 'brake-pads', quantity: [1, 1] },
      { name: 'Rear brake rotor', partPrefix: 'BR-', cost: [3_200, 8_200], quantity: [2, 2], markup: 2.0 },
      {
        name: 'Brake hardware kit',
        partPrefix: 'HW-',
        cost: [900, 1_800],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.7,
      },
      {
        name: 'Brake parts cleaner',
        partPrefix: 'BPC-',
        cost: [350, 450],
        quantity: [1, 2],
        markup: 2.2,
        probability: 0.7,
      },
    ],
    recommended: 0.55,
    skill: 'brakes',
    canned: 'Rear brake pads and rotors',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'cel-diag',
    weight: 12,
    title: 'Check engine light diagnosis',
    concerns: [
      'Check engine light is on',
      'Check engine light flashing and engine shakes',
      'Failed emissions test',
      'Car hesitates when accelerating',
    ],
    findings: [
      {
        cause: 'P0420 catalyst efficiency below threshold bank 1; downstream O2 sensor mirroring upstream',
        correction: 'Confirmed failed catalytic converter; quoted replacement',
      },
      {
        cause: 'P0301 cylinder 1 misfire; ignition coil 1 failed swap test',
        correction: 'Replaced ignition coil cylinder 1, cleared codes, road test OK',
      },
      {
        cause: 'P0171 system too lean bank 1; smoke test found cracked intake boot',
        correction: 'Replaced intake air boot, cleared codes, fuel trims normal',
      },
      {
        cause: 'P0442 small EVAP leak; gas cap seal cracked',
        correction: 'Replaced gas cap, cleared codes, monitor set',
      },
      {
        cause: 'P0128 coolant temperature below thermostat regulating temperature',
        correction: 'Replaced thermostat and gasket, refilled and bled cooling system',
      },
    ],
    hours: [1.0, 1.5],
    parts: [
      {
        name: 'Ignition coil',
        partPrefix: 'IC-',
        cost: [3_500, 7_500],
        quantity: [1, 1],
        markup: 2.0,
        probability: 0.25,
      },
      {
        name: 'Gas cap',
        partPrefix: 'GC-',
        cost: [1_200, 2_400],
        quantity: [1, 1],
        markup: 2.0,
        probability: 0.15,
      },
      {
        name: 'Upstream oxygen sensor',
        partPrefix: 'O2-',
        cost: [4_500, 9_000],
        quantity: [1, 1],
        markup: 1.9,
        probability: 0.15,
      },
      {
        name: 'Vacuum hose',
        partPrefix: 'VH-',
        cost: [400, 1_200],
        quantity: [1, 1],
        markup: 2.5,
        probability: 0.2,
      },
    ],
    fees: [{ description: 'Smoke machine EVAP test', cents: 4_500, taxable: false, probability: 0.3 }],
    recommended: 0.02,
    iceOnly: true,
    skill: 'diagnostics',
    canned: 'Check engine light diagnosis',
    blockedReasons: APPROVAL_DELAY,
  },
  {
    key: 'battery',
    weight: 6,
    title: 'Battery replacement',
    concerns: ['Car would not start this morning', 'Slow to crank when cold', 'Battery light came on'],
    findings: [
      {
        cause: 'Battery tested bad: 310 CCA measured of 640 rated, 12.1 V at rest',
        correction: 'Replaced battery, cleaned terminals, tested charging system OK',
      },
      {
        cause: 'Battery failed load test; terminals corroded',
        correction: 'Replaced battery and cleaned cable ends, applied protectant',
      },
    ],
    hours: [0.4, 0.6],
    parts: [
      { stock: 'battery', quantity: [1, 1] },
      {
        name: 'Terminal protector spray',
        partPrefix: 'TP-',
        cost: [250, 350],
        quantity: [1, 1],
        markup: 2.5,
        probability: 0.7,
      },
    ],
    fees: [{ description: 'Battery recycling fee', cents: 500, taxable: false }],
    recommended: 0.3,
    skill: 'electrical',
    canned: 'Battery replacement',
  },
  {
    key: 'brake-flush',
    weight: 4,
    title: 'Brake fluid exchange',
    concerns: ['Brake fluid service due', 'Brake pedal feels soft'],
    findings: [
      {
        cause: 'Brake fluid tested at 3.5 % moisture',
        correction: 'Flushed and bled brake hydraulic system with new fluid',
      },
    ],
    hours: [0.8, 1.0],
    parts: [{ stock: 'brake-fluid', quantity: [2, 3] }],
    fees: [{ description: 'Brake fluid disposal', cents: 300, taxable: false, probability: 0.6 }],
    recommended: 0.8,
    skill: 'brakes',
    canned: 'Brake fluid exchange',
  },
  {
    key: 'coolant',
    weight: 3,
    title: 'Cooling system flush',
    concerns: ['Coolant service due', 'Heater blows lukewarm'],
    findings: [
      {
        cause: 'Coolant degraded, pH low, freeze point +5 °F',
        correction: 'Flushed cooling system, refilled with coolant, bled air, pressure tested',
      },
    ],
    hours: [1.0, 1.3],
    parts: [{ stock: 'coolant', quantity: [2, 3] }],
    fees: [{ description: 'Coolant disposal', cents: 500, taxable: false }],
    recommended: 0.75,
    iceOnly: true,
    skill: 'maintenance',
    canned: 'Cooling system flush',
  },
  {
    key: 'trans-service',
    weight: 3,
    title: 'Transmission fluid service',
    concerns: ['Transmission service due', 'Shifts feel harsh'],
    findings: [
      {
        cause: 'ATF dark with burnt smell, at service interval',
        correction: 'Drained and refilled transmission fluid, replaced filter and pan gasket',
      },
    ],
    hours: [1.0, 1.5],
    parts: [
      { stock: 'atf', quantity: [5, 8] },
      {
        name: 'Transmission filter kit',
        partPrefix: 'TF-',
        cost: [1_800, 3_800],
        quantity: [1, 1],
        markup: 2.0,
        probability: 0.7,
      },
    ],
    recommended: 0.7,
    iceOnly: true,
    skill: 'drivetrain',
    canned: 'Transmission fluid service',
  },
  {
    key: 'spark-plugs',
    weight: 4,
    title: 'Spark plug replacement',
    concerns: ['Rough idle', '100k service', 'Poor fuel mileage lately'],
    findings: [
      {
        cause: 'Spark plugs at 100k-mile interval, electrodes worn',
        correction: 'Replaced spark plugs, checked coil boots, road test OK',
      },
    ],
    hours: [1.0, 2.5],
    parts: [
      { stock: 'spark-plug', quantity: [4, 8] },
      {
        name: 'Ignition coil boot',
        partPrefix: 'ICB-',
        cost: [900, 1_800],
        quantity: [1, 6],
        markup: 2.2,
        probability: 0.3,
      },
      {
        name: 'Dielectric grease',
        partPrefix: 'DG-',
        cost: [300, 500],
        quantity: [1, 1],
        markup: 2.5,
        probability: 0.5,
      },
    ],
    recommended: 0.6,
    iceOnly: true,
    skill: 'engine',
    canned: 'Spark plug replacement',
  },
  {
    key: 'engine-air-filter',
    weight: 7,
    title: 'Engine air filter replacement',
    concerns: ['Replace the air filter'],
    findings: [{ cause: 'Engine air filter dirty and restricted', correction: 'Replaced engine air filter' }],
    hours: [0.2, 0.3],
    parts: [{ stock: 'air-filter', quantity: [1, 1] }],
    recommended: 0.92,
    iceOnly: true,
    skill: 'maintenance',
    canned: 'Engine air filter',
  },
  {
    key: 'cabin-filter',
    weight: 7,
    title: 'Cabin air filter replacement',
    concerns: ['Musty smell from the vents', 'Weak airflow from the vents'],
    findings: [
      {
        cause: 'Cabin filter clogged with leaves and debris',
        correction: 'Replaced cabin air filter, treated evaporator',
      },
    ],
    hours: [0.2, 0.4],
    parts: [
      { stock: 'cabin-filter', quantity: [1, 1] },
      {
        name: 'A/C evaporator cleaner',
        partPrefix: 'EVC-',
        cost: [900, 1_400],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.45,
      },
    ],
    recommended: 0.9,
    skill: 'maintenance',
    canned: 'Cabin air filter',
  },
  {
    key: 'wipers',
    weight: 4,
    title: 'Wiper blades',
    concerns: ['Wipers streak', 'Wipers chatter on the windshield'],
    findings: [
      {
        cause: 'Wiper blades torn and streaking',
        correction: 'Replaced front wiper blades, topped off washer fluid',
      },
    ],
    hours: [0.1, 0.2],
    parts: [
      { stock: 'wiper', quantity: [1, 1] },
      { stock: 'wiper', quantity: [1, 1] },
      {
        name: 'Washer fluid -20 °F, 1 gal',
        partPrefix: 'WF-',
        cost: [250, 300],
        quantity: [1, 1],
        markup: 2.8,
        probability: 0.5,
      },
    ],
    recommended: 0.85,
    skill: 'maintenance',
    canned: 'Wiper blades',
  },
  {
    key: 'alignment',
    weight: 6,
    title: 'Four-wheel alignment',
    concerns: ['Car pulls to the right', 'Steering wheel is off center', 'Alignment after new tires'],
    findings: [
      {
        cause: 'Front toe out of specification, thrust angle off',
        correction:
          'Performed four-wheel alignment, set toe and camber to specification, printout in glovebox',
      },
    ],
    hours: [1.0, 1.2],
    parts: [
      {
        name: 'Camber/caster bolt kit',
        partPrefix: 'CAM-',
        cost: [1_800, 3_500],
        quantity: [1, 1],
        markup: 2.0,
        probability: 0.25,
      },
      {
        name: 'Outer tie rod end',
        partPrefix: 'TRE-',
        cost: [2_200, 4_800],
        quantity: [1, 2],
        markup: 2.0,
        probability: 0.12,
      },
    ],
    recommended: 0.5,
    skill: 'alignment',
    bay: 'alignment',
    canned: 'Four-wheel alignment',
  },
  {
    key: 'tires',
    weight: 5,
    title: 'Mount and balance four tires',
    concerns: ['Need new tires', 'Tire keeps losing air', 'Tires are bald'],
    findings: [
      {
        cause: 'Tread at 2/32 in on all four tires, sidewall cracking',
        correction: 'Mounted and balanced four new tires, new valve stems, reset TPMS',
      },
    ],
    hours: [1.0, 1.2],
    parts: [
      { name: 'Tire all-season', partPrefix: 'TIRE-', cost: [8_500, 19_000], quantity: [4, 4], markup: 1.35 },
      { stock: 'valve-stem', quantity: [4, 4] },
      { stock: 'wheel-weights', quantity: [4, 4] },
    ],
    fees: [{ description: 'Tire disposal fee', cents: 350, perPartUnit: true, taxable: false }],
    recommended: 0.4,
    skill: 'tires',
    bay: 'tire-machine',
    blockedReasons: ['Waiting for parts: tires on the afternoon delivery'],
  },
  {
    key: 'ac',
    weight: 4,
    title: 'A/C performance check and recharge',
    concerns: ['A/C blows warm', 'A/C not as cold as it used to be'],
    findings: [
      {
        cause: 'System low on refrigerant; dye found slow leak at compressor fitting',
        correction: 'Evacuated and recharged A/C with dye, vent temperature 42 °F',
      },
      {
        cause: 'Refrigerant charge low, no visible leak',
        correction: 'Recovered, evacuated and recharged system to specification',
      },
    ],
    hours: [1.0, 1.5],
    parts: [
      { stock: 'refrigerant', quantity: [12, 24] },
      {
        name: 'A/C UV dye',
        partPrefix: 'DYE-',
        cost: [600, 900],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.6,
      },
      {
        name: 'A/C O-ring kit',
        partPrefix: 'ORK-',
        cost: [500, 1_200],
        quantity: [1, 1],
        markup: 2.4,
        probability: 0.3,
      },
    ],
    fees: [{ description: 'Refrigerant recovery fee', cents: 1_000, taxable: false }],
    recommended: 0.05,
    skill: 'hvac',
    canned: 'A/C performance check and recharge',
  },
  {
    key: 'belt',
    weight: 3,
    title: 'Serpentine belt replacement',
    concerns: ['Squealing noise at start-up'],
    findings: [
      {
        cause: 'Serpentine belt glazed and cracked, tensioner weak',
        correction: 'Replaced serpentine belt and tensioner',
      },
    ],
    hours: [0.6, 1.2],
    parts: [
      { name: 'Serpentine belt', partPrefix: 'BELT-', cost: [2_200, 4_500], quantity: [1, 1], markup: 2.0 },
      {
        name: 'Belt tensioner',
        partPrefix: 'TEN-',
        cost: [4_500, 9_000],
        quantity: [1, 1],
        markup: 1.9,
        probability: 0.5,
      },
      {
        name: 'Idler pulley',
        partPrefix: 'IDL-',
        cost: [2_000, 4_500],
        quantity: [1, 1],
        markup: 2.0,
        probability: 0.35,
      },
    ],
    recommended: 0.6,
    iceOnly: true,
    skill: 'engine',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'water-pump',
    weight: 2,
    title: 'Water pump and thermostat',
    concerns: ['Engine running hot', 'Coolant leak under the car', 'Sweet smell after driving'],
    findings: [
      {
        cause: 'Water pump weeping at weep hole, thermostat sticking',
        correction: 'Replaced water pump and thermostat, refilled and bled cooling system, pressure tested',
      },
    ],
    hours: [2.5, 4.5],
    parts: [
      { name: 'Water pump', partPrefix: 'WP-', cost: [6_500, 16_000], quantity: [1, 1], markup: 1.8 },
      {
        name: 'Thermostat with housing',
        partPrefix: 'TH-',
        cost: [2_500, 6_000],
        quantity: [1, 1],
        markup: 1.9,
      },
      { stock: 'coolant', quantity: [2, 3] },
    ],
    fees: [{ description: 'Coolant disposal', cents: 500, taxable: false }],
    recommended: 0.2,
    iceOnly: true,
    skill: 'engine',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'alternator',
    weight: 2,
    title: 'Alternator replacement',
    concerns: ['Battery light on while driving', 'Lights dim at idle', 'Car died while driving'],
    findings: [
      {
        cause: 'Alternator output 12.4 V at 2000 rpm, diode ripple excessive',
        correction: 'Replaced alternator (remanufactured), tested charging at 14.2 V',
      },
    ],
    hours: [1.5, 2.5],
    parts: [
      {
        name: 'Alternator, remanufactured',
        partPrefix: 'ALT-',
        cost: [14_000, 26_000],
        quantity: [1, 1],
        markup: 1.7,
      },
    ],
    fees: [{ description: 'Alternator core charge', cents: 4_500, taxable: false }],
    recommended: 0.05,
    skill: 'electrical',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'starter',
    weight: 1.5,
    title: 'Starter replacement',
    concerns: ['Clicks but will not crank', 'Car would not start this morning'],
    findings: [
      {
        cause: 'Starter draws 400 A and does not engage; battery tests good',
        correction: 'Replaced starter motor, verified cranking',
      },
    ],
    hours: [1.2, 2.5],
    parts: [
      {
        name: 'Starter motor, remanufactured',
        partPrefix: 'STR-',
        cost: [11_000, 22_000],
        quantity: [1, 1],
        markup: 1.7,
      },
    ],
    recommended: 0.02,
    iceOnly: true,
    skill: 'electrical',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'struts',
    weight: 2,
    title: 'Front struts and mounts',
    concerns: ['Bouncy ride', 'Clunk over bumps from the front'],
    findings: [
      {
        cause: 'Front struts leaking, mounts collapsed',
        correction: 'Replaced front strut assemblies; alignment required and performed',
      },
    ],
    hours: [2.5, 3.5],
    parts: [
      {
        name: 'Front strut assembly',
        partPrefix: 'STRUT-',
        cost: [9_000, 18_000],
        quantity: [2, 2],
        markup: 1.8,
      },
      {
        name: 'Strut mount',
        partPrefix: 'SM-',
        cost: [2_500, 5_000],
        quantity: [2, 2],
        markup: 1.9,
        probability: 0.4,
      },
    ],
    recommended: 0.55,
    skill: 'suspension',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'sway-links',
    weight: 3,
    title: 'Front sway bar links',
    concerns: ['Clunk over bumps', 'Rattle from the front over rough roads'],
    findings: [
      {
        cause: 'Front sway bar end links loose, boots torn',
        correction: 'Replaced both front sway bar end links',
      },
    ],
    hours: [0.6, 1.0],
    parts: [
      { name: 'Sway bar end link', partPrefix: 'SBL-', cost: [1_800, 4_200], quantity: [2, 2], markup: 2.0 },
    ],
    recommended: 0.5,
    skill: 'suspension',
  },
  {
    key: 'hub-bearing',
    weight: 2,
    title: 'Wheel bearing and hub assembly',
    concerns: ['Humming noise that gets louder with speed', 'Growling noise when turning'],
    findings: [
      {
        cause: 'Left front wheel bearing rough with play',
        correction: 'Replaced left front hub and bearing assembly, torqued axle nut',
      },
    ],
    hours: [1.2, 2.0],
    parts: [
      {
        name: 'Hub and bearing assembly',
        partPrefix: 'HUB-',
        cost: [7_500, 16_000],
        quantity: [1, 1],
        markup: 1.8,
      },
      {
        name: 'Axle nut',
        partPrefix: 'AXN-',
        cost: [400, 900],
        quantity: [1, 1],
        markup: 2.5,
        probability: 0.7,
      },
    ],
    recommended: 0.25,
    skill: 'suspension',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'control-arm',
    weight: 1.5,
    title: 'Lower control arm',
    concerns: ['Clunk when braking', 'Steering feels loose'],
    findings: [
      {
        cause: 'Lower control arm bushing torn, ball joint play',
        correction: 'Replaced lower control arm with ball joint; alignment checked',
      },
    ],
    hours: [1.2, 2.2],
    parts: [
      {
        name: 'Lower control arm with ball joint',
        partPrefix: 'LCA-',
        cost: [6_000, 14_000],
        quantity: [1, 2],
        markup: 1.8,
      },
      {
        name: 'Control arm bolt kit',
        partPrefix: 'CAB-',
        cost: [800, 1_600],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.4,
      },
    ],
    recommended: 0.45,
    skill: 'suspension',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'inspection',
    weight: 5,
    title: 'Safety inspection',
    concerns: ['Safety inspection', 'Inspection before a long trip', 'Pre-purchase inspection'],
    findings: [
      { cause: 'Customer request', correction: 'Performed inspection; results and photos sent to customer' },
    ],
    hours: [0.5, 1.0],
    parts: [],
    fees: [{ description: 'Emissions test fee', cents: 2_000, taxable: false, probability: 0.4 }],
    recommended: 0,
    skill: 'maintenance',
    canned: 'Safety inspection',
  },
  {
    key: 'valve-cover',
    weight: 2,
    title: 'Valve cover gasket',
    concerns: ['Burning oil smell', 'Oil leak on the driveway'],
    findings: [
      {
        cause: 'Valve cover gasket leaking onto the exhaust manifold',
        correction: 'Replaced valve cover gasket and spark plug tube seals, cleaned engine',
      },
    ],
    hours: [1.5, 3.0],
    parts: [
      {
        name: 'Valve cover gasket set',
        partPrefix: 'VCG-',
        cost: [2_500, 6_500],
        quantity: [1, 1],
        markup: 2.0,
      },
      {
        name: 'RTV silicone',
        partPrefix: 'RTV-',
        cost: [600, 900],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.6,
      },
    ],
    recommended: 0.5,
    iceOnly: true,
    skill: 'engine',
    blockedReasons: [...PARTS_DELAY, ...APPROVAL_DELAY],
  },
  {
    key: 'electrical-diag',
    weight: 2,
    title: 'Electrical diagnosis',
    concerns: ['Battery keeps going dead overnight', 'Power window does not work', 'Dash lights flicker'],
    findings: [
      {
        cause: 'Parasitic draw 350 mA traced to glovebox light switch',
        correction: 'Replaced glovebox lamp switch; draw now 30 mA',
      },
      { cause: 'Window regulator cable broken', correction: 'Replaced driver window regulator and motor' },
    ],
    hours: [1.0, 2.0],
    parts: [
      {
        name: 'Window regulator with motor',
        partPrefix: 'WR-',
        cost: [6_000, 14_000],
        quantity: [1, 1],
        markup: 1.8,
        probability: 0.4,
      },
    ],
    recommended: 0.02,
    skill: 'electrical',
    blockedReasons: APPROVAL_DELAY,
  },
  {
    key: 'bulb',
    weight: 2,
    title: 'Headlight bulb',
    concerns: ['Headlight out', 'Brake light out'],
    findings: [{ cause: 'Bulb filament broken', correction: 'Replaced bulb, checked all exterior lights' }],
    hours: [0.2, 0.5],
    parts: [{ stock: 'bulb', quantity: [1, 2] }],
    recommended: 0.7,
    skill: 'electrical',
  },
  {
    key: 'diff-service',
    weight: 2,
    title: 'Differential fluid service',
    concerns: ['Differential service due'],
    findings: [
      {
        cause: 'Gear oil dark, at service interval',
        correction: 'Drained and refilled front and rear differentials',
      },
    ],
    hours: [0.8, 1.2],
    parts: [
      {
        name: 'Gear oil 75W-90 synthetic, 1 qt',
        partPrefix: 'GO-',
        cost: [900, 1_300],
        quantity: [2, 5],
        markup: 2.0,
      },
      {
        name: 'Differential cover gasket',
        partPrefix: 'DCG-',
        cost: [900, 2_000],
        quantity: [1, 1],
        markup: 2.2,
        probability: 0.5,
      },
    ],
    recommended: 0.85,
    skill: 'drivetrain',
  },
  {
    key: 'tpms',
    weight: 3,
    title: 'TPMS sensor replacement',
    concerns: ['Tire pressure light stays on'],
    findings: [
      {
        cause: 'Right rear TPMS sensor battery dead, no signal',
        correction: 'Replaced TPMS sensor, relearned sensors',
      },
    ],
    hours: [0.5, 0.8],
    parts: [
      { name: 'TPMS sensor', partPrefix: 'TPMS-', cost: [3_000, 6_000], quantity: [1, 1], markup: 2.0 },
      { stock: 'valve-stem', quantity: [1, 1] },
    ],
    recommended: 0.1,
    skill: 'tires',
    bay: 'tire-machine',
  },
  {
    key: 'catalytic',
    weight: 1,
    title: 'Catalytic converter replacement',
    concerns: ['Rattle under the car', 'Failed emissions test'],
    findings: [
      {
        cause: 'Catalytic converter efficiency low, internal substrate broken',
        correction: 'Replaced catalytic converter (sublet exhaust shop), cleared codes',
      },
    ],
    hours: [0.5, 1.0],
    parts: [],
    sublet: {
      description: 'Catalytic converter, installed',
      vendor: ['Midway Muffler', 'Meineke Cicero'],
      cost: [45_000, 110_000],
      markup: 1.25,
    },
    recommended: 0.3,
    iceOnly: true,
    skill: 'exhaust',
    blockedReasons: ['Waiting for sublet: exhaust shop has the car until tomorrow'],
  },
  {
    key: 'windshield',
    weight: 1,
    title: 'Windshield replacement',
    concerns: ['Crack across the windshield', 'Rock chip spreading'],
    findings: [
      {
        cause: 'Crack in driver view, over 6 in',
        correction: 'Windshield replaced by glass vendor, ADAS camera recalibrated',
      },
    ],
    hours: [0.3, 0.5],
    parts: [],
    sublet: {
      description: 'Windshield replacement and ADAS calibration',
      vendor: ['Safelite', 'Chicago Auto Glass'],
      cost: [28_000, 65_000],
      markup: 1.2,
    },
    recommended: 0.2,
    skill: 'maintenance',
    blockedReasons: ['Waiting for sublet: glass vendor scheduled for this afternoon'],
  },
  {
    key: 'trans-rebuild',
    weight: 0.4,
    title: 'Transmission replacement',
    concerns: ['Transmission slipping', 'No reverse'],
    findings: [
      {
        cause: 'Internal transmission failure, clutch material in fluid',
        correction: 'Installed remanufactured transmission (sublet rebuilder), road tested',
      },
    ],
    hours: [1.0, 2.0],
    parts: [],
    sublet: {
      description: 'Remanufactured transmission, installed',
      vendor: ['Precision Transmission', 'AAMCO Oak Lawn'],
      cost: [220_000, 420_000],
      markup: 1.2,
    },
    recommended: 0.01,
    skill: 'drivetrain',
    blockedReasons: ['Waiting for sublet: transmission at the rebuilder', ...APPROVAL_DELAY],
  },
  {
    key: 'timing-belt',
    weight: 0.8,
    title: 'Timing belt and water pump',
    concerns: ['Timing belt due at 105k', 'Ticking noise from the engine'],
    findings: [
      {
        cause: 'Timing belt at replacement interval, cracks on the back side',
        correction: 'Replaced timing belt kit with water pump, set timing, road tested',
      },
    ],
    hours: [3.5, 5.5],
    parts: [
      {
        name: 'Timing belt kit with water pump',
        partPrefix: 'TBK-',
        cost: [16_000, 32_000],
        quantity: [1, 1],
        markup: 1.7,
      },
      { stock: 'coolant', quantity: [2, 2] },
    ],
    recommended: 0.5,
    iceOnly: true,
    skill: 'engine',
    canned: 'Timing belt and water pump',
    blockedReasons: PARTS_DELAY,
  },
  {
    key: 'throttle-clean',
    weight: 2,
    title: 'Fuel system and throttle body cleaning',
    concerns: ['Idle is rough', 'Engine stalls at stop lights'],
    findings: [
      {
        cause: 'Carbon build-up on throttle plate, idle unstable',
        correction: 'Cleaned throttle body and intake, performed idle relearn',
      },
    ],
    hours: [0.8, 1.2],
    parts: [
      {
        name: 'Fuel system cleaner kit',
        partPrefix: 'FSC-',
        cost: [1_500, 2_800],
        quantity: [1, 1],
        markup: 2.4,
      },
      {
        name: 'Throttle body gasket',
        partPrefix: 'TBG-',
        cost: [400, 900],
        quantity: [1, 1],
        markup: 2.5,
        probability: 0.4,
      },
    ],
    recommended: 0.6,
    iceOnly: true,
    skill: 'engine',
  },
];

/** Canned jobs that are not a catalog job: a shop-specific package. */
export const EXTRA_CANNED = [
  {
    name: 'Winter package',
    title: 'Winter check: battery, wipers, coolant, tires',
    concern: 'Get the car ready for winter',
    lines: [
      { kind: 'labor' as const, description: 'Winter inspection', quantity: 0.5 },
      {
        kind: 'part' as const,
        description: 'Winter wiper blade',
        quantity: 2,
        unitPriceCents: 2_495,
        unitCostCents: 950,
        partNumber: 'WB-WINTER',
      },
      {
        kind: 'part' as const,
        description: 'Washer fluid -20 °F, 1 gal',
        quantity: 1,
        unitPriceCents: 695,
        unitCostCents: 250,
        partNumber: 'WF-20',
      },
    ],
  },
];
