/**
 * Files of the command line: reading the input, making the output folder, and writing outputs
 * whole or not at all (a temporary name in the same folder, then a rename), never over the input.
 * @module
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError, outputError } from './errors.js';

/** A short reason for a file-system error. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EISDIR': return 'it is a folder';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on the device';
    case 'EEXIST': return 'it already exists';
    default: return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The bytes of an input file.
 * @throws {CliError} (input) missing, a folder, or unreadable.
 */
export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError(`no such file: ${path}`);
    if (code === 'EISDIR') throw inputError(`${path} is a folder, not an image file`);
    throw inputError(`cannot read ${path}: ${fsReason(e)}`);
  }
}

/**
 * Makes `dir` (and its parents) if needed and checks that a file can be written in it, before
 * any long work starts.
 * @throws {CliError} (output) it cannot be made or written.
 */
export function prepareOutDir(dir: string): void {
  let isDir = false;
  try { isDir = statSync(dir).isDirectory(); } catch { /* made below */ }
  if (!isDir) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw outputError(`the output folder ${dir} is a file, not a folder; choose another --out`);
      throw outputError(`cannot create the output folder ${dir}: ${fsReason(e)}; choose another --out`);
    }
  }
  const probe = tempName(join(dir, 'probe'));
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
  } catch (e) {
    throw outputError(`cannot write in the output folder ${dir}: ${fsReason(e)}; choose another --out`);
  }
}

/** Whether two paths name the same file (same path, or same device and inode). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a), sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

let counter = 0;
function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.tmp`);
}

/**
 * Refuses an output path that is the input file (by path, link or inode).
 * @throws {CliError} (output) it is.
 */
export function refuseInput(path: string, input: string): void {
  if (sameFile(path, input)) {
    throw outputError(`refusing to overwrite the input file ${input} with ${path}; choose another output name or --out`);
  }
}

/**
 * Writes `bytes` to `path` atomically: to a temporary name in the same folder first, then
 * renamed over `path`, so `path` is either its old self or complete. Refuses to write over
 * `protect` (the input file).
 * @throws {CliError} (output) the path is the input, or writing fails.
 */
export function writeAtomic(path: string, bytes: Uint8Array | string, protect?: string): void {
  if (protect !== undefined) refuseInput(path, protect);
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* never made */ }
    throw outputError(`cannot write ${path}: ${fsReason(e)}`);
  }
}
