// Graded columns: A = B·D with B well-conditioned and D spanning 60 orders of magnitude, as data
// in mixed units gives. Every singular value of such a matrix is determined by the data to high
// relative accuracy; svdkit's Jacobi SVD computes each, however tiny, to relative error
// O(κ(B)·u) (Demmel & Veselić 1992), where bidiagonalization (ml-matrix, LAPACK gesdd/numpy)
// can lose every digit of the small ones. Run: node examples/graded.mjs
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { svdvals } from '../dist/index.js';

const m = 12,
  n = 6,
  step = 2 ** -40;

// B: a fixed well-conditioned 12×6 matrix (entries from a small linear congruential sequence)
let seed = 7;
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
const B = Array.from({ length: m }, () => Array.from({ length: n }, rand));
// columns in increasing scale: column j is multiplied by step^(n−1−j), exactly (powers of two)
const scale = (j) => step ** (n - 1 - j);
const A = B.map((row) => row.map((x, j) => x * scale(j)));

// Exact reference: with scales 2^40 apart, σ = d·|r_jj| to about u, R the Householder QR factor
// of B's columns taken from the largest scale down (the neglected terms are (2^-40)² relative).
function qrDiagonal(cols) {
  const a = cols.map((c) => c.slice());
  return a.map((x, j) => {
    let norm = 0;
    for (let i = j; i < m; i++) norm = Math.hypot(norm, x[i]);
    const v = x.map((xi, i) => (i < j ? 0 : xi));
    v[j] -= x[j] >= 0 ? -norm : norm;
    const vv = v.reduce((s, vi) => s + vi * vi, 0);
    for (let c = j + 1; c < a.length && vv > 0; c++) {
      const d = v.reduce((s, vi, i) => s + vi * a[c][i], 0);
      for (let i = j; i < m; i++) a[c][i] -= ((2 * d) / vv) * v[i];
    }
    return norm;
  });
}
const byScale = Array.from({ length: n }, (_, k) => n - 1 - k);
const r = qrDiagonal(byScale.map((j) => B.map((row) => row[j])));
const exact = byScale.map((j, k) => r[k] * scale(j));

const ours = svdvals(A);
const theirs = new SingularValueDecomposition(new Matrix(A), {
  computeLeftSingularVectors: false,
  computeRightSingularVectors: false,
}).diagonal;
const rel = (x, y) => (Math.abs(x - y) / y).toExponential(1);
console.log('σ (exact)               svdkit                 rel. error   ml-matrix              rel. error');
for (let i = 0; i < n; i++) {
  console.log(
    `${exact[i].toExponential(15)}  ${ours[i].toExponential(15)}  ${rel(ours[i], exact[i]).padEnd(11)}  ${theirs[i].toExponential(15)}  ${rel(theirs[i], exact[i])}`,
  );
}
const worst = Math.max(...exact.map((e, i) => Math.abs(ours[i] - e) / e));
console.log(`svdkit: largest relative error ${worst.toExponential(1)} (u = 1.1e-16)`);
