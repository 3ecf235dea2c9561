/** Bench output: markdown tables, JSON history under bench/results/, and BENCHMARKS.md's tables. */
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface Row {
  shape: string;
  dtype: string;
  mode: 'U,S,Vt' | 'S only';
  ms: Record<string, number | null>;
  /** The algorithm svd's 'auto' ran on wasm and its sweeps (Jacobi) or QR sweeps per σ (bidiagonal). */
  route?: string;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

const fmt = (x: number | null | undefined) =>
  x == null ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? '–' : `${(a / b).toFixed(1)}×`;

/** One markdown table per dtype × mode: medians in ms and the ratios the targets are stated in. */
export function markdown(rows: Row[], note: string): string {
  const out: string[] = [note, ''];
  const groups = [...new Set(rows.map((r) => `${r.dtype} · ${r.mode}`))];
  for (const g of groups) {
    out.push(`**${g}** (median ms)`, '');
    out.push(
      '| shape | route (sweeps) | wasm | js | ml-matrix | numpy | ml-matrix / wasm | js / wasm | wasm / numpy |',
    );
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows.filter((x) => `${x.dtype} · ${x.mode}` === g)) {
      const { wasm, js, mlMatrix, numpy } = r.ms;
      out.push(
        `| ${r.shape} | ${r.route ?? '–'} | ${fmt(wasm)} | ${fmt(js)} | ${fmt(mlMatrix)} | ${fmt(numpy)} | ${ratio(mlMatrix, wasm)} | ${ratio(js, wasm)} | ${ratio(wasm, numpy)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** Writes `<stem>-<stamp>.json/.md` and `<stem>-latest.md` under bench/results/. */
export function save(stem: string, json: unknown, md: string): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  writeFileSync(new URL(`${stem}-${stamp}.json`, dir), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(new URL(`${stem}-${stamp}.md`, dir), md + '\n');
  writeFileSync(new URL(`${stem}-latest.md`, dir), md + '\n');
  return `bench/results/${stem}-${stamp}`;
}

/** Replaces BENCHMARKS.md's text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`. */
export function updateReadme(name: string, md: string): boolean {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const start = `<!-- bench:${name}:start -->`,
    end = `<!-- bench:${name}:end -->`;
  const i = text.indexOf(start),
    j = text.indexOf(end);
  if (i < 0 || j < i) return false;
  writeFileSync(file, text.slice(0, i + start.length) + '\n' + md + '\n' + text.slice(j));
  return true;
}
