import type { Ok } from '$lib/api/client';

export type RemoteAccess = Ok<'/api/remote-access', 'get'>;
export type TunnelState = RemoteAccess['tunnel']['state'];

export interface StateText {
  /** A few words for the badge. */
  label: string;
  tone: 'ok' | 'warning' | 'danger' | 'neutral';
  /** What it means and what to do, in plain words. */
  advice: string;
}

/** The tunnel's state as the owner reads it: what it means and what to do next. */
export function tunnelStateText(state: TunnelState): StateText {
  switch (state) {
    case 'connected':
      return {
        label: 'Connected',
        tone: 'ok',
        advice: 'The shop can be reached from outside through Cloudflare. Nothing to do.',
      };
    case 'connecting':
      return {
        label: 'Connecting',
        tone: 'warning',
        advice:
          'The tunnel is starting or waiting for Cloudflare. This takes up to a minute after saving a token. ' +
          'If it stays here, check that the shop has internet and that the tunnel is active in the Cloudflare dashboard.',
      };
    case 'unreachable':
      return {
        label: 'Not running',
        tone: 'danger',
        advice:
          'A token is saved but the tunnel program does not answer. Restart the box; if that does not help, ' +
          'run "systemctl status ase-tunnel" on it, or remove the token and paste it again.',
      };
    case 'not configured':
      return {
        label: 'Off',
        tone: 'neutral',
        advice:
          'Remote access is off: ASE is only reachable on the shop network. To reach it from home and send ' +
          'customers links that work on their phones, paste a Cloudflare tunnel token below.',
      };
  }
}

/** How often the screen asks again while it is open (cloudflared connects within seconds). */
export const REFRESH_MS = 10_000;

export interface DeviceSteps {
  device: string;
  steps: string[];
}

/**
 * How to trust the shop's CA on each kind of device, short enough to follow at the counter.
 * `caUrl` / `profileUrl` are the download addresses on the shop network.
 */
export function deviceSteps(caUrl: string, profileUrl: string): DeviceSteps[] {
  return [
    {
      device: 'iPad and iPhone',
      steps: [
        `In Safari, open ${profileUrl} and allow the download.`,
        'Settings → General → VPN & Device Management → the ASE profile → Install.',
        'Settings → General → About → Certificate Trust Settings → turn on full trust for the ASE local CA.',
      ],
    },
    {
      device: 'Android',
      steps: [
        `In Chrome, open ${caUrl} and save the file.`,
        'Settings → Security (or Security & privacy) → More security settings → Encryption & credentials → Install a certificate → CA certificate.',
        'Choose the downloaded ase-local-ca.crt and confirm.',
      ],
    },
    {
      device: 'Windows',
      steps: [
        `Download ${caUrl} and open it.`,
        'Install Certificate → Local Machine → Place all certificates in the following store → Trusted Root Certification Authorities.',
        'Finish, then restart the browser.',
      ],
    },
    {
      device: 'macOS',
      steps: [
        `Download ${profileUrl} (or the .crt) and open it.`,
        'System Settings → Privacy & Security → Profiles (or Keychain Access → System) → install it.',
        'In Keychain Access, open the ASE local CA → Trust → When using this certificate: Always Trust.',
      ],
    },
  ];
}

/** The address of this server as the browser sees it, for the download links in the steps. */
export function downloadUrls(origin: string): { caUrl: string; profileUrl: string } {
  return { caUrl: `${origin}/api/tls/ca.crt`, profileUrl: `${origin}/api/tls/ca.mobileconfig` };
}
