// Consumer type test with the DOM lib (finding 2): results go into ImageData, Blob and BufferSource.
import { lowRank, svdvals } from 'svdkit';
import { compressImage } from 'svdkit/image';

declare const imageData: ImageData;
const c = compressImage(imageData, 20);
const img = new ImageData(c.toImage().data, imageData.width, imageData.height);
const blob = new Blob([
  lowRank(
    [
      [1, 2],
      [3, 4],
    ],
    1,
  ).toBytes(),
]);
const digest = crypto.subtle.digest(
  'SHA-256',
  svdvals([
    [1, 2],
    [3, 4],
  ]),
);
const spectrum = new Blob([c.singularValues[0]]);
export { img, blob, digest, spectrum };
