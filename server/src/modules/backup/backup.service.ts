import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  DEFAULT_BACKUP_SETTINGS,
  applyChanges,
  mergeStored,
  publicView,
  targetOf,
  validateSettings,
  type LoadedBackupSettings,
} from './backup-settings.js';
import {
  findBackupSettingsRow,
  insertBackupSettingsRow,
  updateBackupSettingsIfVersion,
} from './backup.repository.js';
import type {
  BackupView,
  ReplicationStatus,
  TestConnectionInput,
  TestConnectionResult,
  UpdateBackupSettingsInput,
} from './backup.schemas.js';
import { probeDirectory, probeS3 } from './connection-test.js';
import { LitestreamSupervisor } from './litestream-supervisor.js';
import type { ReplicaTarget } from '../../lib/replica-target.js';
import { inTransaction } from '../../db/after-commit.js';

export interface BackupServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  log: FastifyBaseLogger;
  /** The live database file. */
  dbPath: string;
  /** Where `litestream/litestream.yml` is written. */
  dataDir: string;
  /** The Litestream binary (findLitestreamBinary()), or null when there is none. */
  litestreamBinary: string | null;
}

/** What /api/health shows of replication: small, and never a reason for a non-200. */
export interface ReplicationHealth {
  state: ReplicationStatus['state'];
  lastSyncAt: string | null;
  lagSeconds: number | null;
  warning: string | null;
}

type TargetListener = (target: ReplicaTarget) => void | Promise<unknown>;

/**
 * Off-site copies of the database: the owner's settings (one row, secrets write-only), Litestream
 * run as a supervised child that follows them, its live status, and a connection test. The media
 * files go to the same target through the offsite-files module, which follows `onTargetChanged`.
 */
export class BackupService {
  readonly #deps: BackupServiceDeps;
  readonly #supervisor: LitestreamSupervisor;
  readonly #listeners = new Set<TargetListener>();
  #lagWarningSeconds = DEFAULT_BACKUP_SETTINGS.lagWarningSeconds;
  #started = false;

  constructor(deps: BackupServiceDeps) {
    this.#deps = deps;
    this.#supervisor = new LitestreamSupervisor({
      dbPath: deps.dbPath,
      configDir: `${deps.dataDir}/litestream`,
      binary: deps.litestreamBinary,
      log: deps.log.child({ module: 'backup' }),
    });
  }

  /** Starts replicating to the stored target (nothing runs while it is 'off'). */
  async start(): Promise<void> {
    this.#started = true;
    const settings = await this.#load();
    this.#lagWarningSeconds = settings.lagWarningSeconds;
    await this.#supervisor.apply(targetOf(settings));
  }

  async stop(): Promise<void> {
    this.#started = false;
    await this.#supervisor.stop();
  }

  /** The current target with its secrets: for the file uploader and the restore drill, never for the API. */
  async currentTarget(): Promise<ReplicaTarget> {
    return targetOf(await this.#load());
  }

  /** Called with the new target after every saved change; returns the unsubscribe. */
  onTargetChanged(listener: TargetListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  status(): ReplicationStatus {
    return this.#supervisor.status(this.#lagWarningSeconds);
  }

  /** Litestream's pid while it runs (diagnostics; tests kill it to check the restart). */
  litestreamPid(): number | null {
    return this.#supervisor.pid;
  }

  health(): ReplicationHealth {
    const { state, lastSyncAt, lagSeconds, warning } = this.status();
    return { state, lastSyncAt, lagSeconds, warning };
  }

  async get(): Promise<BackupView> {
    return { settings: publicView(await this.#load()), status: this.status() };
  }

  async update(actor: Actor, input: UpdateBackupSettingsInput): Promise<BackupView> {
    const saved = await inTransaction(this.#deps.db, async (tx) => {
      const current = await this.#load(tx);
      if (current.version !== input.version)
        throw staleVersionProblem('backup settings', current.version, publicView(current));
      const next = applyChanges(current, input);
      const errors = validateSettings(next);
      if (errors.length > 0) throw problems.validation(errors);
      const at = this.#deps.clock.now().toISOString();
      const data = JSON.stringify(next);
      const written =
        current.updatedAt === null
          ? await insertBackupSettingsRow(tx, data, at)
          : await updateBackupSettingsIfVersion(tx, data, input.version, at);
      if (!written) throw staleVersionProblem('backup settings', (await this.#load(tx)).version);
      // Which fields changed, never their values: the secret must not reach the audit log.
      const changed = [
        ...(input.target === undefined ? [] : ['target']),
        ...Object.keys(input.s3 ?? {}).map((k) => `s3.${k}`),
        ...Object.keys(input.file ?? {}).map((k) => `file.${k}`),
        ...(input.lagWarningSeconds === undefined ? [] : ['lagWarningSeconds']),
      ];
      await this.#deps.audit.record(tx, actor, {
        action: 'backup_settings.updated',
        entityType: 'backup_settings',
        entityId: 'shop',
        data: { changed, target: next.target },
      });
      return this.#load(tx);
    });
    this.#lagWarningSeconds = saved.lagWarningSeconds;
    const target = targetOf(saved);
    // Restart Litestream on the new settings (after the commit: the child reads the database too).
    if (this.#started) await this.#supervisor.apply(target);
    // Listeners (the file queue's requeue) run after the commit; one failing never undoes the save.
    await Promise.all(
      [...this.#listeners].map(async (listener) => {
        try {
          await listener(target);
        } catch (error) {
          this.#deps.log.error({ err: error }, 'backup target listener failed');
        }
      }),
    );
    return { settings: publicView(saved), status: this.status() };
  }

  /** Tests the stored target, or a candidate (fields missing from it come from the stored settings). */
  async test(input: TestConnectionInput): Promise<TestConnectionResult> {
    const current = await this.#load();
    const candidate = applyChanges(current, input);
    const errors = validateSettings(candidate);
    if (errors.length > 0) throw problems.validation(errors);
    const target = targetOf(candidate);
    const started = Date.now();
    const result =
      target.kind === 's3'
        ? await probeS3(target)
        : target.kind === 'file'
          ? await probeDirectory(target.path)
          : { ok: false, message: 'Backups are off: choose a bucket or a directory first.' };
    return { ...result, target: target.kind, elapsedMs: Date.now() - started };
  }

  async #load(db: Db = this.#deps.db): Promise<LoadedBackupSettings> {
    const row = await findBackupSettingsRow(db);
    if (row === undefined) return { ...DEFAULT_BACKUP_SETTINGS, version: 1, updatedAt: null };
    return { ...mergeStored(row.data), version: row.version, updatedAt: row.updated_at };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The backup service (tests and the offsite-files wiring reach it here). */
    backup: BackupService;
  }
}
