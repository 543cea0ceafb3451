import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { verifyPassword } from '../users/passwords.ts';

const KEY = 'demo_login';

/**
 * The demo workspace's generated login is kept so `npm start` can print it for a newcomer; it is
 * only a demo account (never used for real data), and it is forgotten once its password changes.
 */
export async function rememberDemoLogin(db: Db, login: { email: string; password: string }): Promise<void> {
  await db
    .insertInto('instance_settings')
    .values({ key: KEY, value: JSON.stringify(login) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(login) }))
    .execute();
}

/** The demo login if the demo owner still has that password; null otherwise. */
export async function findDemoLogin(db: Db): Promise<{ email: string; password: string } | null> {
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return null;
  const login = JSON.parse(row.value) as { email: string; password: string };
  const user = await sql<{ password_hash: string }>`select password_hash from users where lower(email) = lower(${login.email}) and disabled_at is null`.execute(db);
  const hash = user.rows[0]?.password_hash;
  return hash && (await verifyPassword(hash, login.password)) ? login : null;
}
