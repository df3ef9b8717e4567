import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseTrustedProxies } from '../lib/network.js';
import { ConfigSchema, type AppConfig } from './config.schema.js';

/** Thrown when the configuration cannot be used; its message names every offending key. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const ENV_PREFIX = 'ASE_';
/** Environment variables with the prefix that are not config keys. */
const RESERVED_ENV = new Set(['ASE_CONFIG']);

export function envNameFor(key: string): string {
  return ENV_PREFIX + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

const KEY_BY_ENV = new Map(Object.keys(ConfigSchema.properties).map((key) => [envNameFor(key), key]));

function schemaFor(key: string): TSchema | undefined {
  return (ConfigSchema.properties as Record<string, TSchema>)[key];
}

/** Environment values are strings; turn them into the type the key's schema wants. */
function parseEnvValue(key: string, raw: string): unknown {
  const type: unknown = schemaFor(key)?.type;
  if (type === 'integer' || type === 'number') return raw.trim() === '' ? raw : Number(raw);
  if (type === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`config file ${path} cannot be read: ${(error as Error).message}`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`config file ${path} is not valid JSON: ${(error as Error).message}`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([`config file ${path} must hold a JSON object`]);
  }
  return parsed as Record<string, unknown>;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Working directory used to find ./ase.config.json and to resolve relative paths. */
  cwd?: string;
}

/**
 * Defaults, then the config file (ASE_CONFIG, or ./ase.config.json when present), then ASE_*
 * environment variables. Unknown keys and bad values stop the start with a message naming them.
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const issues: string[] = [];
  const sources = new Map<string, string>();
  const rawEnvValues = new Map<string, string>();

  const explicitFile = env.ASE_CONFIG;
  const filePath = explicitFile ? resolve(cwd, explicitFile) : resolve(cwd, 'ase.config.json');
  let merged: Record<string, unknown> = {};
  if (explicitFile || existsSync(filePath)) {
    const fromFile = readConfigFile(filePath);
    for (const key of Object.keys(fromFile)) {
      if (schemaFor(key) === undefined) issues.push(`unknown key "${key}" in ${filePath}`);
      else sources.set(key, `"${key}" in ${filePath}`);
    }
    merged = { ...fromFile };
  }

  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || RESERVED_ENV.has(name) || raw === undefined) continue;
    const key = KEY_BY_ENV.get(name);
    if (key === undefined) {
      issues.push(`unknown environment variable ${name} (no config key of that name)`);
      continue;
    }
    merged[key] = parseEnvValue(key, raw);
    rawEnvValues.set(key, raw);
    sources.set(key, `${name} (config key "${key}")`);
  }

  const withDefaults = Value.Default(ConfigSchema, Value.Clone(merged)) as Record<string, unknown>;
  for (const error of Value.Errors(ConfigSchema, withDefaults)) {
    const key = error.path.split('/')[1] ?? '';
    if (key === '' || schemaFor(key) === undefined) continue; // unknown keys were reported above
    const where = sources.get(key) ?? `"${key}"`;
    const shown = rawEnvValues.get(key) ?? error.value;
    issues.push(`${where}: ${error.message}, got ${JSON.stringify(shown)}`);
  }
  // Shapes the schema cannot say: a list of proxy addresses, a host:port.
  if (typeof withDefaults.trustedProxies === 'string') {
    const { invalid } = parseTrustedProxies(withDefaults.trustedProxies);
    if (invalid.length > 0) {
      const where = sources.get('trustedProxies') ?? '"trustedProxies"';
      issues.push(`${where}: not an address or CIDR (e.g. 127.0.0.1,10.0.0.0/8): ${invalid.join(', ')}`);
    }
  }
  if (
    typeof withDefaults.tunnelMetricsAddress === 'string' &&
    !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(withDefaults.tunnelMetricsAddress)
  ) {
    const where = sources.get('tunnelMetricsAddress') ?? '"tunnelMetricsAddress"';
    issues.push(
      `${where}: must be host:port, e.g. 127.0.0.1:20241, got ${withDefaults.tunnelMetricsAddress}`,
    );
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const config = withDefaults as AppConfig;
  return {
    ...config,
    dataDir: resolve(cwd, config.dataDir),
    uiDir: config.uiDir === '' ? '' : resolve(cwd, config.uiDir),
  };
}
