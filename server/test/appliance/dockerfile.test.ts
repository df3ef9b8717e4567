import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runProgram } from './appliance-helpers.js';

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Array<{ op: string; args: string }> {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const text = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
  const all = instructions(text);
  const lastFrom = all.map((i) => i.op).lastIndexOf('FROM');
  const runtime = all.slice(lastFrom);
  const get = (op: string) => runtime.filter((i) => i.op === op).map((i) => i.args);

  it('passes dockerfile-utils lint', () => {
    const result = runProgram(join(REPO, 'node_modules/.bin/dockerfile-utils'), ['lint', 'Dockerfile']);
    expect(result.output.trim(), result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('is multi-stage on node:24-slim: a build stage, then a runtime stage that copies from it', () => {
    const froms = all.filter((i) => i.op === 'FROM').map((i) => i.args);
    expect(froms).toEqual(['node:24-slim AS build', 'node:24-slim']);
    expect(get('COPY')).toContain('--from=build /app /app');
    expect(text).toContain('npm ci');
    expect(text).toContain('npm run build:ui');
    expect(text).toContain('npm prune --omit=dev');
  });

  it('runs as a non-root user with /data as a volume and the data dir', () => {
    const user = get('USER');
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(get('VOLUME').join(' ')).toContain('/data');
    expect(get('ENV').join(' ')).toContain('ASE_DATA_DIR=/data');
    expect(get('EXPOSE').join(' ').split(/\s+/)).toEqual(expect.arrayContaining(['8080', '8443', '1883']));
  });

  it('checks its health on /api/health with Node (no curl in slim) and runs under tini', () => {
    const health = get('HEALTHCHECK').join(' ');
    expect(health).toContain('/api/health');
    expect(health).toMatch(/CMD \["node"/);
    expect(get('ENTRYPOINT')).toEqual(['["/usr/bin/tini", "--"]']);
    expect(get('CMD')).toEqual(['["node", "/app/dist/server/src/main.js"]']);
    // The compiled entry point is built in the image from the repository's server/src/main.ts,
    // with every runtime part (tsconfig.build.json: outDir dist, rootDir the project).
    expect(text).toContain('tsc -p tsconfig.build.json');
    const build = JSON.parse(
      readFileSync(join(REPO, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    );
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
    expect(build.include).toEqual(
      expect.arrayContaining([
        'server/src/**/*.ts',
        'server/contracts/**/*.ts',
        'devices/**/*.ts',
        'models/**/*.ts',
      ]),
    );
  });

  it('includes Litestream (the npm optional dependency, checked at build time) and CA certificates for S3', () => {
    expect(text).toContain('node_modules/@flydotio/litestream-linux-x64/litestream version');
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.optionalDependencies['@flydotio/litestream-linux-x64']).toBeDefined();
    expect(get('RUN').join(' ')).toContain('ca-certificates');
  });

  it('.dockerignore keeps local data, dependencies and build output out of the image', () => {
    const ignored = readFileSync(join(REPO, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'data', '.git', 'ui/build', '*.db'])
      expect(ignored, entry).toContain(entry);
  });
});
