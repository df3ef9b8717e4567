/** Names and contact details for a shop on the edge of Chicago (area codes, plates, languages). */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Paul', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George', 'Deborah', 'Timothy', 'Stephanie',
  'Ronald', 'Dorothy', 'Jason', 'Rebecca', 'Edward', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Amy', 'Gary', 'Kathleen', 'Nicholas', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Brenda',
  'Stephen', 'Emma', 'Larry', 'Anna', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Samantha',
  'Benjamin', 'Katherine', 'Samuel', 'Christine', 'Gregory', 'Helen', 'Alexander', 'Debra', 'Patrick', 'Rachel',
  'Frank', 'Carolyn', 'Raymond', 'Janet', 'Jack', 'Maria', 'Dennis', 'Catherine', 'Jerry', 'Heather',
  'Tyler', 'Diane', 'Aaron', 'Olivia', 'Jose', 'Julie', 'Adam', 'Joyce', 'Nathan', 'Victoria',
  'Henry', 'Ruth', 'Zachary', 'Virginia', 'Douglas', 'Lauren', 'Peter', 'Kelly', 'Kyle', 'Christina',
  'Noah', 'Joan', 'Ethan', 'Evelyn', 'Jeremy', 'Judith', 'Walter', 'Andrea', 'Christian', 'Hannah',
  'Keith', 'Megan', 'Roger', 'Cheryl', 'Terry', 'Jacqueline', 'Austin', 'Martha', 'Sean', 'Madison',
  'Gerald', 'Teresa', 'Carl', 'Gloria', 'Harold', 'Sara', 'Dylan', 'Janice', 'Arthur', 'Ann',
  'Luis', 'Guadalupe', 'Carlos', 'Rosa', 'Juan', 'Ana', 'Miguel', 'Sofia', 'Jesus', 'Isabella',
  'Tomasz', 'Agnieszka', 'Piotr', 'Katarzyna', 'Marek', 'Malgorzata', 'Darnell', 'Keisha', 'Andre', 'Tamika',
  'Wei', 'Mei', 'Raj', 'Priya', 'Ahmed', 'Fatima', 'Dmitri', 'Olga', 'Kwame', 'Ama',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson',
  'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen',
  'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Kowalski', 'Nowak', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Zielinski', 'Szymanski', 'Dabrowski', 'Kozlowski',
  "O'Brien", "O'Connor", 'Gallagher', 'Doyle', 'Byrne', 'Schmidt', 'Mueller', 'Schneider', 'Fischer', 'Weber',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Shah', 'Singh', 'Khan', 'Ali', 'Wang', 'Li', 'Zhang', 'Liu', 'Yang', 'Huang',
  'Okafor', 'Mensah', 'Ivanov', 'Petrov', 'Novak', 'Horvat', 'Jensen', 'Hansen', 'Larsen', 'Lindqvist',
];

const BUSINESS_FIRST = [
  'Lakeview', 'Northside', 'Prairie', 'Midway', 'Riverbend', 'Oak Park', 'Windy City', 'Great Lakes',
  'Fox Valley', 'Summit', 'Heartland', 'Lincoln', 'Union', 'Metro', 'Cornerstone', 'Evergreen',
  'Blue Line', 'Skyline', 'Second City', 'Westmont', 'Elmhurst', 'Harbor', 'Cardinal', 'Pioneer',
];
const BUSINESS_TRADE = [
  'Plumbing', 'Electric', 'Landscaping', 'Roofing', 'Heating & Cooling', 'Catering', 'Florist',
  'Courier', 'Cleaning Services', 'Construction', 'Painting', 'Pest Control', 'Flooring', 'Property Management',
  'Appliance Repair', 'Locksmith', 'Dental Group', 'Realty', 'Bakery', 'Moving & Storage',
];
const BUSINESS_SUFFIX = ['LLC', 'Inc.', 'Co.', '', '', 'Group', 'Services LLC'];
const FLEET_NAMES = [
  'City of Westmont Public Works', 'Prairie Township Road District', 'Midway Airport Shuttle Co.',
  'Great Lakes Linen Supply', 'Fox Valley School Transportation', 'Heartland Home Health',
  'Lakeview Property Management', 'Northside Rental Cars', 'Summit Security Patrol', 'Metro Courier Fleet',
  'Union Utility Contractors', 'Evergreen Lawn Care Fleet',
];

export function businessNames(): { businesses: string[]; fleets: string[] } {
  const businesses: string[] = [];
  for (const first of BUSINESS_FIRST) {
    for (const trade of BUSINESS_TRADE) {
      businesses.push(`${first} ${trade}`);
    }
  }
  return { businesses, fleets: [...FLEET_NAMES] };
}
export const BUSINESS_SUFFIXES = BUSINESS_SUFFIX;

/** Chicago and suburbs; the exchange is drawn at random but kept a valid NANP central office code. */
export const AREA_CODES = [
  { weight: 20, code: '312' }, { weight: 22, code: '773' }, { weight: 4, code: '872' },
  { weight: 16, code: '630' }, { weight: 5, code: '331' }, { weight: 14, code: '708' },
  { weight: 12, code: '847' }, { weight: 4, code: '224' }, { weight: 6, code: '815' },
  { weight: 2, code: '779' }, { weight: 2, code: '219' }, { weight: 1, code: '262' },
];

export const EMAIL_DOMAINS = [
  { weight: 45, domain: 'gmail.com' }, { weight: 14, domain: 'yahoo.com' }, { weight: 9, domain: 'outlook.com' },
  { weight: 8, domain: 'hotmail.com' }, { weight: 10, domain: 'icloud.com' }, { weight: 7, domain: 'comcast.net' },
  { weight: 4, domain: 'aol.com' }, { weight: 3, domain: 'att.net' },
];

export const PLATE_REGIONS = [
  { weight: 88, region: 'IL', patterns: ['LL#####', 'L## ####', 'LL #####'] },
  { weight: 5, region: 'IN', patterns: ['###LLL', '###L'] },
  { weight: 4, region: 'WI', patterns: ['LLL####', 'LLL###'] },
  { weight: 1, region: 'MI', patterns: ['LLL####', 'LLL ####'] },
  { weight: 1, region: 'IA', patterns: ['LLL###'] },
  { weight: 1, region: 'MO', patterns: ['LL#L#L'] },
];

export const CUSTOMER_NOTES = [
  'Prefers a text when the car is ready.',
  'Call before any work over $300.',
  'Drops keys in the night box.',
  'Long-time customer: ask about the family’s other cars.',
  'Waits in the lobby; bring coffee.',
  'Needs a ride to the train station on drop-off.',
  'Spanish speaker; Maria at the counter helps.',
  'Fleet account: PO number required on every RO.',
];
