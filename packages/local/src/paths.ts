import { resolve } from 'node:path';

/** Where the local runtime keeps its state: `SKILLPASS_DATA_DIR`, else `.data/` in the working directory. */
export function localPaths(dataDir = process.env.SKILLPASS_DATA_DIR ?? '.data') {
  const root = resolve(dataDir);
  return {
    root,
    dynamodb: resolve(root, 'dynamodb'),
    identityKey: resolve(root, 'identity', 'dev-idp-key.json'),
    cursorSecret: resolve(root, 'cursor-secret'),
    keys: resolve(root, 'keys'),
    /** The local mailer's outbox: one JSON file per email sent (shown at /dev/mailbox). */
    mailbox: resolve(root, 'mailbox'),
  };
}
