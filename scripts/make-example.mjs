// Makes the shipped example image once: a 400×400 crop of camera.png (512×512, 8-bit gray, CC0,
// photographer Lav Varshney; scikit-image 0.19) that keeps the photographer's head and the tripod.
// Usage: node scripts/make-example.mjs [path/to/camera.png]   (default ../shared/images/camera.png)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { decode, encode } from 'fast-png';

const SIZE = 400,
  LEFT = 10,
  TOP = 40;
const from = process.argv[2] ?? new URL('../../shared/images/camera.png', import.meta.url);
const to = new URL('../examples/data/camera-400.png', import.meta.url);

const src = decode(readFileSync(from));
if (src.channels !== 1 || src.depth !== 8 || src.width !== 512 || src.height !== 512) {
  throw new Error(
    `expected camera.png as 512×512 8-bit gray, got ${src.width}×${src.height}, ${src.channels} channel(s), depth ${src.depth}`,
  );
}
const out = new Uint8Array(SIZE * SIZE);
for (let y = 0; y < SIZE; y++) {
  out.set(src.data.subarray((TOP + y) * src.width + LEFT, (TOP + y) * src.width + LEFT + SIZE), y * SIZE);
}
const tmp = new URL('../examples/data/.camera-400.png.tmp', import.meta.url);
writeFileSync(tmp, encode({ width: SIZE, height: SIZE, data: out, channels: 1, depth: 8 }));
renameSync(tmp, to);
console.log(`wrote ${to.pathname} (${SIZE}×${SIZE} gray, crop at x=${LEFT}, y=${TOP})`);
