/** Tests that run the built package (dist/) fail early, saying how to build, when it is missing or stale. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of the .ts files under a folder. */
function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Throws unless `built` exists and is newer than every .ts file under `sources`. */
export function requireBuild(built: string, sources: string, what: string): void {
  if (!existsSync(built)) {
    throw new Error(`${built} is missing: ${what}; run 'npm run build' first, or 'npm test', which builds`);
  }
  if (statSync(built).mtimeMs < newestSource(sources)) {
    throw new Error(
      `${built} is older than ${sources}: rebuild with 'npm run build' (or 'npm test', which builds) before running these tests`,
    );
  }
}
