/**
 * Whether a Chromium is already running on browser mode's profile. Then a new Chromium started on
 * it hands the address to that one and ends at once, so its end does not mean the window closed.
 * Chromium marks a profile in use with SingletonLock, a link to "host-pid" (Linux, macOS).
 */
import { readlinkSync } from 'node:fs';
import path from 'node:path';

export function profileInUse(profileDir: string, isAlive: (pid: number) => boolean = processAlive): boolean {
  let target: string;
  try {
    target = readlinkSync(path.join(profileDir, 'SingletonLock'));
  } catch {
    return false;
  }
  const pid = Number(/-(\d+)$/.exec(target)?.[1]);
  return Number.isSafeInteger(pid) && pid > 0 && isAlive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
