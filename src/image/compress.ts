/**
 * Image compression by truncated SVD: each channel, an m×n matrix (m = height), is decomposed
 * once; any rank up to the chosen one is then rebuilt without a new decomposition.
 * @module
 */
import { assemble, compressParts } from './parts.js';
import type { CompressedImage, CompressImageOptions, ImageInput, ImageRankSpec } from './types.js';

/**
 * Compresses an 8-bit image by truncated SVD, one decomposition per channel.
 *
 * `spec` chooses the rank: a number k, `{ energy }` (smallest k keeping that fraction of the
 * squared singular values) or `{ ratio }` (largest k whose {@link RankStats.compressionRatio}
 * is at most the ratio). With several channels the rank is chosen jointly: one k for all
 * channels, from their energies summed. The alpha channel (the last of 2 or 4) is kept exact
 * unless `compressAlpha` is set; it then counts m·n stored values.
 *
 * @example
 * ```ts
 * import { compressImage } from 'svdkit/image';
 * const c = compressImage(ctx.getImageData(0, 0, w, h), { ratio: 0.1 });
 * ctx.putImageData(new ImageData(c.toImage().data, w, h), 0, 0);
 * c.stats(10); // { rank: 10, storedValues, compressionRatio, relativeError, psnr, energy }
 * ```
 * @throws {@link svdkit!InvalidMatrixError | InvalidMatrixError} the image is malformed (sizes, data type, channel count).
 * @throws {@link svdkit!InvalidOptionError | InvalidOptionError} a bad spec (rank outside 1…min(width, height), energy outside
 *   (0, 1], a ratio below rank 1's) or a bad option.
 */
export function compressImage(image: ImageInput, spec: ImageRankSpec, opts: CompressImageOptions = {}): CompressedImage {
  return assemble(compressParts(image, spec, opts));
}
