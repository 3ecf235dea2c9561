/**
 * C = op(A)·op(B) for row-major operands: A is m×k (k×m when transA), B is k×n (n×k when
 * transB), C is m×n. The multiply-accumulate kernel behind reconstruction, the factored product
 * and the randomized range finder. Mirror of `src/backend/js/gemm.ts` (same loop forms).
 *
 * Three forms, each with the innermost loop on contiguous memory:
 *  - B not transposed: C(i, :) = Σ_p op(A)(i, p)·B(p, :) (axpy form on B's rows);
 *  - both transposed: Cᵀ = B·A with A and B as stored, so the same axpy form applies and C is
 *    written transposed;
 *  - only B transposed: C(i, j) = A(i, :)·B(j, :), dot products of contiguous rows.
 * SIMD: register blocks of 2 rows × 4 vectors of accumulators (f64x2 / f32x4); the depth is
 * split into blocks of KC and the right operand packed into contiguous panels (scratch, see
 * gemmScratch) so the panel streams from L1 whatever the row length. Accumulation is in the
 * element type (the JS twin accumulates float32 products in double). Never allocates; C needs
 * no initialisation.
 *
 * ABI: gemmF64/gemmF32(m, n, k, a, transA, b, transB, c, scratch): byte addresses; scratch holds
 * gemmScratch*(m, n, k) bytes.
 */
import { align16, at } from './address';
import { hsum } from './lanes';

/** Depth of one k-block: the packed panels of A and B cover KC steps of p. */
const KC: usize = 256;
/** Columns of B packed at once (a multiple of the 4-vector block width for f64 and f32). */
const NC: usize = 256;

/** Vector of C starting at p whose lanes are `strideB` bytes apart (zero when `first`). */
@inline function loadC<T>(p: usize, strideB: usize, first: bool): v128 {
  if (first) return v128.splat<T>(<T>0);
  if (strideB == sizeof<T>()) return v128.load(p);
  if (sizeof<T>() == 8) {
    return f64x2.replace_lane(f64x2.splat(load<f64>(p)), 1, load<f64>(p + strideB));
  }
  let v = f32x4.splat(load<f32>(p));
  v = f32x4.replace_lane(v, 1, load<f32>(p + strideB));
  v = f32x4.replace_lane(v, 2, load<f32>(p + 2 * strideB));
  return f32x4.replace_lane(v, 3, load<f32>(p + 3 * strideB));
}

/** Stores the vector v to C at p, lanes `strideB` bytes apart. */
@inline function storeC<T>(p: usize, strideB: usize, v: v128): void {
  if (strideB == sizeof<T>()) {
    v128.store(p, v);
  } else if (sizeof<T>() == 8) {
    store<f64>(p, f64x2.extract_lane(v, 0));
    store<f64>(p + strideB, f64x2.extract_lane(v, 1));
  } else {
    store<f32>(p, f32x4.extract_lane(v, 0));
    store<f32>(p + strideB, f32x4.extract_lane(v, 1));
    store<f32>(p + 2 * strideB, f32x4.extract_lane(v, 2));
    store<f32>(p + 3 * strideB, f32x4.extract_lane(v, 3));
  }
}

/**
 * Bytes of workspace {@link gemm} needs beyond A, B and C: with SIMD, one packed KC×NC block of
 * the row-major right operand plus a packed KC×2 pair of rows of the left one (each 16-aligned);
 * the scalar build needs none. Sized for the wider of the two column counts (m for the
 * doubly transposed form, n otherwise), in f64 so huge shapes are reported, not wrapped.
 */
function gemmScratch<T>(m: f64, n: f64, k: f64): f64 {
  if (!ASC_FEATURE_SIMD) return 0;
  const b = <f64>sizeof<T>(), W = <f64>(64 / sizeof<T>());
  const kc = Math.min(k, <f64>KC), cols = Math.min(Math.floor(Math.max(m, n) / W) * W, <f64>NC);
  return Math.ceil((kc * cols * b) / 16) * 16 + Math.ceil((kc * 2 * b) / 16) * 16;
}

/**
 * C(i, j) (+)= Σ_p X(i, p)·Y(p, j) for i < rows, j < cols, p < k: X(i, p) at x + i·xrs + p·xcs,
 * Y row-major (k×cols, contiguous rows), C(i, j) at c + i·crs + j·ccs (strides in elements).
 * Per k-block and NC-column block, Y is packed into panels of 4 vectors × kc (contiguous, so no
 * cache-set conflicts for power-of-two row lengths) and each pair of X rows into kc×2; the
 * micro-kernel holds a 2×4-vector block of C in registers. Columns past the last full panel
 * are done unpacked, one vector (then one element) at a time.
 */
function macSimd<T>(
  rows: usize, cols: usize, k: usize, x: usize, xrs: usize, xcs: usize, y: usize,
  c: usize, crs: usize, ccs: usize, scratch: usize, acc: bool, ldy: usize,
): void {
  const B: usize = sizeof<T>(), L: usize = 16 / sizeof<T>(), W: usize = 4 * L;
  const xsB = xcs << alignof<T>(), ysB = ldy << alignof<T>();
  const crB = crs << alignof<T>(), ccB = ccs << alignof<T>(), vB = L * ccB;
  const full = cols - cols % W; // columns covered by whole panels
  const bpack = scratch;
  for (let p0: usize = 0; p0 < k; p0 += KC) {
    const kc = min<usize>(KC, k - p0);
    const apack = bpack + align16(kc * min<usize>(full, NC) * B);
    const first = p0 == 0 && !acc;
    for (let j0: usize = 0; j0 < full; j0 += NC) {
      const nc = min<usize>(NC, full - j0);
      // Pack Y[p0.., j0..j0+nc) as nc/W panels, each kc rows of W contiguous elements.
      let dst = bpack;
      for (let q: usize = 0; q < nc; q += W) {
        let src = at<T>(y, p0 * ldy + j0 + q);
        for (let p: usize = 0; p < kc; p++) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          v128.store(dst, v128.load(src, 32), 32);
          v128.store(dst, v128.load(src, 48), 48);
          dst += 64;
          src += ysB;
        }
      }
      let i: usize = 0;
      for (; i + 2 <= rows; i += 2) {
        // Pack X(i, p0..), X(i+1, p0..) interleaved.
        let xp = at<T>(x, i * xrs + p0 * xcs), xq = at<T>(x, (i + 1) * xrs + p0 * xcs), ap = apack;
        for (let p: usize = 0; p < kc; p++) {
          store<T>(ap, load<T>(xp));
          store<T>(ap, load<T>(xq), B);
          ap += 2 * B;
          xp += xsB;
          xq += xsB;
        }
        for (let q: usize = 0; q < nc; q += W) {
          const cp = at<T>(c, i * crs + (j0 + q) * ccs), cq = cp + crB;
          let c00 = loadC<T>(cp, ccB, first), c01 = loadC<T>(cp + vB, ccB, first);
          let c02 = loadC<T>(cp + 2 * vB, ccB, first), c03 = loadC<T>(cp + 3 * vB, ccB, first);
          let c10 = loadC<T>(cq, ccB, first), c11 = loadC<T>(cq + vB, ccB, first);
          let c12 = loadC<T>(cq + 2 * vB, ccB, first), c13 = loadC<T>(cq + 3 * vB, ccB, first);
          let pa = apack, pb = at<T>(bpack, q * kc);
          for (let p: usize = 0; p < kc; p++) {
            const a0 = v128.load_splat<T>(pa), a1 = v128.load_splat<T>(pa + B);
            const b0 = v128.load(pb), b1 = v128.load(pb, 16), b2 = v128.load(pb, 32), b3 = v128.load(pb, 48);
            c00 = v128.add<T>(c00, v128.mul<T>(a0, b0));
            c01 = v128.add<T>(c01, v128.mul<T>(a0, b1));
            c02 = v128.add<T>(c02, v128.mul<T>(a0, b2));
            c03 = v128.add<T>(c03, v128.mul<T>(a0, b3));
            c10 = v128.add<T>(c10, v128.mul<T>(a1, b0));
            c11 = v128.add<T>(c11, v128.mul<T>(a1, b1));
            c12 = v128.add<T>(c12, v128.mul<T>(a1, b2));
            c13 = v128.add<T>(c13, v128.mul<T>(a1, b3));
            pa += 2 * B;
            pb += 64;
          }
          storeC<T>(cp, ccB, c00);
          storeC<T>(cp + vB, ccB, c01);
          storeC<T>(cp + 2 * vB, ccB, c02);
          storeC<T>(cp + 3 * vB, ccB, c03);
          storeC<T>(cq, ccB, c10);
          storeC<T>(cq + vB, ccB, c11);
          storeC<T>(cq + 2 * vB, ccB, c12);
          storeC<T>(cq + 3 * vB, ccB, c13);
        }
      }
      if (i < rows) {
        for (let q: usize = 0; q < nc; q += W) {
          const cp = at<T>(c, i * crs + (j0 + q) * ccs);
          let c00 = loadC<T>(cp, ccB, first), c01 = loadC<T>(cp + vB, ccB, first);
          let c02 = loadC<T>(cp + 2 * vB, ccB, first), c03 = loadC<T>(cp + 3 * vB, ccB, first);
          let xp = at<T>(x, i * xrs + p0 * xcs), pb = at<T>(bpack, q * kc);
          for (let p: usize = 0; p < kc; p++) {
            const a0 = v128.load_splat<T>(xp);
            c00 = v128.add<T>(c00, v128.mul<T>(a0, v128.load(pb)));
            c01 = v128.add<T>(c01, v128.mul<T>(a0, v128.load(pb, 16)));
            c02 = v128.add<T>(c02, v128.mul<T>(a0, v128.load(pb, 32)));
            c03 = v128.add<T>(c03, v128.mul<T>(a0, v128.load(pb, 48)));
            xp += xsB;
            pb += 64;
          }
          storeC<T>(cp, ccB, c00);
          storeC<T>(cp + vB, ccB, c01);
          storeC<T>(cp + 2 * vB, ccB, c02);
          storeC<T>(cp + 3 * vB, ccB, c03);
        }
      }
    }
    let j = full;
    for (; j + L <= cols; j += L) {
      const y0 = at<T>(y, p0 * ldy + j);
      for (let i: usize = 0; i < rows; i++) {
        const cp = at<T>(c, i * crs + j * ccs);
        let c00 = loadC<T>(cp, ccB, first);
        let xp = at<T>(x, i * xrs + p0 * xcs), yp = y0;
        for (let p: usize = 0; p < kc; p++) {
          c00 = v128.add<T>(c00, v128.mul<T>(v128.load_splat<T>(xp), v128.load(yp)));
          xp += xsB;
          yp += ysB;
        }
        storeC<T>(cp, ccB, c00);
      }
    }
    for (; j < cols; j++) {
      for (let i: usize = 0; i < rows; i++) {
        const cp = at<T>(c, i * crs + j * ccs);
        let s: T = first ? <T>0 : load<T>(cp);
        let xp = at<T>(x, i * xrs + p0 * xcs), yp = at<T>(y, p0 * ldy + j);
        for (let p: usize = 0; p < kc; p++) {
          s += load<T>(xp) * load<T>(yp);
          xp += xsB;
          yp += ysB;
        }
        store<T>(cp, s);
      }
    }
  }
}

/** Σ_p x[p]·y[p] over p < kc with SIMD, as a T. */
@inline function dotSimd<T>(x: usize, y: usize, kc: usize): T {
  const L: usize = 16 / sizeof<T>();
  let s0 = v128.splat<T>(<T>0), s1 = s0;
  let p: usize = 0;
  for (; p + 2 * L <= kc; p += 2 * L) {
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(x), v128.load(y)));
    s1 = v128.add<T>(s1, v128.mul<T>(v128.load(x, 16), v128.load(y, 16)));
    x += 32;
    y += 32;
  }
  let s = <T>hsum<T>(v128.add<T>(s0, s1));
  for (; p < kc; p++) {
    s += load<T>(x) * load<T>(y);
    x += sizeof<T>();
    y += sizeof<T>();
  }
  return s;
}

/** C(i, j) = A(i, :)·B(j, :) for row-major A (m×k) and B (n×k), C m×n row-major. */
function dotFormSimd<T>(m: usize, n: usize, k: usize, a: usize, b: usize, c: usize): void {
  const L: usize = 16 / sizeof<T>();
  const rowB = k << alignof<T>();
  for (let p0: usize = 0; p0 < k; p0 += KC) {
    const kc = min<usize>(KC, k - p0);
    const first = p0 == 0;
    const kv = kc & ~(L - 1); // the part handled in whole vectors
    let j: usize = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = at<T>(b, j * k + p0);
      let i: usize = 0;
      for (; i + 2 <= m; i += 2) {
        const a0 = at<T>(a, i * k + p0);
        const zero = v128.splat<T>(<T>0);
        let s00 = zero, s01 = zero, s02 = zero, s03 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero;
        let pa = a0, pb = b0;
        for (let p: usize = 0; p < kv; p += L) {
          const x0 = v128.load(pa), x1 = v128.load(pa + rowB);
          const y0 = v128.load(pb), y1 = v128.load(pb + rowB);
          const y2 = v128.load(pb + 2 * rowB), y3 = v128.load(pb + 3 * rowB);
          s00 = v128.add<T>(s00, v128.mul<T>(x0, y0));
          s01 = v128.add<T>(s01, v128.mul<T>(x0, y1));
          s02 = v128.add<T>(s02, v128.mul<T>(x0, y2));
          s03 = v128.add<T>(s03, v128.mul<T>(x0, y3));
          s10 = v128.add<T>(s10, v128.mul<T>(x1, y0));
          s11 = v128.add<T>(s11, v128.mul<T>(x1, y1));
          s12 = v128.add<T>(s12, v128.mul<T>(x1, y2));
          s13 = v128.add<T>(s13, v128.mul<T>(x1, y3));
          pa += 16;
          pb += 16;
        }
        const cp = at<T>(c, i * n + j), cq = at<T>(c, (i + 1) * n + j);
        let t00 = <T>hsum<T>(s00), t01 = <T>hsum<T>(s01), t02 = <T>hsum<T>(s02), t03 = <T>hsum<T>(s03);
        let t10 = <T>hsum<T>(s10), t11 = <T>hsum<T>(s11), t12 = <T>hsum<T>(s12), t13 = <T>hsum<T>(s13);
        for (let p = kv; p < kc; p++) {
          const x0 = load<T>(at<T>(a0, p)), x1 = load<T>(at<T>(a0 + rowB, p));
          const y0 = load<T>(at<T>(b0, p)), y1 = load<T>(at<T>(b0 + rowB, p));
          const y2 = load<T>(at<T>(b0 + 2 * rowB, p)), y3 = load<T>(at<T>(b0 + 3 * rowB, p));
          t00 += x0 * y0;
          t01 += x0 * y1;
          t02 += x0 * y2;
          t03 += x0 * y3;
          t10 += x1 * y0;
          t11 += x1 * y1;
          t12 += x1 * y2;
          t13 += x1 * y3;
        }
        if (!first) {
          t00 += load<T>(cp);
          t01 += load<T>(cp, sizeof<T>());
          t02 += load<T>(cp, 2 * sizeof<T>());
          t03 += load<T>(cp, 3 * sizeof<T>());
          t10 += load<T>(cq);
          t11 += load<T>(cq, sizeof<T>());
          t12 += load<T>(cq, 2 * sizeof<T>());
          t13 += load<T>(cq, 3 * sizeof<T>());
        }
        store<T>(cp, t00);
        store<T>(cp, t01, sizeof<T>());
        store<T>(cp, t02, 2 * sizeof<T>());
        store<T>(cp, t03, 3 * sizeof<T>());
        store<T>(cq, t10);
        store<T>(cq, t11, sizeof<T>());
        store<T>(cq, t12, 2 * sizeof<T>());
        store<T>(cq, t13, 3 * sizeof<T>());
      }
      for (; i < m; i++) {
        const a0 = at<T>(a, i * k + p0);
        for (let jj = j; jj < j + 4; jj++) {
          const cp = at<T>(c, i * n + jj);
          const s = dotSimd<T>(a0, at<T>(b, jj * k + p0), kc);
          store<T>(cp, first ? s : load<T>(cp) + s);
        }
      }
    }
    for (; j < n; j++) {
      for (let i: usize = 0; i < m; i++) {
        const cp = at<T>(c, i * n + j);
        const s = dotSimd<T>(at<T>(a, i * k + p0), at<T>(b, j * k + p0), kc);
        store<T>(cp, first ? s : load<T>(cp) + s);
      }
    }
  }
}

/**
 * Scalar twin of {@link macSimd} (no packing): 2 rows × 4 columns of C in registers per
 * k-block, so a strided C is touched once per block.
 */
function macScalar<T>(
  rows: usize, cols: usize, k: usize, x: usize, xrs: usize, xcs: usize, y: usize,
  c: usize, crs: usize, ccs: usize, acc: bool, ldy: usize,
): void {
  const xsB = xcs << alignof<T>(), ysB = ldy << alignof<T>(), ccB = ccs << alignof<T>();
  for (let p0: usize = 0; p0 < k; p0 += KC) {
    const kc = min<usize>(KC, k - p0);
    const first = p0 == 0 && !acc;
    let j: usize = 0;
    for (; j + 4 <= cols; j += 4) {
      let i: usize = 0;
      for (; i + 2 <= rows; i += 2) {
        const cp = at<T>(c, i * crs + j * ccs), cq = at<T>(c, (i + 1) * crs + j * ccs);
        let c00: T = 0, c01: T = 0, c02: T = 0, c03: T = 0, c10: T = 0, c11: T = 0, c12: T = 0, c13: T = 0;
        if (!first) {
          c00 = load<T>(cp); c01 = load<T>(cp + ccB); c02 = load<T>(cp + 2 * ccB); c03 = load<T>(cp + 3 * ccB);
          c10 = load<T>(cq); c11 = load<T>(cq + ccB); c12 = load<T>(cq + 2 * ccB); c13 = load<T>(cq + 3 * ccB);
        }
        let xp = at<T>(x, i * xrs + p0 * xcs), xq = at<T>(x, (i + 1) * xrs + p0 * xcs), yp = at<T>(y, p0 * ldy + j);
        for (let p: usize = 0; p < kc; p++) {
          const a0 = load<T>(xp), a1 = load<T>(xq);
          const b0 = load<T>(yp), b1 = load<T>(yp, sizeof<T>());
          const b2 = load<T>(yp, 2 * sizeof<T>()), b3 = load<T>(yp, 3 * sizeof<T>());
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
          xp += xsB;
          xq += xsB;
          yp += ysB;
        }
        store<T>(cp, c00); store<T>(cp + ccB, c01); store<T>(cp + 2 * ccB, c02); store<T>(cp + 3 * ccB, c03);
        store<T>(cq, c10); store<T>(cq + ccB, c11); store<T>(cq + 2 * ccB, c12); store<T>(cq + 3 * ccB, c13);
      }
      for (; i < rows; i++) {
        const xi = at<T>(x, i * xrs + p0 * xcs), ci = at<T>(c, i * crs + j * ccs);
        macScalarOne<T>(kc, first, xi, xsB, at<T>(y, p0 * ldy + j), ysB, ci, ccB, 4);
      }
    }
    for (let i: usize = 0; i < rows && j < cols; i++) {
      const xi = at<T>(x, i * xrs + p0 * xcs), ci = at<T>(c, i * crs + j * ccs);
      macScalarOne<T>(kc, first, xi, xsB, at<T>(y, p0 * ldy + j), ysB, ci, ccB, cols - j);
    }
  }
}

/** One row of C, `w` columns: C(0, j) (+)= Σ_p x[p·xsB]·y[p·ysB + j] (strides in bytes). */
@inline function macScalarOne<T>(
  kc: usize, first: bool, x: usize, xsB: usize, y: usize, ysB: usize, c: usize, ccB: usize, w: usize,
): void {
  for (let jj: usize = 0; jj < w; jj++) {
    const cp = c + jj * ccB;
    let s: T = first ? <T>0 : load<T>(cp);
    let xp = x, yp = at<T>(y, jj);
    for (let p: usize = 0; p < kc; p++) {
      s += load<T>(xp) * load<T>(yp);
      xp += xsB;
      yp += ysB;
    }
    store<T>(cp, s);
  }
}

/** Scalar twin of {@link dotFormSimd}. */
function dotFormScalar<T>(m: usize, n: usize, k: usize, a: usize, b: usize, c: usize): void {
  for (let i: usize = 0; i < m; i++) {
    for (let j: usize = 0; j < n; j++) {
      let s0: T = 0, s1: T = 0;
      const ai = at<T>(a, i * k), bj = at<T>(b, j * k);
      let p: usize = 0;
      for (; p + 2 <= k; p += 2) {
        s0 += load<T>(at<T>(ai, p)) * load<T>(at<T>(bj, p));
        s1 += load<T>(at<T>(ai, p + 1)) * load<T>(at<T>(bj, p + 1));
      }
      if (p < k) s0 += load<T>(at<T>(ai, p)) * load<T>(at<T>(bj, p));
      store<T>(at<T>(c, i * n + j), s0 + s1);
    }
  }
}

@inline function mac<T>(
  rows: usize, cols: usize, k: usize, x: usize, xrs: usize, xcs: usize, y: usize,
  c: usize, crs: usize, ccs: usize, scratch: usize, acc: bool = false, ldy: usize = cols,
): void {
  if (ASC_FEATURE_SIMD) macSimd<T>(rows, cols, k, x, xrs, xcs, y, c, crs, ccs, scratch, acc, ldy);
  else macScalar<T>(rows, cols, k, x, xrs, xcs, y, c, crs, ccs, acc, ldy);
}

/**
 * C (+)= X·Y on strided operands, for blocked algorithms working inside larger arrays:
 * X(i, p) at x + i·xrs + p·xcs, Y(p, j) at y + p·ldy + j (rows of Y contiguous), C(i, j) at
 * c + i·crs + j·ccs (strides in elements); `acc` adds to C instead of overwriting it. Each C
 * entry is summed over p in order from its old value (acc) or from the first product, in the
 * scalar build exactly as a plain loop. scratch: gemmScratch bytes for max(rows, cols) columns.
 */
export function macStrided<T>(
  rows: usize, cols: usize, k: usize, x: usize, xrs: usize, xcs: usize, y: usize, ldy: usize,
  c: usize, crs: usize, ccs: usize, scratch: usize, acc: bool,
): void {
  if (rows == 0 || cols == 0 || k == 0) return;
  mac<T>(rows, cols, k, x, xrs, xcs, y, c, crs, ccs, scratch, acc, ldy);
}

/** Workspace bytes of {@link macStrided} (and gemm) for up to m, n columns and depth k. */
export function gemmScratchBytes<T>(m: f64, n: f64, k: f64): f64 {
  return gemmScratch<T>(m, n, k);
}

/** C (m×n, row-major) = op(A)·op(B); see the file header for the three forms. */
export function gemm<T>(
  m: usize, n: usize, k: usize, a: usize, transA: bool, b: usize, transB: bool, c: usize, scratch: usize,
): void {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    memory.fill(c, 0, (m * n) << alignof<T>());
    return;
  }
  if (!transB) {
    // X(i, p) = op(A)(i, p): A(i, p) at i·k + p, or Aᵀ stored k×m at p·m + i.
    mac<T>(m, n, k, a, transA ? 1 : k, transA ? m : 1, b, c, n, 1, scratch);
  } else if (transA) {
    // Cᵀ (n×m) = B (n×k as stored) · A (k×m as stored); Cᵀ(r, q) is C(q, r) at q·n + r.
    mac<T>(n, m, k, b, k, 1, a, c, 1, n, scratch);
  } else if (ASC_FEATURE_SIMD) {
    dotFormSimd<T>(m, n, k, a, b, c);
  } else {
    dotFormScalar<T>(m, n, k, a, b, c);
  }
}

/** Workspace bytes of {@link gemmF64}. */
export function gemmScratchF64(m: f64, n: f64, k: f64): f64 {
  return gemmScratch<f64>(m, n, k);
}

/** Workspace bytes of {@link gemmF32}. */
export function gemmScratchF32(m: f64, n: f64, k: f64): f64 {
  return gemmScratch<f32>(m, n, k);
}

/** Entry point: float64 C = op(A)·op(B). Pointers are byte addresses in linear memory. */
export function gemmF64(
  m: usize, n: usize, k: usize, a: usize, transA: bool, b: usize, transB: bool, c: usize, scratch: usize,
): void {
  gemm<f64>(m, n, k, a, transA, b, transB, c, scratch);
}

/** Entry point: float32 C = op(A)·op(B). */
export function gemmF32(
  m: usize, n: usize, k: usize, a: usize, transA: bool, b: usize, transB: bool, c: usize, scratch: usize,
): void {
  gemm<f32>(m, n, k, a, transA, b, transB, c, scratch);
}
