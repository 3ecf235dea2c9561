/** Usage texts of the `svdkit` command. @module */

/** `svdkit --help`. */
export const MAIN_HELP = `svdkit: image compression by truncated SVD, and SVD facts about this machine

usage:
  svdkit compress [input.png|jpg] [--ranks 100,50,30,10 | --energy 0.99 | --ratio 0.1]
                  [--gray] [--out DIR] [--json] [--exact] [--save-factors [--precision p]]
                  [--force] [--backend auto|wasm|js]
  svdkit decompress FILE.svdk [--rank k] [--out DIR] [--force] [--json]
  svdkit spectrum [input.png|jpg] [--ranks … | --energy e | --ratio r] [--gray] [--out plot.svg|DIR] [--json]
  svdkit info [--json]
  svdkit help [command]          svdkit --version

With no input, compress and spectrum use the shipped example: a 400×400 gray crop of camera.png
(Lav Varshney, CC0).

exit codes: 0 done; 2 bad command line (unknown flag, bad value, rank outside 1…min(width, height));
3 bad input (missing, unreadable, corrupt, not PNG/JPEG); 4 bad output (folder not writable, or it
would overwrite the input or a file svdkit did not make from it); 1 an internal error.
`;

/** `svdkit compress --help`. */
export const COMPRESS_HELP = `usage: svdkit compress [input.png|jpg] [options]

Decomposes each channel of the image once (m×n matrix, m = height) and writes, for each rank k,
<name>-k<k>.png, plus <name>-sheet.png, a contact sheet of the original and every rank side by
side; then prints: rank, stored values k·(m+n+1) per channel, compression rate (stored / m·n per
channel), relative error ‖A − A_k‖/‖A‖ and PSNR (dB, peak 255; 65535 for 16-bit input).

options:
  --ranks 100,50,30,10  ranks to write (default: these, as far as they fit min(width, height))
  --energy 0.99         the smallest rank keeping this fraction of the energy Σσ²
  --ratio 0.1           the largest rank whose compression rate is at most this
                        (one rank for all channels of a colour image)
  --gray                convert to gray first (BT.601 luma; alpha composited on white)
  --out DIR             output folder, made if needed (default: ${'svdkit-out'})
  --force               replace output files that svdkit did not make from this same input
  --save-factors        also write <name>.svdk, the compressed form itself at the largest rank
                        (header + U, S, Vt per channel; docs/format.md); svdkit decompress turns
                        it back into a PNG (within ±1 level of the rank-k PNG)
  --precision float16   storage of U and Vt in the .svdk: float16 (default; float32 for 16-bit
                        input), float32, float64, int8
  --json                print a JSON report instead of the table (no progress bar)
  --exact               always run the full SVD; by default, when the largest rank plus 10 is at
                        most min(width, height)/4 and min(width, height) ≥ 512, a randomized SVD
                        in float32 runs instead (errors within 1% of the exact SVD's; the report
                        says which ran)
  --backend auto|wasm|js  which SVD implementation runs (default auto)

Input: PNG or JPEG. Kept as they are: 8-bit and 16-bit PNG (gray, gray+alpha, RGB, RGBA; a 16-bit
PNG gives 16-bit output PNGs and PSNR against peak 65535) and 8-bit JPEG (gray or colour; its EXIF
orientation is applied). Widened to 8 bits: 1/2/4-bit gray PNG and palette
PNG (expanded to RGB or RGBA). A tRNS transparent colour becomes an alpha channel. Alpha is kept
exact. Output: PNG at the input's depth (8 or 16 bits); the contact sheet is 8-bit.
Outputs are written whole (under a temporary name, then renamed) and carry the input's identity
(a hash of its bytes): an existing file is replaced only when svdkit made it from this same input,
so another input with the same base name (a/photo.png, b/photo.jpg) or a file of yours is never
replaced silently (exit 4; --force replaces it). The input is never overwritten.
`;

/** `svdkit decompress --help`. */
export const DECOMPRESS_HELP = `usage: svdkit decompress FILE.svdk [options]

Rebuilds the image from the compressed form written by 'svdkit compress --save-factors' and
writes <name>-k<k>-decompressed.png: within ±1 level of compress's rank-k PNG with the default
float16 factors (exact alpha stays exact).

options:
  --rank k      rebuild at rank k, 1 ≤ k ≤ the rank saved (default: the rank saved)
  --out DIR     output folder, made if needed (default: the folder of FILE.svdk)
  --force       replace a file that svdkit did not make from the same input
  --json        print a JSON report
`;

/** `svdkit spectrum --help`. */
export const SPECTRUM_HELP = `usage: svdkit spectrum [input.png|jpg] [options]

Computes the singular values of each channel and writes an SVG: the singular values on a log
scale and the cumulative energy Σ_{i≤k} σ_i² / Σ σ_i², one line per channel, with the ranks
asked for marked. Prints the energy kept at those ranks.

options:
  --ranks 100,50,30,10  ranks to mark (default: these, as far as they fit)
  --energy 0.99 | --ratio 0.1   mark the rank these choose (as in compress)
  --gray                convert to gray first
  --out plot.svg|DIR    the SVG to write (default: svdkit-out/<name>-spectrum.svg); a folder
                        (existing, ending in /, or a new name without .svg) gets
                        <name>-spectrum.svg inside, made as compress makes its folder
  --force               replace a file that is not svdkit's plot of this same input
  --json                print the singular values and energies as JSON
  --backend auto|wasm|js
`;

/** `svdkit info --help`. */
export const INFO_HELP = `usage: svdkit info [--json]

Prints svdkit's version, the backend that runs ('auto' resolves to wasm when it loads, else js),
and whether this JavaScript engine supports WebAssembly and WebAssembly SIMD.
`;
