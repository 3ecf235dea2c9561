/** The package version, read from package.json beside dist/ (or src/). @module */
import { readFileSync } from 'node:fs';

/** svdkit's version, or 'unknown' when package.json cannot be read. */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
