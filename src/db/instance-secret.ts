import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../shared/context.ts';
import type { DB } from './schema.ts';

const cache = new WeakMap<object, Promise<string>>();

/**
 * The instance's signing secret, created once and shared by every process on the database (IP-hash
 * salts, customer hashes, encryption of integration secrets). Concurrent first starts agree on one
 * value through the primary key. Memoised per database handle.
 */
export function getInstanceSecret(db: Kysely<DB> | Db): Promise<string> {
  let secret = cache.get(db);
  if (!secret) {
    secret = (async () => {
      await db
        .insertInto('instance_settings')
        .values({ key: 'secret', value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('instance_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
      return row.value;
    })();
    secret.catch(() => cache.delete(db));
    cache.set(db, secret);
  }
  return secret;
}
