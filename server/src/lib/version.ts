import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './app-root.js';

/** The version in the root package.json: what /api/health and the OpenAPI document report. */
export function readAppVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
