/** Loading the command's input image: a named file or the shipped example. @module */
import { basename, extname } from 'node:path';
import type { Image16, Image8 } from '../image/index.js';
import { toGray } from './render/gray.js';
import { decodeImage, type ImageFormat } from './decode.js';
import { EXAMPLE_NOTE, examplePath } from './example.js';
import { inputId, readInput } from './files.js';
import { usageError } from './errors.js';

/** A loaded input. */
export interface LoadedInput {
  /** The file read. */
  path: string;
  /** A line describing it, for report headers. */
  display: string;
  /** A short name for messages: the path as given, or 'the shipped example'. */
  name: string;
  /** The file name without extension: the stem of output names. */
  stem: string;
  /** Whether it is the shipped example (no input was named). */
  example: boolean;
  format: ImageFormat;
  /** The image as decoded (16-bit for a 16-bit PNG), or its gray version under --gray. */
  image: Image8 | Image16;
  /** Whether --gray converted it. */
  gray: boolean;
  /** The input's identity (a hash of its bytes), written into every output (see files.ts). */
  id: string;
}

/** What each EXIF orientation asked for, as applied. */
const ORIENTATION_NAMES = [
  '',
  '',
  'mirrored left–right',
  'turned 180°',
  'mirrored top–bottom',
  'transposed',
  'turned 90° clockwise',
  'transversed',
  'turned 90° counter-clockwise',
];

/** 'gray', 'gray+alpha', 'RGB' or 'RGBA'. */
export function channelsName(c: number): string {
  return ['', 'gray', 'gray+alpha', 'RGB', 'RGBA'][c] ?? `${c} channels`;
}

/** Which channel each compressed plane is, for plots and JSON. */
export function channelNames(c: number): string[] {
  return c <= 2 ? ['gray', 'alpha'].slice(0, c) : ['red', 'green', 'blue', 'alpha'].slice(0, c);
}

/**
 * Reads and decodes the input named on the command line (at most one), or the shipped example
 * when none is; converts to gray when asked.
 * @throws {CliError} more than one input (usage), or a missing, unreadable or bad image (input).
 */
export function loadInput(positionals: readonly string[], gray: boolean, command: string): LoadedInput {
  if (positionals.length > 1) {
    throw usageError(`'svdkit ${command}' takes one input image, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const example = positionals.length === 0;
  const path = example ? examplePath() : positionals[0];
  const bytes = readInput(path);
  const decoded = decodeImage(bytes, example ? basename(path) : path);
  const turned =
    decoded.orientation === 1
      ? ''
      : ` (EXIF orientation ${decoded.orientation}: ${ORIENTATION_NAMES[decoded.orientation]})`;
  const display = (example ? `${basename(path)} (${EXAMPLE_NOTE})` : path) + turned;
  const image = gray && decoded.image.channels !== 1 ? toGray(decoded.image) : decoded.image;
  return {
    path,
    display,
    name: example ? `the shipped example ${basename(path)}` : path,
    stem: basename(path, extname(path)) || 'image',
    example,
    format: decoded.format,
    image,
    gray: gray && decoded.image.channels !== 1,
    id: inputId(bytes),
  };
}

/** The input as the `--json` reports of compress and spectrum describe it. */
export interface InputJson {
  path: string;
  example: boolean;
  format: string;
  width: number;
  height: number;
  channels: number;
  gray: boolean;
}

/** {@link InputJson} of a loaded input (its size and channels after any --gray). */
export function inputJson(input: LoadedInput): InputJson {
  const { image } = input;
  return {
    path: input.path,
    example: input.example,
    format: input.format,
    width: image.width,
    height: image.height,
    channels: image.channels,
    gray: input.gray,
  };
}
