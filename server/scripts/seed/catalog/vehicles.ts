/**
 * What drives into a Chicago-area shop: common makes and models, weighted roughly by how many are
 * on the road, with the world manufacturer identifiers their VINs start with.
 */
export interface ModelSpec {
  weight: number;
  model: string;
  body: string;
  wmi: readonly string[];
  engines: readonly string[];
  trims: readonly string[];
  /** First and last model year sold. */
  years: readonly [number, number];
}

export interface MakeSpec {
  weight: number;
  make: string;
  models: readonly ModelSpec[];
}

const m = (
  weight: number,
  model: string,
  body: string,
  wmi: string[],
  engines: string[],
  trims: string[],
  years: [number, number] = [1995, 2026],
): ModelSpec => ({ weight, model, body, wmi, engines, trims, years });

export const MAKES: readonly MakeSpec[] = [
  {
    weight: 14,
    make: 'Ford',
    models: [
      m(
        10,
        'F-150',
        'Pickup',
        ['1FT', '1FD'],
        ['5.0L V8', '3.5L V6 EcoBoost', '2.7L V6 EcoBoost', '3.3L V6'],
        ['XL', 'XLT', 'Lariat', 'King Ranch'],
      ),
      m(
        6,
        'Escape',
        'SUV',
        ['1FM'],
        ['1.5L I3 EcoBoost', '2.0L I4 EcoBoost', '2.5L I4'],
        ['S', 'SE', 'Titanium'],
        [2001, 2026],
      ),
      m(
        5,
        'Explorer',
        'SUV',
        ['1FM'],
        ['3.5L V6', '2.3L I4 EcoBoost', '4.0L V6'],
        ['Base', 'XLT', 'Limited', 'ST'],
      ),
      m(
        4,
        'Fusion',
        'Sedan',
        ['3FA'],
        ['2.5L I4', '1.5L I4 EcoBoost', '2.0L I4 Hybrid'],
        ['S', 'SE', 'Titanium'],
        [2006, 2020],
      ),
      m(3, 'Focus', 'Sedan', ['1FA'], ['2.0L I4'], ['S', 'SE', 'Titanium'], [2000, 2018]),
      m(2, 'Edge', 'SUV', ['2FM'], ['3.5L V6', '2.0L I4 EcoBoost'], ['SE', 'SEL', 'Titanium'], [2007, 2024]),
      m(2, 'Transit', 'Van', ['1FT'], ['3.5L V6', '3.7L V6'], ['Cargo', 'Passenger'], [2015, 2026]),
      m(1, 'Mustang', 'Coupe', ['1FA'], ['5.0L V8', '2.3L I4 EcoBoost', '3.7L V6'], ['EcoBoost', 'GT']),
    ],
  },
  {
    weight: 13,
    make: 'Chevrolet',
    models: [
      m(
        9,
        'Silverado 1500',
        'Pickup',
        ['1GC', '3GC'],
        ['5.3L V8', '4.3L V6', '6.2L V8', '2.7L I4 Turbo'],
        ['WT', 'LT', 'LTZ', 'High Country'],
      ),
      m(
        5,
        'Equinox',
        'SUV',
        ['2GN', '3GN'],
        ['1.5L I4 Turbo', '2.4L I4', '3.6L V6'],
        ['LS', 'LT', 'Premier'],
        [2005, 2026],
      ),
      m(4, 'Malibu', 'Sedan', ['1G1'], ['1.5L I4 Turbo', '2.5L I4', '2.4L I4'], ['LS', 'LT', 'Premier']),
      m(3, 'Impala', 'Sedan', ['2G1'], ['3.6L V6', '2.5L I4', '3.5L V6'], ['LS', 'LT', 'LTZ'], [2000, 2020]),
      m(3, 'Tahoe', 'SUV', ['1GN'], ['5.3L V8', '6.2L V8'], ['LS', 'LT', 'Premier']),
      m(2, 'Cruze', 'Sedan', ['1G1'], ['1.4L I4 Turbo', '1.8L I4'], ['LS', 'LT', 'Premier'], [2011, 2019]),
      m(2, 'Traverse', 'SUV', ['1GN'], ['3.6L V6'], ['LS', 'LT', 'Premier'], [2009, 2026]),
    ],
  },
  {
    weight: 14,
    make: 'Toyota',
    models: [
      m(7, 'Camry', 'Sedan', ['4T1'], ['2.5L I4', '3.5L V6', '2.5L I4 Hybrid'], ['LE', 'SE', 'XLE', 'XSE']),
      m(
        7,
        'RAV4',
        'SUV',
        ['2T3', 'JTM'],
        ['2.5L I4', '2.5L I4 Hybrid'],
        ['LE', 'XLE', 'Limited', 'Adventure'],
      ),
      m(6, 'Corolla', 'Sedan', ['2T1', '5YF'], ['1.8L I4', '2.0L I4'], ['L', 'LE', 'SE', 'XSE']),
      m(
        3,
        'Highlander',
        'SUV',
        ['5TD'],
        ['3.5L V6', '2.4L I4 Turbo'],
        ['LE', 'XLE', 'Limited'],
        [2001, 2026],
      ),
      m(
        3,
        'Tacoma',
        'Pickup',
        ['3TM', '5TF'],
        ['3.5L V6', '2.7L I4', '4.0L V6'],
        ['SR', 'SR5', 'TRD Sport', 'TRD Off-Road'],
      ),
      m(2, 'Sienna', 'Minivan', ['5TD'], ['3.5L V6', '2.5L I4 Hybrid'], ['LE', 'XLE', 'Limited']),
      m(2, 'Prius', 'Hatchback', ['JTD'], ['1.8L I4 Hybrid'], ['Two', 'Three', 'Four'], [2001, 2026]),
    ],
  },
  {
    weight: 11,
    make: 'Honda',
    models: [
      m(
        7,
        'Civic',
        'Sedan',
        ['2HG', '19X'],
        ['2.0L I4', '1.5L I4 Turbo', '1.8L I4'],
        ['LX', 'Sport', 'EX', 'Touring'],
      ),
      m(
        7,
        'CR-V',
        'SUV',
        ['5J6', '2HK'],
        ['1.5L I4 Turbo', '2.4L I4', '2.0L I4 Hybrid'],
        ['LX', 'EX', 'EX-L', 'Touring'],
      ),
      m(
        6,
        'Accord',
        'Sedan',
        ['1HG'],
        ['1.5L I4 Turbo', '2.4L I4', '3.5L V6', '2.0L I4 Turbo'],
        ['LX', 'Sport', 'EX-L', 'Touring'],
      ),
      m(3, 'Pilot', 'SUV', ['5FN'], ['3.5L V6'], ['LX', 'EX', 'EX-L', 'Touring'], [2003, 2026]),
      m(2, 'Odyssey', 'Minivan', ['5FN'], ['3.5L V6'], ['LX', 'EX', 'EX-L', 'Touring']),
    ],
  },
  {
    weight: 8,
    make: 'Nissan',
    models: [
      m(6, 'Altima', 'Sedan', ['1N4'], ['2.5L I4', '3.5L V6', '2.0L I4 Turbo'], ['S', 'SV', 'SR', 'SL']),
      m(
        6,
        'Rogue',
        'SUV',
        ['5N1', 'JN8', 'KNM'],
        ['2.5L I4', '1.5L I3 Turbo'],
        ['S', 'SV', 'SL'],
        [2008, 2026],
      ),
      m(3, 'Sentra', 'Sedan', ['3N1'], ['1.8L I4', '2.0L I4'], ['S', 'SV', 'SR']),
      m(2, 'Pathfinder', 'SUV', ['5N1'], ['3.5L V6'], ['S', 'SV', 'SL', 'Platinum']),
      m(1, 'Frontier', 'Pickup', ['1N6'], ['4.0L V6', '2.5L I4', '3.8L V6'], ['S', 'SV', 'PRO-4X']),
    ],
  },
  {
    weight: 7,
    make: 'Jeep',
    models: [
      m(
        6,
        'Grand Cherokee',
        'SUV',
        ['1C4', '1J4'],
        ['3.6L V6', '5.7L V8', '4.7L V8'],
        ['Laredo', 'Limited', 'Overland', 'Trailhawk'],
      ),
      m(
        4,
        'Wrangler',
        'SUV',
        ['1C4', '1J4'],
        ['3.6L V6', '2.0L I4 Turbo', '3.8L V6'],
        ['Sport', 'Sahara', 'Rubicon'],
      ),
      m(
        3,
        'Cherokee',
        'SUV',
        ['1C4'],
        ['2.4L I4', '3.2L V6'],
        ['Latitude', 'Limited', 'Trailhawk'],
        [2014, 2023],
      ),
      m(2, 'Compass', 'SUV', ['3C4', '1C4'], ['2.4L I4'], ['Sport', 'Latitude', 'Limited'], [2007, 2026]),
    ],
  },
  {
    weight: 6,
    make: 'Hyundai',
    models: [
      m(5, 'Elantra', 'Sedan', ['5NP', 'KMH'], ['2.0L I4', '1.8L I4'], ['SE', 'SEL', 'Limited']),
      m(4, 'Sonata', 'Sedan', ['5NP'], ['2.4L I4', '1.6L I4 Turbo', '2.5L I4'], ['SE', 'SEL', 'Limited']),
      m(
        4,
        'Tucson',
        'SUV',
        ['KM8', '5NM'],
        ['2.0L I4', '2.4L I4', '2.5L I4'],
        ['SE', 'SEL', 'Limited'],
        [2005, 2026],
      ),
      m(
        3,
        'Santa Fe',
        'SUV',
        ['5XY', 'KM8'],
        ['2.4L I4', '3.3L V6', '2.0L I4 Turbo'],
        ['SE', 'SEL', 'Limited'],
        [2001, 2026],
      ),
    ],
  },
  {
    weight: 5,
    make: 'Kia',
    models: [
      m(
        4,
        'Sorento',
        'SUV',
        ['5XY'],
        ['2.4L I4', '3.3L V6', '2.5L I4 Turbo'],
        ['LX', 'EX', 'SX'],
        [2003, 2026],
      ),
      m(4, 'Optima', 'Sedan', ['5XX', 'KNA'], ['2.4L I4', '2.0L I4 Turbo'], ['LX', 'EX', 'SX'], [2001, 2020]),
      m(3, 'Soul', 'Hatchback', ['KND'], ['1.6L I4', '2.0L I4'], ['Base', '+', '!'], [2010, 2025]),
      m(3, 'Forte', 'Sedan', ['3KP', 'KNA'], ['2.0L I4', '1.8L I4'], ['FE', 'LXS', 'GT-Line'], [2010, 2026]),
    ],
  },
  {
    weight: 5,
    make: 'Subaru',
    models: [
      m(
        5,
        'Outback',
        'Wagon',
        ['4S4'],
        ['2.5L H4', '3.6L H6', '2.4L H4 Turbo'],
        ['Base', 'Premium', 'Limited', 'Touring'],
      ),
      m(
        5,
        'Forester',
        'SUV',
        ['JF2'],
        ['2.5L H4', '2.0L H4 Turbo'],
        ['Base', 'Premium', 'Limited', 'Touring'],
        [1998, 2026],
      ),
      m(3, 'Crosstrek', 'SUV', ['JF2'], ['2.0L H4', '2.5L H4'], ['Base', 'Premium', 'Limited'], [2013, 2026]),
      m(2, 'Impreza', 'Sedan', ['4S3', 'JF1'], ['2.0L H4', '2.5L H4'], ['Base', 'Premium', 'Sport']),
    ],
  },
  {
    weight: 5,
    make: 'Ram',
    models: [
      m(
        8,
        '1500',
        'Pickup',
        ['1C6', '3C6', '1D7'],
        ['5.7L V8 HEMI', '3.6L V6', '3.0L V6 Diesel'],
        ['Tradesman', 'Big Horn', 'Laramie', 'Rebel'],
      ),
      m(2, 'ProMaster', 'Van', ['3C6'], ['3.6L V6'], ['Cargo', 'Window'], [2014, 2026]),
    ],
  },
  {
    weight: 4,
    make: 'GMC',
    models: [
      m(
        5,
        'Sierra 1500',
        'Pickup',
        ['1GT', '3GT'],
        ['5.3L V8', '6.2L V8', '4.3L V6'],
        ['SLE', 'SLT', 'AT4', 'Denali'],
      ),
      m(3, 'Acadia', 'SUV', ['1GK'], ['3.6L V6', '2.5L I4'], ['SLE', 'SLT', 'Denali'], [2007, 2026]),
      m(
        2,
        'Terrain',
        'SUV',
        ['2GK', '3GK'],
        ['2.4L I4', '1.5L I4 Turbo', '3.6L V6'],
        ['SLE', 'SLT', 'Denali'],
        [2010, 2026],
      ),
    ],
  },
  {
    weight: 4,
    make: 'Dodge',
    models: [
      m(
        4,
        'Grand Caravan',
        'Minivan',
        ['2C4', '2D4'],
        ['3.6L V6', '3.3L V6', '3.8L V6'],
        ['SE', 'SXT', 'GT'],
        [1996, 2020],
      ),
      m(3, 'Charger', 'Sedan', ['2C3'], ['3.6L V6', '5.7L V8 HEMI'], ['SE', 'SXT', 'R/T'], [2006, 2023]),
      m(2, 'Durango', 'SUV', ['1C4'], ['3.6L V6', '5.7L V8 HEMI'], ['SXT', 'GT', 'Citadel']),
      m(1, 'Journey', 'SUV', ['3C4'], ['2.4L I4', '3.6L V6'], ['SE', 'SXT', 'Crossroad'], [2009, 2020]),
    ],
  },
  {
    weight: 3,
    make: 'Volkswagen',
    models: [
      m(
        4,
        'Jetta',
        'Sedan',
        ['3VW'],
        ['1.4L I4 Turbo', '2.0L I4', '1.8L I4 Turbo', '2.5L I5'],
        ['S', 'SE', 'SEL'],
      ),
      m(3, 'Tiguan', 'SUV', ['3VV', 'WVG'], ['2.0L I4 Turbo'], ['S', 'SE', 'SEL'], [2009, 2026]),
      m(
        2,
        'Passat',
        'Sedan',
        ['1VW', 'WVW'],
        ['1.8L I4 Turbo', '2.5L I5', '3.6L V6'],
        ['S', 'SE', 'SEL'],
        [1998, 2022],
      ),
    ],
  },
  {
    weight: 3,
    make: 'Mazda',
    models: [
      m(
        5,
        'CX-5',
        'SUV',
        ['JM3'],
        ['2.5L I4', '2.0L I4', '2.5L I4 Turbo'],
        ['Sport', 'Touring', 'Grand Touring'],
        [2013, 2026],
      ),
      m(
        3,
        'Mazda3',
        'Sedan',
        ['JM1', '3MZ'],
        ['2.0L I4', '2.5L I4'],
        ['Sport', 'Touring', 'Grand Touring'],
        [2004, 2026],
      ),
      m(
        2,
        'Mazda6',
        'Sedan',
        ['1YV', 'JM1'],
        ['2.5L I4', '3.7L V6'],
        ['Sport', 'Touring', 'Grand Touring'],
        [2003, 2021],
      ),
    ],
  },
  {
    weight: 3,
    make: 'Lexus',
    models: [
      m(4, 'RX 350', 'SUV', ['2T2', 'JTJ'], ['3.5L V6'], ['Base', 'F Sport', 'Luxury'], [2007, 2026]),
      m(3, 'ES 350', 'Sedan', ['JTH', '58A'], ['3.5L V6'], ['Base', 'Luxury', 'Ultra Luxury'], [2007, 2026]),
    ],
  },
  {
    weight: 3,
    make: 'Buick',
    models: [
      m(3, 'Enclave', 'SUV', ['5GA'], ['3.6L V6'], ['Preferred', 'Essence', 'Avenir'], [2008, 2026]),
      m(
        3,
        'Encore',
        'SUV',
        ['KL4'],
        ['1.4L I4 Turbo', '1.3L I3 Turbo'],
        ['Preferred', 'Sport Touring', 'Essence'],
        [2013, 2026],
      ),
      m(
        2,
        'LaCrosse',
        'Sedan',
        ['1G4', '2G4'],
        ['3.6L V6', '2.4L I4'],
        ['Base', 'Leather', 'Premium'],
        [2005, 2019],
      ),
    ],
  },
  {
    weight: 2,
    make: 'BMW',
    models: [
      m(
        3,
        '328i',
        'Sedan',
        ['WBA'],
        ['2.0L I4 Turbo', '3.0L I6'],
        ['Base', 'xDrive', 'Sport Line'],
        [2007, 2016],
      ),
      m(
        3,
        'X5',
        'SUV',
        ['5UX'],
        ['3.0L I6 Turbo', '4.4L V8 Turbo'],
        ['sDrive35i', 'xDrive35i', 'xDrive40i'],
        [2000, 2026],
      ),
      m(
        2,
        'X3',
        'SUV',
        ['5UX', 'WBX'],
        ['2.0L I4 Turbo', '3.0L I6'],
        ['sDrive28i', 'xDrive28i', 'xDrive30i'],
        [2004, 2026],
      ),
    ],
  },
  {
    weight: 2,
    make: 'Mercedes-Benz',
    models: [
      m(
        3,
        'C300',
        'Sedan',
        ['55S', 'WDD'],
        ['2.0L I4 Turbo', '3.0L V6'],
        ['Base', '4MATIC', 'Sport'],
        [2008, 2026],
      ),
      m(2, 'GLC 300', 'SUV', ['WDC', 'W1N'], ['2.0L I4 Turbo'], ['Base', '4MATIC'], [2016, 2026]),
    ],
  },
  {
    weight: 1,
    make: 'Tesla',
    models: [
      m(
        3,
        'Model 3',
        'Sedan',
        ['5YJ'],
        ['Electric'],
        ['Standard Range', 'Long Range', 'Performance'],
        [2017, 2026],
      ),
      m(2, 'Model Y', 'SUV', ['7SA', '5YJ'], ['Electric'], ['Long Range', 'Performance'], [2020, 2026]),
    ],
  },
];

export const COLORS = [
  { weight: 24, color: 'White' },
  { weight: 20, color: 'Black' },
  { weight: 18, color: 'Gray' },
  { weight: 15, color: 'Silver' },
  { weight: 10, color: 'Blue' },
  { weight: 9, color: 'Red' },
  { weight: 2, color: 'Green' },
  { weight: 2, color: 'Brown' },
  { weight: 1, color: 'Gold' },
  { weight: 1, color: 'Orange' },
];
