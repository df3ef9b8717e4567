import { parseArgs } from 'node:util';
import {
  RestoreError,
  restoreShop,
  type ActiveReplicaTarget,
  type RestoreStep,
} from '../../src/modules/backup/restore.js';

/**
 * `npm run restore -- --data-dir <dir> (--file <path> | --s3-endpoint <url> --bucket <b> [--path <p>]
 * [--region <r>] [--force-path-style]) [--timestamp <iso>] [--skip-files]`
 * S3 credentials come from ASE_BACKUP_ACCESS_KEY_ID / ASE_BACKUP_SECRET_ACCESS_KEY (never the
 * command line: it ends up in shell history and `ps`). The logic is restoreShop(); this is the CLI.
 */
const USAGE = `Restore an ASE shop from its off-site copy into an EMPTY data directory.

  npm run restore -- --data-dir <dir> --file <replica dir> [--timestamp <iso>]
  npm run restore -- --data-dir <dir> --s3-endpoint <url> --bucket <bucket> [--path <folder>]
                     [--region <region>] [--force-path-style] [--timestamp <iso>]

  S3 credentials: environment ASE_BACKUP_ACCESS_KEY_ID and ASE_BACKUP_SECRET_ACCESS_KEY.
  --timestamp     restore the database as it was at that time (default: the latest)
  --skip-files    restore the database only
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`restore: ${message}\n`);
  process.exit(code);
}

function parse(): { dataDir: string; target: ActiveReplicaTarget; timestamp?: string; skipFiles: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        file: { type: 'string' },
        's3-endpoint': { type: 'string' },
        bucket: { type: 'string' },
        path: { type: 'string', default: '' },
        region: { type: 'string', default: 'us-east-1' },
        'force-path-style': { type: 'boolean', default: false },
        timestamp: { type: 'string' },
        'skip-files': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const dataDir = values['data-dir'];
  if (dataDir === undefined) fail(`--data-dir is required.\n\n${USAGE}`);
  const endpoint = values['s3-endpoint'];
  if ((values.file === undefined) === (endpoint === undefined))
    fail(`give exactly one of --file or --s3-endpoint.\n\n${USAGE}`);
  let target: ActiveReplicaTarget;
  if (values.file !== undefined) {
    target = { kind: 'file', path: values.file };
  } else {
    const accessKeyId = process.env.ASE_BACKUP_ACCESS_KEY_ID ?? '';
    const secretAccessKey = process.env.ASE_BACKUP_SECRET_ACCESS_KEY ?? '';
    if (values.bucket === undefined) fail('--bucket is required with --s3-endpoint.');
    if (accessKeyId === '' || secretAccessKey === '')
      fail('set ASE_BACKUP_ACCESS_KEY_ID and ASE_BACKUP_SECRET_ACCESS_KEY in the environment.');
    target = {
      kind: 's3',
      endpoint: endpoint as string,
      bucket: values.bucket,
      path: values.path.replace(/^\/+|\/+$/g, ''),
      region: values.region,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: values['force-path-style'],
    };
  }
  return {
    dataDir,
    target,
    skipFiles: values['skip-files'],
    ...(values.timestamp === undefined ? {} : { timestamp: values.timestamp }),
  };
}

function progress(step: RestoreStep): void {
  if (step.step === 'files') {
    const mb = (step.bytes / 1_048_576).toFixed(1);
    process.stdout.write(
      `\rfiles: ${step.done}/${step.total} (${mb} MB)${step.done === step.total ? '\n' : ''}`,
    );
  } else {
    process.stdout.write(`${step.step}: ${step.message}\n`);
  }
}

const options = parse();
try {
  const result = await restoreShop({ ...options, onProgress: progress });
  const mb = (result.databaseBytes / 1_048_576).toFixed(1);
  process.stdout.write(
    [
      `Database: ${result.databasePath} (${mb} MB, ${result.tables} tables, integrity ok) in ${(result.elapsedMs.database / 1000).toFixed(1)} s`,
      result.files === null
        ? 'Files: skipped'
        : `Files: ${result.files.restored} restored (${(result.files.bytes / 1_048_576).toFixed(1)} MB), ${result.files.skipped} already there, in ${(result.elapsedMs.files / 1000).toFixed(1)} s`,
      `Start ASE with ASE_DATA_DIR=${options.dataDir}, then set up backups again in Settings → Backup.`,
      '',
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof RestoreError) fail(error.message, error.code === 'not-empty' ? 3 : 1);
  fail((error as Error).stack ?? String(error), 1);
}
