// The smallest complete use of svdkit: decompose a matrix, print the factors and check A = U·diag(S)·Vt.
// Run after `npm run build`: node examples/quickstart.mjs
import { backendInfo, svd } from '../dist/index.js';

const A = [
  [4, 0, 2],
  [3, -5, 1],
  [0, 2, 6],
  [1, 1, 1],
];
const { U, S, Vt, backend } = svd(A);
const round = (x) => (Math.abs(x) < 5e-13 ? 0 : x).toFixed(4).padStart(8);
const show = (name, M) => {
  console.log(`${name} (${M.rows}×${M.cols})`);
  for (let i = 0; i < M.rows; i++)
    console.log('  ' + Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols), round).join(' '));
};

console.log(`svdkit on the ${backend} backend (SIMD: ${backendInfo().simd})`);
show('A', { rows: 4, cols: 3, data: Float64Array.from(A.flat()) });
show('U', U);
console.log(`S = [${Array.from(S, (s) => s.toFixed(6)).join(', ')}]`);
show('Vt', Vt);

let worst = 0;
for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 3; j++) {
    let x = 0;
    for (let k = 0; k < S.length; k++) x += U.data[i * U.cols + k] * S[k] * Vt.data[k * 3 + j];
    worst = Math.max(worst, Math.abs(x - A[i][j]));
  }
}
console.log(`max |A − U·diag(S)·Vt| = ${worst.toExponential(2)}`);
