import { readFileSync } from 'node:fs';

/** The version in the root package.json: what /api/health and the OpenAPI document report. */
export function readAppVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
