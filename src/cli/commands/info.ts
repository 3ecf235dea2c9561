/** `svdkit info [--json]`: version, backend, WebAssembly and SIMD support. @module */
import { backendInfo } from '../../init.js';
import { parseArgs } from '../args.js';
import { usageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { packageVersion } from '../version.js';
import { INFO_HELP } from '../help.js';

/** What `svdkit info --json` prints. */
export interface InfoJson {
  command: 'info';
  version: string;
  /** The backend 'auto' runs on. */
  backend: 'wasm' | 'js';
  /** svdkit's wasm module loaded. */
  wasm: boolean;
  /** svdkit's SIMD build runs. */
  simd: boolean;
  /** Why the wasm module did not load, when it did not. */
  wasmError: string | null;
  /** This engine runs WebAssembly at all, and WebAssembly SIMD. */
  engine: { webassembly: boolean; simd: boolean };
  node: string;
  platform: string;
}

/** The facts `svdkit info` reports. */
function gatherInfo(): InfoJson {
  const b = backendInfo();
  const webassembly = typeof WebAssembly === 'object';
  return {
    command: 'info',
    version: packageVersion(),
    backend: b.active,
    wasm: b.wasm,
    simd: b.simd,
    wasmError: b.wasm ? null : (b.error ?? 'not loaded'),
    engine: { webassembly, simd: b.simdSupported },
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Runs `svdkit info`. */
export function infoCommand(argv: readonly string[], io: CliIO): number {
  const { positionals, flags } = parseArgs(argv, { json: { value: false }, help: { value: false } }, 'info');
  if (flags.help) {
    io.stdout.write(INFO_HELP);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`'svdkit info' takes no arguments, got ${positionals.join(' ')}`);
  const info = gatherInfo();
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  }
  const yes = (v: boolean) => (v ? 'yes' : 'no');
  io.stdout.write(
    [
      `svdkit ${info.version}`,
      `backend:      ${info.backend}${info.wasm ? '' : ` (wasm module not loaded: ${info.wasmError})`}`,
      `wasm SIMD:    ` +
        `${info.wasm ? (info.simd ? 'yes, the SIMD build runs' : 'no, the scalar wasm build runs') : 'not in use'}`,
      `engine:       WebAssembly ${yes(info.engine.webassembly)}, WebAssembly SIMD ${yes(info.engine.simd)}`,
      `runtime:      Node ${info.node} on ${info.platform}`,
      '',
    ].join('\n'),
  );
  return 0;
}
