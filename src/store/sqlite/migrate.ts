import type Database from 'better-sqlite3';
import { LedeError } from '../../errors.js';
import { MIGRATIONS } from './migrations.js';
import { registerSearchFunctions } from './search-text.js';
import type { WriteLock } from './write-lock.js';

/** Brings the schema up to date in one transaction, so a crash part-way leaves the old schema whole. */
export function migrate(db: Database.Database, lock: WriteLock): void {
  const schemaVersion = () => db.pragma('user_version', { simple: true }) as number;
  if (schemaVersion() === MIGRATIONS.length) return;
  registerSearchFunctions(db);
  // Read again under the lock: another process opening the same new file may have migrated it meanwhile.
  lock.run(() => {
    const current = schemaVersion();
    if (current > MIGRATIONS.length) {
      throw new LedeError('STORE', `the database was written by a newer lede (schema ${current}); upgrade lede`);
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
}
