/**
 * svdkit/image: image compression by truncated SVD, and the small image helpers around it
 * (gray conversion, contact sheets with a built-in bitmap font). Works on plain
 * `{ width, height, data }` images, browser `ImageData` included; no decoder needed.
 * @module svdkit/image
 * @packageDocumentation
 */
export { compressImage } from './compress.js';
export type {
  CompressedImage, CompressImageOptions, Image16, Image8, ImageInput, ImageInput16, ImageRankSpec, RankStats, ToBytesImageOptions,
} from './types.js';
export { decompressImage, readImageFactors } from './factors-file.js';
export type { ImageFactors } from './factors-file.js';
export { toGray } from './gray.js';
export { contactSheet } from './contact-sheet.js';
export type { ContactSheetOptions, SheetTile } from './contact-sheet.js';
export { drawText, textWidth, lineHeight } from './font.js';
export { fitWithin } from './resize.js';
