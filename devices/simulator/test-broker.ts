import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { mayPublish, maySubscribe, type DeviceIdentity } from '../../server/contracts/mqtt.js';
import type { DevicePairing } from './pairing.js';

export interface SeenMessage {
  clientId: string;
  topic: string;
  payload: string;
  retain: boolean;
}

export interface ContractBroker {
  url: string;
  aedes: Aedes;
  /** Every message a client published and the broker accepted, in the order it accepted them. */
  seen: SeenMessage[];
  /** Publishes and subscriptions the ACL refused, as `clientId topic`. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A plain aedes broker for the devices' own tests (devices/ may not import the server): it knows
 * the given pairings' credentials and applies the contract's ACL (mayPublish, maySubscribe),
 * nothing else, so a device that passes here speaks the contract the real broker enforces.
 */
export async function startContractBroker(pairings: DevicePairing[]): Promise<ContractBroker> {
  const byUsername = new Map(pairings.map((p) => [p.username, p]));
  const identities = new Map<string, DeviceIdentity>();
  const seen: SeenMessage[] = [];
  const refused: string[] = [];
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const pairing = username === undefined ? undefined : byUsername.get(username);
      if (
        pairing === undefined ||
        password?.toString() !== pairing.password ||
        client.id !== pairing.clientId
      ) {
        const error = Object.assign(new Error('bad credentials'), { returnCode: 4 as const });
        return done(error, false);
      }
      identities.set(client.id, { kind: pairing.kind, id: pairing.deviceId, bayId: pairing.bayId ?? null });
      done(null, true);
    },
    authorizePublish: (client, packet, callback) => {
      const identity = client === null ? undefined : identities.get(client.id);
      if (client === null || (identity !== undefined && mayPublish(identity, packet.topic)))
        return callback(null);
      refused.push(`${client.id} publish ${packet.topic}`);
      callback(new Error('not allowed'));
    },
    authorizeSubscribe: (client, subscription, callback) => {
      const identity = identities.get(client.id);
      if (identity !== undefined && maySubscribe(identity, subscription.topic))
        return callback(null, subscription);
      refused.push(`${client.id} subscribe ${subscription.topic}`);
      callback(new Error('not allowed'));
    },
  });
  aedes.on('publish', (packet, client) => {
    if (client === null || packet.topic.startsWith('$SYS')) return;
    seen.push({
      clientId: client.id,
      topic: packet.topic,
      payload: packet.payload.toString(),
      retain: packet.retain,
    });
  });
  const server: Server = createServer((socket) => aedes.handle(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    aedes,
    seen,
    refused,
    close: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
