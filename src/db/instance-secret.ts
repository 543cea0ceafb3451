import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The instance's signing secret, created once and shared by every process on the database (IP-hash
 * salts, uniqueness keys). Concurrent first starts agree on one value through the primary key.
 */
export async function getInstanceSecret(db: Kysely<DB>): Promise<string> {
  await db
    .insertInto('instance_settings')
    .values({ key: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
}
