import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file the ase-tunnel.service unit reads (EnvironmentFile=); a path unit restarts it on change. */
export const TUNNEL_ENV_FILE = 'cloudflared.env';

export interface ParsedTunnelToken {
  token: string;
  /** The tunnel's id (a UUID): not secret, shown and audited so the owner can tell tunnels apart. */
  tunnelId: string;
  accountTag: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A cloudflared tunnel token is base64 of JSON `{"a": account tag, "t": tunnel id, "s": secret}`.
 * Owners often paste the whole install command the dashboard shows (`cloudflared service install
 * eyJ...` or `... run --token eyJ...`): the token is then its last word. Returns null when the text
 * is not a token, so the caller can say what to copy instead.
 */
export function parseTunnelToken(input: string): ParsedTunnelToken | null {
  const words = input.trim().split(/\s+/);
  const token = words.at(-1) ?? '';
  if (token.length < 40 || token.length > 4096 || !BASE64.test(token)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof decoded !== 'object' || decoded === null) return null;
  const { a, t, s } = decoded as Record<string, unknown>;
  if (typeof a !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(a)) return null;
  if (typeof t !== 'string' || !UUID.test(t)) return null;
  if (typeof s !== 'string' || !BASE64.test(s) || Buffer.from(s, 'base64').length < 16) return null;
  return { token, tunnelId: t.toLowerCase(), accountTag: a };
}

/** The token file in `<dataDir>/tunnel` (dir 0700, file 0600: it is a credential). */
export class TunnelTokenFile {
  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, TUNNEL_ENV_FILE);
  }

  async exists(): Promise<boolean> {
    try {
      return (await stat(this.path)).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** The saved token, or null when there is none. */
  async read(): Promise<string | null> {
    try {
      const text = await readFile(this.path, 'utf8');
      return /^TUNNEL_TOKEN=(\S+)$/m.exec(text)?.[1] ?? null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Write-then-rename, so cloudflared's restart never reads half a token. */
  async write(token: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
    const temporary = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(`TUNNEL_TOKEN=${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }

  /** True when there was a file to remove. */
  async remove(): Promise<boolean> {
    const existed = await this.exists();
    await rm(this.path, { force: true });
    return existed;
  }
}

export type TunnelProbeResult =
  { kind: 'ready' } | { kind: 'not-ready'; detail: string } | { kind: 'no-answer'; detail: string };

/**
 * Asks cloudflared's metrics server (`cloudflared tunnel --metrics 127.0.0.1:20241 run`) whether the
 * tunnel has a connection to Cloudflare: GET /ready answers 200 with at least one connection, 503
 * without. cloudflared is an outside binary, not installed where the tests run; they stand in for it
 * with a small HTTP server on 127.0.0.1 answering /ready the same way.
 */
export async function probeTunnel(metricsAddress: string, timeoutMs = 2_000): Promise<TunnelProbeResult> {
  const url = `http://${metricsAddress}/ready`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text().catch(() => '');
    if (response.status === 200) return { kind: 'ready' };
    if (response.status === 503) {
      return { kind: 'not-ready', detail: 'cloudflared is running but has no connection to Cloudflare yet.' };
    }
    return {
      kind: 'no-answer',
      detail: `Something other than cloudflared answers on ${metricsAddress} (HTTP ${response.status}${body ? `: ${body.slice(0, 80)}` : ''}).`,
    };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      kind: 'no-answer',
      detail: timedOut
        ? `cloudflared did not answer on ${metricsAddress} within ${timeoutMs / 1000} s.`
        : `cloudflared is not answering on ${metricsAddress}: is the ase-tunnel service running?`,
    };
  }
}
