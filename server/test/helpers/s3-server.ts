import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';

/**
 * A real S3-compatible server on 127.0.0.1 for backup tests: fauxqs, in this process, in memory.
 * Litestream 0.3.13 restores from it (s3rver's listing breaks restore). fauxqs accepts any
 * credentials, so tests of wrong credentials use an unreachable endpoint instead.
 */
export interface TestS3Server {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** An S3 client pointed at the server (path-style). */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestS3Server(): Promise<TestS3Server> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const credentials = { accessKeyId: 'ase-test', secretAccessKey: 'ase-test-secret' };
  const region = 'us-east-1';
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials });
  return {
    endpoint,
    region,
    ...credentials,
    client,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}
