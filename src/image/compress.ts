/**
 * Image compression by truncated SVD: each channel, an m×n matrix (m = height), is decomposed
 * once (exactly, or by a randomized SVD for a small rank of a large image); any rank up to what
 * the decomposition kept is then rebuilt without a new decomposition.
 * @module
 */
import { assemble, compressParts } from './compress-steps.js';
import type {
  CompressedImage,
  CompressImageOptions,
  Image16,
  Image8,
  ImageInput,
  ImageInput16,
  ImageRankSpec,
} from './types.js';

/**
 * Compresses an 8-bit image (or a 16-bit one, {@link ImageInput16}, kept 16-bit) by truncated
 * SVD, one decomposition per channel.
 *
 * `spec` chooses the rank: a number k, `{ energy }` (smallest k keeping that fraction of the
 * squared singular values) or `{ ratio }` (largest k whose {@link RankStats.compressionRatio}
 * is at most the ratio). With several channels the rank is chosen jointly: one k for all
 * channels, from their energies summed. The alpha channel (the last of 2 or 4) is kept exact
 * unless `compressAlpha` is set; it then counts m·n stored values.
 *
 * `method` (default 'auto') picks the decomposition: the exact SVD, which keeps every triplet
 * (toImage(k) for any k ≤ min(width, height)), or, for a rank k with k + 10 ≤ min(width, height)/4
 * on an image at least 512 pixels on its short side, a randomized SVD in float32 with a fixed
 * seed that keeps k triplets, with errors within 1% of the exact truncation's and the same output
 * every run. `method: 'exact'` forces the full SVD.
 *
 * @example
 * ```ts
 * import { compressImage } from 'svdkit/image';
 * const c = compressImage(ctx.getImageData(0, 0, w, h), { ratio: 0.1 });
 * ctx.putImageData(new ImageData(c.toImage().data, w, h), 0, 0);
 * c.stats(10); // { rank: 10, storedValues, compressionRatio, relativeError, psnr, energy }
 * ```
 * @throws {@link svdkit!InvalidMatrixError | InvalidMatrixError} the image is malformed (sizes, data type,
 *   channel count).
 * @throws {@link svdkit!InvalidOptionError | InvalidOptionError} a bad spec (rank outside 1…min(width, height),
 *   energy outside (0, 1], a ratio below rank 1's) or a bad option.
 */
export function compressImage(
  image: ImageInput16,
  spec: ImageRankSpec,
  opts?: CompressImageOptions,
): CompressedImage<Image16>;
export function compressImage(
  image: ImageInput,
  spec: ImageRankSpec,
  opts?: CompressImageOptions,
): CompressedImage<Image8>;
export function compressImage(
  image: ImageInput | ImageInput16,
  spec: ImageRankSpec,
  opts?: CompressImageOptions,
): CompressedImage<Image8> | CompressedImage<Image16>;
export function compressImage(
  image: ImageInput | ImageInput16,
  spec: ImageRankSpec,
  opts: CompressImageOptions = {},
): CompressedImage<Image8 | Image16> {
  return assemble(compressParts(image, spec, opts));
}
