/**
 * Where the off-site copies go: the database (Litestream, modules/backup) and the media files
 * (the off-site file queue, modules/offsite-files) share one target, so a restore finds both in
 * one place. It lives here, below both modules, because each needs it and backup's restore also
 * calls offsite-files: kept in either module it would make the two import each other. Layout inside the target:
 * `<path>/db` for Litestream's replica, `<path>/media/<hash[0..2]>/<hash>` for files.
 */
export type ReplicaTarget =
  | { kind: 'off' }
  | ({ kind: 's3' } & S3Target)
  | {
      kind: 'file';
      /** An absolute directory: a USB disk or a NAS mount. */
      path: string;
    };

/** The folder names under a target's path: one place so backup and restore never disagree. */
export const REPLICA_DB_FOLDER = 'db';
export const REPLICA_MEDIA_FOLDER = 'media';

/** An S3-compatible bucket (AWS, R2, MinIO, ...): also what the backup settings keep for it. */
export interface S3Target {
  /** https://s3.us-east-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://127.0.0.1:9000, ... */
  endpoint: string;
  bucket: string;
  /** Folder inside the bucket, without leading or trailing slash ('' = the bucket's root). */
  path: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (MinIO, most self-hosted servers); virtual-hosted otherwise. */
  forcePathStyle: boolean;
}
