import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../shared/process-alive.ts';

export type LockOwner = { pid: number; role: 'server' | 'cli'; startedAt: string; controlSocket?: string };

export type DataDirLock = { release(): void; file: string };

/** Thrown when a live process holds the data directory; says who, so the caller can route or explain. */
export class DataDirLockedError extends Error {
  constructor(readonly owner: LockOwner, readonly dataDir: string) {
    super(`The data directory ${dataDir} is in use by ${owner.role === 'server' ? 'the Advocate server' : 'another advocate command'} (pid ${owner.pid})`);
  }
}

const lockFile = (dataDir: string): string => path.join(dataDir, 'advocate.lock');


/** Who holds the data directory right now, if anyone alive does. */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockOwner;
    return isProcessAlive(owner.pid) && owner.pid !== process.pid ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory for this process: PGlite is one process's database, and two processes
 * opening the same files would corrupt them. A lock left by a dead process (kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string, owner: Omit<LockOwner, 'pid' | 'startedAt'>): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const me: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), ...owner };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
          if (current.pid === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLockOwner(dataDir);
      if (holder) throw new DataDirLockedError(holder, dataDir);
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // another process took it over first; loop and look again
      }
    }
  }
  throw new Error(`Could not lock ${dataDir}; remove ${file} if no advocate process is running`);
}
