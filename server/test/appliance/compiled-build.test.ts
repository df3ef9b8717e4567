import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashServer, freePort, ROOT } from '../helpers/crash-server.js';
import { sourceFiles } from '../helpers/source-imports.js';

/**
 * The production build (tsconfig.build.json, what the installer and the Dockerfile run): every
 * runtime part compiles to dist/ at its own relative place, and the compiled server starts,
 * finds its package.json from a deeper folder than in development, answers and stops cleanly.
 * Compiled inside node_modules/.cache (below the project, like dist/) so it walks up to ASE's root.
 */
const OUT = join(ROOT, 'node_modules', '.cache', `ase-dist-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'ase-compiled-'));

beforeAll(async () => {
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      OUT,
      '--sourceMap',
      'false',
    ],
    { cwd: ROOT },
  );
}, 240_000);

afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled build', () => {
  it('holds every runtime part: server, contracts, devices and models', () => {
    const runtime = ['server/src', 'server/contracts', 'devices', 'models']
      .flatMap((dir) => sourceFiles(dir))
      .filter(
        (file) =>
          file.endsWith('.ts') &&
          !file.endsWith('.test.ts') &&
          // Declarations (typings for an untyped package) compile to nothing.
          !file.endsWith('.d.ts') &&
          !/(^|\/)tests?\//.test(file),
      );
    expect(runtime.length).toBeGreaterThan(100);
    const missing = runtime.filter((file) => !existsSync(join(OUT, file.replace(/\.ts$/, '.js'))));
    expect(missing).toEqual([]);
  });

  it('starts from dist/server/src/main.js, reports its version and stops on SIGTERM', async () => {
    const server = new CrashServer({
      dataDir,
      port: await freePort(),
      httpsPort: await freePort(),
      entry: join(OUT, 'server/src/main.js'),
    });
    try {
      await server.start();
      const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { version: string };
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(health.version).toBe(pkg.version);
      expect(server.errorLines()).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);
});
