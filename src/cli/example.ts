/** The example image shipped with the package, used when no input file is named. @module */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inputError } from './errors.js';

/**
 * Path of `examples/data/camera-400.png`: two levels up from this module both in the source
 * tree (src/cli/) and in the built package (dist/cli/).
 */
const EXAMPLE_PATH = fileURLToPath(new URL('../../examples/data/camera-400.png', import.meta.url));

/** A short description of the example for output headers. */
export const EXAMPLE_NOTE = 'shipped example: camera.png by Lav Varshney, CC0, cropped to 400×400';

/**
 * The example's path.
 * @throws {CliError} (input) the file is missing from this installation.
 */
export function examplePath(): string {
  if (!existsSync(EXAMPLE_PATH)) {
    throw inputError(
      `the shipped example ${EXAMPLE_PATH} is missing (an incomplete install?); name an input file instead`,
    );
  }
  return EXAMPLE_PATH;
}
