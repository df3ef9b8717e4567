import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The server (server/src/main.ts and everything it imports) as one ESM file, for tests that start
 * and kill it dozens of times (the crash loop). It is the same source through the same esbuild
 * transform tsx applies file by file at run time, only done once: a start then skips tsx's
 * loader thread and hundreds of per-file transforms and cache reads. Measured on this machine
 * (2 cores, idle): see the stop-13 note on issue 3; the crash loop's 50 starts dominate its time.
 * npm packages stay external and load from node_modules as in production.
 *
 * The file lives exactly three folders below the project root (node_modules/.cache/ase-server/),
 * like server/src/<folder>/<module>.ts: the server finds package.json and ui/build three levels up
 * from its own module (lib/version.ts, plugins/static-ui.ts), and that must hold here too.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'ase-server');

let bundled: Promise<string> | undefined;

/** The bundle's path, built on first use in this process (one file per process: workers run side by side). */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(BUNDLE_DIR, `main-${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'server', 'src', 'main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      packages: 'external',
      // Beside the file, not inline: a start does not parse it unless run with --enable-source-maps.
      sourcemap: 'linked',
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

/** Removes this process's bundle (tests call it when their last server is gone). */
export function removeServerBundle(): void {
  if (bundled === undefined) return;
  bundled = undefined;
  for (const name of [`main-${process.pid}.mjs`, `main-${process.pid}.mjs.map`])
    rmSync(join(BUNDLE_DIR, name), { force: true });
}
