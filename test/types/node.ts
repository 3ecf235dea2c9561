// Consumer type test without the DOM lib: Node's own APIs take the results.
import { writeFileSync } from 'node:fs';
import { lowRank, svd } from 'svdkit';
import { compressImage } from 'svdkit/image';

writeFileSync(
  'a.svdk',
  lowRank(
    [
      [1, 2],
      [3, 4],
    ],
    1,
  ).toBytes(),
);
const sv = svd([[1, 2]]).S;
const asBuffer = Buffer.from(sv.buffer);
const c = compressImage({ width: 1, height: 1, data: new Uint8Array(3) }, 1);
const blob = new Blob([c.toImage().data]);
export { asBuffer, blob };
