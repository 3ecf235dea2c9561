import { svd, svdvals, matrixRank, lowRank } from 'svdkit';
const m = 800, n = 1200;
function mat(f) { const d = new Float64Array(m*n); for (let i=0;i<m;i++) for (let j=0;j<n;j++) d[i*n+j]=f(i,j); return {rows:m, cols:n, data:d}; }
const tri = mat((i,j)=> j<400?0:j<800?255:200);
const disc = mat((i,j)=> ((i-400)**2+(j-600)**2 < 240**2) ? 200 : 10);
const diag = mat((i,j)=> Math.abs(j - 1.5*i) < 120 ? 220 : 30);
for (const [name, A] of [['tri',tri],['disc',disc],['diag',diag]]) {
  let t=performance.now(); const s = svdvals(A); const t1 = performance.now()-t;
  t=performance.now(); const r = svd(A); const t2 = performance.now()-t;
  t=performance.now(); const rk = matrixRank(A); const t3 = performance.now()-t;
  console.log(name, t1.toFixed(0), t2.toFixed(0), t3.toFixed(0), rk, s[0].toFixed(1));
}
