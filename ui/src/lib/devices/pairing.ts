import type { Pairing } from './devices-api';

export type { Pairing };

export interface CredentialLine {
  /** For ids in the page and test hooks: `client-id`, `password`, … */
  key: string;
  label: string;
  value: string;
}

/**
 * What a device needs to join the shop's broker, as pairing (or a new password) answers it once:
 * the lines a person types into a device's setup page, in the order such pages ask for them. The
 * QR code carries the same as JSON (`pairingText`), which `npm run simulate --pairing` reads.
 */
export function credentialLines(pairing: Pairing): CredentialLine[] {
  return [
    { key: 'broker', label: 'Broker address', value: pairing.host },
    { key: 'port', label: 'MQTT port', value: portOrOff(pairing.port) },
    { key: 'tls-port', label: 'MQTT over TLS port', value: portOrOff(pairing.tlsPort) },
    { key: 'client-id', label: 'Client id', value: pairing.clientId },
    { key: 'username', label: 'Username', value: pairing.username },
    { key: 'password', label: 'Password', value: pairing.password },
    {
      key: 'ca',
      label: 'CA fingerprint (SHA-256)',
      value: pairing.caSha256 ?? 'None: TLS is off on this server',
    },
  ];
}

function portOrOff(port: number | null): string {
  return port === null ? 'Off on this server' : String(port);
}
