import type { DeviceKind } from '$contracts/mqtt';

/**
 * What a device needs to join the shop's broker, as POST /api/devices answers it once: the same
 * object the QR code carries as JSON (`pairingText`), which `npm run simulate --pairing` and
 * firmware read.
 */
export interface Pairing {
  v: number;
  kind: DeviceKind;
  deviceId: string;
  clientId: string;
  username: string;
  password: string;
  host: string;
  port: number;
  tlsPort: number | null;
  caSha256: string | null;
}

export interface CredentialLine {
  /** For ids in the page and test hooks: `client-id`, `password`, … */
  key: string;
  label: string;
  value: string;
  /** A secret: shown in a monospace box a person copies, never anywhere else. */
  secret?: boolean;
}

/** The lines someone types into a device's setup page, in the order such pages ask for them. */
export function credentialLines(pairing: Pairing): CredentialLine[] {
  return [
    { key: 'broker', label: 'Broker address', value: pairing.host },
    { key: 'port', label: 'MQTT port', value: String(pairing.port) },
    {
      key: 'tls-port',
      label: 'MQTT over TLS port',
      value: pairing.tlsPort === null ? 'Off on this server' : String(pairing.tlsPort),
    },
    { key: 'client-id', label: 'Client id', value: pairing.clientId },
    { key: 'username', label: 'Username', value: pairing.username },
    { key: 'password', label: 'Password', value: pairing.password, secret: true },
    {
      key: 'ca',
      label: 'CA fingerprint (SHA-256)',
      value: pairing.caSha256 ?? 'None: TLS is off on this server',
    },
  ];
}
