/** The pure-JavaScript backend: always available. @module */
import type { Dtype } from '../../types.js';
import type { Backend, EighKernel, SvdKernel, UMode } from '../types.js';
import { eighSym, svdTall } from './driver.js';
import { gemm } from './gemm.js';

const bytesOf = (dtype: Dtype) => (dtype === 'float64' ? 8 : 4);

export const jsBackend: Backend = {
  name: 'js',
  memoryLimit: Infinity,
  // float32 SVD runs on float64 storage (see driver.ts svdTall) and rounds once into the outputs
  svdBytes: (dtype: Dtype, m: number, n: number, u: UMode, _v: boolean, method: SvdKernel) => {
    const uSize = u === 'full' ? m * m : u === 'thin' ? m * n : 0;
    // The blocked QR's Vᵀ and W (32 columns each, W up to m rows for a full U), T and z.
    const qr = m > n ? 8 * (64 * m + 32 * 33) : 0;
    const working =
      8 * (m * n + (method === 'jacobi' ? 2 : 3) * n * n + uSize) + (method === 'jacobi' ? 8 : 48) * n + qr;
    return dtype === 'float64' ? working : working + 4 * (n + n * n + uSize);
  },
  eighBytes: (dtype: Dtype, n: number, vectors: boolean, method: EighKernel) =>
    method === 'jacobi'
      ? bytesOf(dtype) * (2 * n * n + ((n * bytesOf(dtype)) % 256 === 0 ? (n + 16 / bytesOf(dtype)) * n : 0))
      : bytesOf(dtype) * ((vectors ? 2 : 1) * n * n + n) + 40 * n,
  gemmBytes: (dtype: Dtype, m: number, n: number, k: number) => bytesOf(dtype) * (m * n + m * k + k * n),
  svdTall,
  eighSym,
  gemm,
};
