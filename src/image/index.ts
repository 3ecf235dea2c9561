/**
 * svdkit/image: image compression by truncated SVD, and reading back its factors files. Works on
 * plain `{ width, height, data }` images, browser `ImageData` included; no decoder needed.
 * @module svdkit/image
 * @packageDocumentation
 */
export { compressImage } from './compress.js';
export type {
  CompressedImage,
  CompressImageOptions,
  Image16,
  Image8,
  ImageInput,
  ImageInput16,
  ImageRankSpec,
  RankStats,
  ToBytesImageOptions,
} from './types.js';
export { decompressImage, readImageFactors } from './factors-file.js';
export type { ImageFactors } from './factors-file.js';
