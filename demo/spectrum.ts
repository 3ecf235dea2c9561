// The spectrum plot: singular values on a log scale, cumulative energy, and a marker at k (SVG).
const W = 480,
  H = 240,
  L = 46,
  R = 40,
  T = 12,
  B = 28;
const NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A spectrum to plot: the joint singular values of all channels, and the energy kept per k. */
export interface Spectrum {
  sigma: Float64Array;
  energy: Float64Array;
}

/** Joint spectrum √(Σ_c σ_c,i²) over channels, and the cumulative energy fraction. */
export function spectrumOf(channels: Float64Array[]): Spectrum {
  const p = channels[0].length,
    sigma = new Float64Array(p),
    energy = new Float64Array(p);
  for (const s of channels) for (let i = 0; i < p; i++) sigma[i] += s[i] * s[i];
  let total = 0;
  for (let i = 0; i < p; i++) total += sigma[i];
  let run = 0;
  for (let i = 0; i < p; i++) {
    run += sigma[i];
    energy[i] = total > 0 ? run / total : 1;
    sigma[i] = Math.sqrt(sigma[i]);
  }
  return { sigma, energy };
}

/** Redraws the whole plot into `svg` with the marker at rank k. */
export function drawSpectrum(svg: SVGSVGElement, s: Spectrum, k: number): void {
  const p = s.sigma.length,
    top = Math.max(s.sigma[0], Number.MIN_VALUE);
  const floor = Math.max(top * 1e-6, s.sigma[p - 1] || top * 1e-6);
  const lo = Math.log10(floor),
    hi = Math.log10(top);
  const x = (i: number) => L + ((W - L - R) * i) / Math.max(1, p - 1);
  const yLog = (v: number) => T + (H - T - B) * (1 - (Math.log10(Math.max(v, floor)) - lo) / Math.max(1e-9, hi - lo));
  // The energy axis starts at the first tenth below σ₁'s share (often already above 80%).
  const eLo = Math.min(0.9, Math.floor(s.energy[0] * 10) / 10);
  const yLin = (f: number) => T + (H - T - B) * (1 - (f - eLo) / (1 - eLo));
  svg.replaceChildren();
  svg.append(el('rect', { x: L, y: T, width: W - L - R, height: H - T - B, fill: '#fbfcfe', stroke: '#d5d9e2' }));
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) {
    const y = yLog(10 ** d);
    svg.append(el('line', { x1: L, x2: W - R, y1: y, y2: y, stroke: '#eceef2' }));
    svg.append(el('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5a6275' }, `1e${d}`));
  }
  for (const f of [eLo, (eLo + 1) / 2, 1]) {
    svg.append(
      el('text', { x: W - R + 6, y: yLin(f) + 4, 'font-size': 10, fill: '#c4620a' }, `${Math.round(f * 100)}%`),
    );
  }
  const line = (y: (i: number) => number) =>
    Array.from({ length: p }, (_, i) => `${x(i).toFixed(1)},${y(i).toFixed(1)}`).join(' ');
  svg.append(
    el('polyline', { points: line((i) => yLog(s.sigma[i])), fill: 'none', stroke: '#2a6df4', 'stroke-width': 1.6 }),
  );
  svg.append(
    el('polyline', { points: line((i) => yLin(s.energy[i])), fill: 'none', stroke: '#e8831e', 'stroke-width': 1.6 }),
  );
  const xk = x(k - 1);
  svg.append(el('line', { x1: xk, x2: xk, y1: T, y2: H - B, stroke: '#1d2330', 'stroke-dasharray': '4 3' }));
  svg.append(
    el(
      'text',
      { x: Math.min(xk + 4, W - R - 90), y: H - B - 8, 'font-size': 11, fill: '#1d2330' },
      `k = ${k}, ${(100 * s.energy[k - 1]).toFixed(2)}%`,
    ),
  );
  svg.append(el('text', { x: L, y: H - 8, 'font-size': 10, fill: '#5a6275' }, '1'));
  svg.append(el('text', { x: W - R, y: H - 8, 'font-size': 10, fill: '#5a6275', 'text-anchor': 'end' }, `i = ${p}`));
}
