// Consumer type test of svdkit/worker (findings 1, 3, 8): the worker's calls have the library's types.
import { createWorker, type SvdkitWorker } from 'svdkit/worker';

type F64 = Float64Array<ArrayBuffer>;
type F32 = Float32Array<ArrayBuffer>;
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function same<X, Y>(_proof: Equal<X, Y>): void {}

const w: SvdkitWorker = createWorker();
const { U, S, Vt } = await w.svd([
  [1, 2],
  [3, 4],
]);
U.data[0] + Vt.data[0];
same<typeof S, F64>(true);
const only = await w.svd([[1, 2]], { computeUV: false });
same<typeof only.U, undefined>(true);
const v = await w.svdvals({ rows: 1, cols: 2, data: new Float32Array(2) });
same<typeof v, F32>(true);
const e = await w.eigh(
  [
    [2, 1],
    [1, 2],
  ],
  { signal: new AbortController().signal },
);
same<typeof e.values, F64>(true);
const r = await w.randomizedSvd(
  [
    [1, 2],
    [3, 4],
  ],
  1,
  { seed: 2, dtype: 'float32' },
);
same<typeof r.U.data, F32>(true);
const p = await w.pinv([[1, 2]]);
same<typeof p.data, F64>(true);
const x = await w.lstsq(
  [
    [1, 0],
    [0, 1],
  ],
  [1, 2],
);
same<typeof x, F64>(true);
const lr = await w.lowRank(
  [
    [1, 2],
    [3, 4],
  ],
  1,
);
const y: Float64Array = lr.apply([1, 1]);
const img = await w.compressImage({ width: 1, height: 1, data: new Uint8Array(4) }, 1, { onProgress: () => {} });
img.toImage().data;
w.terminate();
export { y };
