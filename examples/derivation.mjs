// Derivation: what the SVD is made of, checked numerically, and why svdkit does not compute it
// that way.
//  1. eigh(AᵀA) gives V and σ²;  2. eigh(AAᵀ) gives U;  3. A·vᵢ = σᵢ·uᵢ ties them together;
//  4. the four fundamental subspaces of a rank-deficient 6×4 matrix (dimensions r, n−r, r, m−r);
//  5. forming AᵀA squares the condition number: on a matrix with σ_min/σ_max ≈ 1e-10 the
//     smallest σ from eigh(AᵀA) is noise, while svd (Jacobi on A itself) keeps most digits.
//
// Run after `npm run build`:  node examples/derivation.mjs
import { eigh, subspaces, svd } from 'svdkit';

/** A tiny seeded generator (mulberry32). */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// Small helpers on row-major { rows, cols, data } matrices.
const mat = (rows, cols, f) => {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = f(i, j);
  return { rows, cols, data };
};
const at = (M, i, j) => M.data[i * M.cols + j];
const transpose = (M) => mat(M.cols, M.rows, (i, j) => at(M, j, i));
const matmul = (A, B) =>
  mat(A.rows, B.cols, (i, j) => {
    let s = 0;
    for (let k = 0; k < A.cols; k++) s += at(A, i, k) * at(B, k, j);
    return s;
  });
const column = (M, j) => Array.from({ length: M.rows }, (_, i) => at(M, i, j));
const dot = (x, y) => x.reduce((s, xi, i) => s + xi * y[i], 0);
const matVec = (M, x) =>
  Array.from({ length: M.rows }, (_, i) => dot(Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols)), x));
const maxAbs = (M) => M.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const list = (xs, f = (x) => x.toFixed(6)) => `[${Array.from(xs, f).join(', ')}]`;
const e = (x) => x.toExponential(1);

const next = rng(7);
const A = mat(5, 3, () => Math.round(20 * next() - 10)); // 5×3, small integers
const { U, S, Vt } = svd(A);
const V = transpose(Vt);
console.log(`A is 5×3; svd(A): σ = ${list(S)}\n`);

// 1. AᵀA = V·Σ²·Vᵀ: its eigenvectors are the right singular vectors, its eigenvalues σ².
const AtA = matmul(transpose(A), A);
const right = eigh(AtA);
console.log('1. eigh(AᵀA) (3×3)');
console.log(`   eigenvalues λ      = ${list(right.values, (x) => x.toFixed(4))}`);
console.log(`   √λ                 = ${list(right.values, (x) => Math.sqrt(x).toFixed(6))}  (= σ)`);
console.log(
  `   |vᵢ(eigh) · vᵢ(svd)| = ${list([0, 1, 2], (i) => Math.abs(dot(column(right.vectors, i), column(V, i))).toFixed(12))}`,
);
console.log('   (1 means the same vector up to sign: eigenvectors have no preferred sign)\n');

// 2. AAᵀ = U·Σ²·Uᵀ: its eigenvectors are the left singular vectors; the eigenvalues are the same
//    σ² plus m − n = 2 zeros (AAᵀ is 5×5 but has rank 3).
const AAt = matmul(A, transpose(A));
const left = eigh(AAt);
console.log('2. eigh(AAᵀ) (5×5)');
console.log(`   eigenvalues        = ${list(left.values, (x) => (Math.abs(x) < 1e-9 ? e(x) : x.toFixed(4)))}`);
console.log(
  `   |uᵢ(eigh) · uᵢ(svd)| = ${list([0, 1, 2], (i) => Math.abs(dot(column(left.vectors, i), column(U, i))).toFixed(12))}`,
);
const signs = [0, 1, 2].map((i) => Math.sign(dot(matVec(A, column(right.vectors, i)), column(left.vectors, i))));
console.log(
  `   sign of uᵢ(eigh)·(A·vᵢ(eigh)) = ${list(signs, (s) => (s > 0 ? '+' : '−'))}: the two eigen-decompositions`,
);
console.log('   choose signs independently, so U and V cannot simply be taken from both; step 3 fixes it.\n');

// 3. The link: A·vᵢ = σᵢ·uᵢ, so uᵢ = A·vᵢ/σᵢ and A = Σ σᵢ·uᵢ·vᵢᵀ.
console.log('3. A·vᵢ = σᵢ·uᵢ');
for (let i = 0; i < 3; i++) {
  const Av = matVec(A, column(V, i)),
    su = column(U, i).map((x) => S[i] * x);
  const diff = Math.max(...Av.map((x, t) => Math.abs(x - su[t])));
  console.log(`   i = ${i + 1}: max |A·vᵢ − σᵢ·uᵢ| = ${e(diff)}`);
}
console.log();

// 4. The four fundamental subspaces of a rank-deficient matrix: B = X·Y with X 6×2 and Y 2×4, so
//    rank r = 2, m = 6, n = 4.
const X = mat(6, 2, () => Math.round(10 * next() - 5));
const Y = mat(2, 4, () => Math.round(10 * next() - 5));
const B = matmul(X, Y);
const sp = subspaces(B);
const [m, n, r] = [B.rows, B.cols, sp.rank];
console.log(`4. B = X·Y is 6×4 of rank r = ${r}; σ(B) = ${list(svd(B, { computeUV: false }).S, e)}`);
console.log(`   column space    ${sp.column.rows}×${sp.column.cols}    dimension r     = ${sp.column.cols}`);
console.log(`   null space      ${sp.null.rows}×${sp.null.cols}    dimension n − r = ${sp.null.cols}`);
console.log(`   row space       ${sp.row.rows}×${sp.row.cols}    dimension r     = ${sp.row.cols}`);
console.log(`   left null space ${sp.leftNull.rows}×${sp.leftNull.cols}    dimension m − r = ${sp.leftNull.cols}`);
console.log(
  `   dimensions (r, n−r, r, m−r) = (${sp.column.cols}, ${sp.null.cols}, ${sp.row.cols}, ${sp.leftNull.cols}); r + (n − r) = ${n}, r + (m − r) = ${m}`,
);
console.log(`   max |B·N|      = ${e(maxAbs(matmul(B, sp.null)))}   (B sends its null space to 0)`);
console.log(
  `   max |Bᵀ·L|     = ${e(maxAbs(matmul(transpose(B), sp.leftNull)))}   (the left null space is orthogonal to every column)`,
);
console.log(`   max |rowᵀ·N|   = ${e(maxAbs(matmul(transpose(sp.row), sp.null)))}   (row space ⟂ null space in ℝ⁴)`);
console.log(
  `   max |colᵀ·L|   = ${e(maxAbs(matmul(transpose(sp.column), sp.leftNull)))}   (column space ⟂ left null space in ℝ⁶)\n`,
);

// 5. Why not eigh(AᵀA)? Build C = P·diag(σ)·Qᵀ with exactly known singular values:
//    P and Q are 4×4 orthogonal with entries ±½ (Hadamard matrices / 2) and σ are powers of two,
//    so every entry of C is exact in double precision. σ_min/σ_max = 2⁻³³ ≈ 1.2e-10.
const H = [
  [1, 1, 1, 1],
  [1, -1, 1, -1],
  [1, 1, -1, -1],
  [1, -1, -1, 1],
];
const P = mat(4, 4, (i, j) => H[i][j] / 2);
const Q = mat(4, 4, (i, j) => (H[[2, 0, 3, 1][i]][j] * (j % 3 === 0 ? 1 : -1)) / 2);
const sigma = [1, 2 ** -11, 2 ** -22, 2 ** -33];
const C = matmul(
  matmul(
    P,
    mat(4, 4, (i, j) => (i === j ? sigma[i] : 0)),
  ),
  transpose(Q),
);
const lambda = eigh(matmul(transpose(C), C)).values[3];
const fromEigh = Math.sqrt(Math.abs(lambda));
const fromSvd = svd(C, { computeUV: false }).S[3];
const rel = (x) => Math.abs(x - sigma[3]) / sigma[3];
console.log(`5. C (4×4) has σ = ${list(sigma, e)} exactly; σ_min/σ_max = ${e(sigma[3] / sigma[0])}`);
console.log(`   σ_min² = ${e(sigma[3] ** 2)}, but CᵀC's entries carry rounding of about ε·σ_max² ≈ 1e-16`);
console.log(`   eigh(CᵀC): λ_min = ${e(lambda)}${lambda < 0 ? ' (negative!)' : ''}, √|λ_min| = ${e(fromEigh)}`);
console.log(`   relative error of the smallest σ:  eigh(CᵀC) ${e(rel(fromEigh))}    svd(C) ${e(rel(fromSvd))}`);
console.log('   Squaring C squares its condition number (1e10 → 1e20 > 1/ε), so every σ below √ε·σ_max ≈ 1.5e-8');
console.log('   drowns. svdkit never forms AᵀA: one-sided Jacobi rotates the columns of A itself until they are');
console.log('   orthogonal, which diagonalises AᵀA implicitly at the accuracy of A.');
