/**
 * Mirror of `assembly/kernels/givens.ts` (header there): the plane rotation of LAPACK dlartg
 * and its helpers, shared by the tridiagonal QL/QR and the bidiagonal QR; differs in nothing.
 * @module
 */

/** √(x² + 1) without overflow. */
export function hypot1(x: number): number {
  const a = Math.abs(x);
  return a > 1 ? a * Math.sqrt(1 + (1 / a) * (1 / a)) : Math.sqrt(1 + a * a);
}

/** |a| with the sign of b (b = −0 counts as positive). */
export function sign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/** Results of {@link givens}: module globals (live bindings) so the hot loops allocate nothing. */
export let gC = 0,
  gS = 0,
  gR = 0;

/**
 * Plane rotation [c s; −s c]·[f; g] = [r; 0] with c ≥ 0 when f ≠ 0 (LAPACK dlartg), scaled when
 * f or g is outside (1e-150, 1e150) so that f² + g² neither overflows nor underflows.
 */
export function givens(f: number, g: number): void {
  if (g === 0) {
    gC = 1;
    gS = 0;
    gR = f;
    return;
  }
  if (f === 0) {
    gC = 0;
    gS = g >= 0 ? 1 : -1;
    gR = Math.abs(g);
    return;
  }
  const f1 = Math.abs(f),
    g1 = Math.abs(g);
  if (f1 > 1e-150 && f1 < 1e150 && g1 > 1e-150 && g1 < 1e150) {
    const d = Math.sqrt(f * f + g * g);
    gC = f1 / d;
    gR = sign(d, f);
    gS = g / gR;
  } else {
    const u = Math.max(f1, g1);
    const fs = f / u,
      gs = g / u;
    const d = Math.sqrt(fs * fs + gs * gs);
    gC = Math.abs(fs) / d;
    const r = sign(d, f);
    gS = gs / r;
    gR = r * u;
  }
}
