import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest, UnknownMigrationError } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { exitIfDataDirUnwritable } from './lib/data-dir-check.js';
import { containRequestFaults } from './lib/request-faults.js';
import { SystemdNotifier } from './lib/systemd-notify.js';

/** Starts ASE: config → database (migrated, backed up first) → app → listen; stops cleanly on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ASE cannot start. ${error.message}\n`);
      process.exit(78); // EX_CONFIG: systemd shows it as a configuration failure
    }
    throw error;
  }
  exitIfDataDirUnwritable(config.dataDir); // read-only or full: one line on stderr, exit 73

  const logger = pino({ level: config.logLevel });
  const databasePath = join(config.dataDir, 'ase.db');
  const database = openDatabase(databasePath);
  try {
    const result = await migrateToLatest(database, {
      backupDir: join(config.dataDir, 'backups'),
      clock: systemClock,
    });
    if (result.applied.length > 0)
      logger.info({ applied: result.applied, backup: result.backupPath }, 'database migrated');
  } catch (error) {
    await database.close();
    if (error instanceof UnknownMigrationError) {
      logger.fatal(error.message);
      process.exit(65); // EX_DATAERR
    }
    throw error;
  }

  const app = await buildApp({ config, database, logger });
  containRequestFaults(app); // an error escaping one request is its 500, not the server's exit
  // <systemd-notify>: under systemd (ase.service, Type=notify) say READY=1 once listening, WATCHDOG=1
  // while the database answers, STOPPING=1 on shutdown. Without NOTIFY_SOCKET it does nothing.
  const notifier = new SystemdNotifier({
    logger,
    healthCheck: async () => database.sqlite.prepare('SELECT 1').pluck().get() === 1,
  });
  // </systemd-notify>
  // Unhandled rejections are left to Node, which raises them as uncaught exceptions: those of a
  // request are contained above, the rest come back here.
  closeWithGrace({ delay: 10_000, logger, skip: ['unhandledRejection'] }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'stopping after an unexpected error');
    else logger.info({ signal }, 'stopping');
    await notifier.stopping(); // <systemd-notify>
    await app.close();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });
  // <remote-access>: HTTPS on the shop network beside HTTP, with the local CA's certificate (made in
  // <dataDir>/tls on first start). httpsPort 0 = off. A failure (port taken) is logged and shown in
  // Settings → Remote access; HTTP keeps serving.
  if (config.httpsPort !== 0) await app.lanHttps.listen(config.host, config.httpsPort);
  // </remote-access>
  logger.info({ dataDir: config.dataDir, database: databasePath }, 'ASE is ready');
  await notifier.ready(`ASE is ready, data in ${config.dataDir}`); // <systemd-notify>
}

await main();
