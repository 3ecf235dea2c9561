/**
 * Files of the command line: reading the input, making the output folder, and writing outputs
 * whole or not at all (a temporary name in the same folder, then a rename), never over the input.
 * @module
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { inputError, outputError } from './errors.js';

/** Where compress and spectrum write when no --out is given. */
export const DEFAULT_OUT = 'svdkit-out';

/** A short reason for a file-system error. */
function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EEXIST':
      return 'it already exists';
    default:
      return e instanceof Error ? e.message : String(e);
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

/** Whether `path` exists as a folder (false when missing), or 'file' when it is something else. */
function kind(path: string): 'dir' | 'file' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * Makes `dir` and its missing parents one level at a time (never `mkdir -p`: Node's recursive
 * mkdir spins forever on file systems such as /proc that answer ENOENT for a parent that
 * exists). The walk up to the first existing ancestor is bounded by the path's depth.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  const root = parse(at).root;
  for (let depth = 0; depth < 4096 && at !== root; depth++) {
    const k = kind(at);
    if (k === 'dir') break;
    if (k === 'file') {
      throw outputError(
        at === resolve(dir)
          ? `the output folder ${dir} is a file, not a folder; choose another --out`
          : `cannot create the output folder ${dir}: a part of the path is a file, not a folder (${at}); choose ` +
              `another --out`,
      );
    }
    missing.push(at);
    at = dirname(at);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && kind(d) === 'dir') continue; // made meanwhile
      throw outputError(`cannot create the output folder ${dir}: ${fsReason(e)}; choose another --out`);
    }
  }
}

/**
 * Makes `dir` (and its parents) if needed and checks that a file can be written in it, before
 * any long work starts.
 * @throws {CliError} (output) it cannot be made or written.
 */
export function prepareOutDir(dir: string): void {
  if (kind(dir) !== 'dir') makeFolders(dir);
  const probe = tempName(join(dir, 'probe'));
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
  } catch (e) {
    throw outputError(`cannot write in the output folder ${dir}: ${fsReason(e)}; choose another --out`);
  }
}

/** Whether two paths name the same file (same path, or same device and inode). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a),
      sb = statSync(b);
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
    throw outputError(
      `refusing to overwrite the input file ${input} with ${path}; choose another output name or --out`,
    );
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
    try {
      unlinkSync(tmp);
    } catch {
      /* never made */
    }
    throw outputError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/**
 * Who made an output: svdkit writes `svdkit-source <id>` into every file it makes (a PNG tEXt
 * chunk, an SVG comment, the .svdk header), where <id> is {@link inputId} of the input. An
 * existing file is replaced only when it carries the same id (or with --force).
 */
export const SOURCE_KEY = 'svdkit-source';

/** The id of an input: the first 16 hex digits of the SHA-256 of its bytes. */
export function inputId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** The svdkit source id written in the first 4 KiB of `path`; null when there is none. */
export function sourceOf(path: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4096);
    const got = readSync(fd, head, 0, head.length, 0);
    const m = new RegExp(`${SOURCE_KEY}\\0? ?([0-9a-f]{16})`).exec(head.subarray(0, got).toString('latin1'));
    return m ? m[1] : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Refuses, before any work, to replace an existing file that svdkit did not make from this same
 * input (id): another input with the same base name, or a file of the user's. --force allows it.
 * @throws {CliError} (output) naming the files and what to do.
 */
export function refuseForeign(paths: readonly string[], id: string, force: boolean): void {
  if (force) return;
  const foreign = paths.filter((p) => kind(p) !== 'none' && (kind(p) === 'dir' || sourceOf(p) !== id));
  if (foreign.length === 0) return;
  const what = foreign.map((p) => {
    if (kind(p) === 'dir') return `${p} (a folder)`;
    return sourceOf(p) === null ? `${p} (not an svdkit output)` : `${p} (made by svdkit from another input)`;
  });
  throw outputError(
    `refusing to replace ${what.join(', ')}; choose another --out, or pass --force to replace ` +
      `${foreign.length > 1 ? 'them' : 'it'}`,
  );
}
