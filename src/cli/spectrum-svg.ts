/**
 * The spectrum plot as a standalone SVG: singular values on a log scale (left) and the
 * cumulative energy kept, Σ_{i≤k} σᵢ² / Σ σᵢ² (right), one line per channel, with the asked-for
 * ranks marked.
 * @module
 */
import { cumulativeEnergy } from '../lowrank/rank.js';

/** One channel's singular values, descending. */
interface SpectrumSeries {
  name: string;
  values: ArrayLike<number>;
}

/** What the plot shows. */
export interface SpectrumPlot {
  title: string;
  series: SpectrumSeries[];
  /** Ranks to mark with a dashed line and a label. */
  marks: number[];
}

const W = 990,
  H = 440,
  PANEL_W = 400,
  PANEL_H = 300,
  TOP = 70,
  LEFT = [70, 550];
const COLOURS: Record<string, string> = {
  gray: '#333333',
  red: '#d62728',
  green: '#2ca02c',
  blue: '#1f77b4',
  alpha: '#888888',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/** Round tick steps (1, 2, 5 × 10^k) giving about `count` ticks over [0, max]. */
export function niceTicks(max: number, count = 5): number[] {
  const raw = max / count,
    mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) out.push(Math.round(t * 1e9) / 1e9);
  return out;
}

/** Lower end of the energy axis: the lowest first-rank energy, rounded down to a tenth. */
function energyFloor(energies: Float64Array[]): number {
  const low = Math.min(...energies.map((e) => (e.length > 0 ? e[0] : 1)));
  return Math.max(0, Math.min(0.9, Math.floor(low * 10) / 10));
}

/** The SVG document text. */
export function spectrumSvg(plot: SpectrumPlot): string {
  const p = Math.max(1, ...plot.series.map((s) => s.values.length));
  const all = plot.series.flatMap((s) => Array.from(s.values));
  const top = Math.max(...all, 1e-300);
  const positive = all.filter((v) => v > top * 1e-15);
  const lo = Math.floor(Math.log10(Math.min(...positive, top))),
    hi = Math.floor(Math.log10(top)) + 1;
  const floor = 10 ** lo;
  const energies = plot.series.map((s) => cumulativeEnergy(s.values));
  const joint = new Float64Array(p);
  for (const s of plot.series) for (let i = 0; i < s.values.length; i++) joint[i] += s.values[i] * s.values[i];
  const jointEnergy = cumulativeEnergy(joint.map(Math.sqrt));
  const eLo = energyFloor(energies);
  const x = (panel: number, i: number) => LEFT[panel] + (p > 1 ? ((i - 1) / (p - 1)) * PANEL_W : PANEL_W / 2);
  const yLog = (v: number) => TOP + PANEL_H - ((Math.log10(Math.max(v, floor)) - lo) / (hi - lo || 1)) * PANEL_H;
  const yLin = (f: number) => TOP + PANEL_H - ((f - eLo) / (1 - eLo)) * PANEL_H;
  const parts: string[] = [];
  const add = (s: string) => parts.push(s);

  add(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  add(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  add(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${esc(plot.title)}</text>`);
  const xTicks = [...new Set(niceTicks(p).map((t) => Math.max(1, t)))];
  const eStep = (1 - eLo) / (eLo >= 0.7 ? (1 - eLo) * 20 : 4);
  for (const panel of [0, 1]) {
    const x0 = LEFT[panel];
    const name =
      panel === 0
        ? 'singular values σ<tspan dy="4" font-size="10">k</tspan><tspan dx="4" dy="-4">(log scale)</tspan>'
        : `cumulative energy Σ<tspan dy="4" font-size="10">i≤k</tspan><tspan dx="4" dy="-4">σ</tspan><tspan dy="4" ` +
          `font-size="10">i</tspan><tspan dy="-10" font-size="10">2</tspan><tspan dx="4" dy="6">/ Σ σ</tspan><tspan ` +
          `dy="4" font-size="10">i</tspan><tspan dy="-10" font-size="10">2</tspan>`;
    add(`<text x="${x0 + PANEL_W / 2}" y="${TOP - 14}" text-anchor="middle" font-size="13">${name}</text>`);
    add(`<rect x="${x0}" y="${TOP}" width="${PANEL_W}" height="${PANEL_H}" fill="none" stroke="#999"/>`);
    for (const t of xTicks) {
      const X = fmt(x(panel, t));
      add(`<line x1="${X}" y1="${TOP + PANEL_H}" x2="${X}" y2="${TOP + PANEL_H + 5}" stroke="#666"/>`);
      add(`<text x="${X}" y="${TOP + PANEL_H + 18}" text-anchor="middle">${t}</text>`);
    }
    add(`<text x="${x0 + PANEL_W / 2}" y="${TOP + PANEL_H + 38}" text-anchor="middle">rank k</text>`);
    const yTicks =
      panel === 0
        ? Array.from({ length: hi - lo + 1 }, (_, i) => ({
            y: yLog(10 ** (lo + i)),
            label: `10<tspan dy="-6" font-size="9">${lo + i}</tspan>`,
          }))
        : Array.from({ length: Math.round((1 - eLo) / eStep) + 1 }, (_, i) => eLo + i * eStep).map((f) => ({
            y: yLin(f),
            label: `${+(f * 100).toFixed(1)}%`,
          }));
    for (const t of yTicks) {
      add(`<line x1="${x0}" y1="${fmt(t.y)}" x2="${x0 + PANEL_W}" y2="${fmt(t.y)}" stroke="#eee"/>`);
      add(`<text x="${x0 - 6}" y="${fmt(t.y + 4)}" text-anchor="end">${t.label}</text>`);
    }
  }
  const marks = [...new Set(plot.marks)].filter((m) => m >= 1 && m <= p).sort((a, b) => a - b);
  marks.forEach((k, i) => {
    for (const panel of [0, 1]) {
      const X = fmt(x(panel, k)),
        Y = panel === 0 ? TOP + 14 + 14 * i : TOP + PANEL_H - 10 - 14 * (marks.length - 1 - i);
      const label = panel === 0 ? `k=${k}` : `k=${k}: ${(jointEnergy[k - 1] * 100).toFixed(2)}%`;
      add(`<line x1="${X}" y1="${TOP}" x2="${X}" y2="${TOP + PANEL_H}" stroke="#e69500" stroke-dasharray="4 3"/>`);
      add(`<text x="${X}" y="${Y}" dx="4" fill="#a35f00" font-size="11">${esc(label)}</text>`);
    }
  });
  plot.series.forEach((s, c) => {
    const colour = COLOURS[s.name] ?? '#333333',
      dash = s.name === 'alpha' ? ' stroke-dasharray="6 3"' : '';
    const vals = Array.from(s.values),
      energy = energies[c];
    const path = (panel: number, y: (i: number) => number) =>
      vals.map((_, i) => `${i === 0 ? 'M' : 'L'}${fmt(x(panel, i + 1))},${fmt(y(i))}`).join('');
    add(`<path d="${path(0, (i) => yLog(vals[i]))}" fill="none" stroke="${colour}" stroke-width="1.5"${dash}/>`);
    add(`<path d="${path(1, (i) => yLin(energy[i]))}" fill="none" stroke="${colour}" stroke-width="1.5"${dash}/>`);
    for (const k of marks.filter((m) => m <= vals.length)) {
      add(
        `<circle cx="${fmt(x(1, k))}" cy="${fmt(yLin(energy[k - 1]))}" r="3" fill="${colour}">` +
          `<title>${esc(`${s.name}, k=${k}: ${(energy[k - 1] * 100).toFixed(2)}% of the energy`)}</title></circle>`,
      );
    }
  });
  if (plot.series.length > 1) {
    plot.series.forEach((s, i) => {
      const lx = LEFT[0] + PANEL_W - 80,
        ly = TOP + 20 + 16 * i;
      add(
        `<line x1="${lx}" y1="${ly}" x2="${lx + 20}" y2="${ly}" stroke="${COLOURS[s.name] ?? '#333'}" ` +
          `stroke-width="2"/>`,
      );
      add(`<text x="${lx + 26}" y="${ly + 4}">${esc(s.name)}</text>`);
    });
  }
  const axisNote = eLo > 0 ? `energy axis from ${eLo * 100}%; ` : '';
  const jointNote =
    plot.series.length > 1 ? 'energies at the marks are of all channels together' : 'energy kept at each marked rank';
  add(
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle" fill="#666" ` +
      `font-size="11">${esc(axisNote + jointNote)}</text>`,
  );
  add('</svg>');
  return parts.join('\n') + '\n';
}
