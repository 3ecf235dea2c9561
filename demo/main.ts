// The demo page: decompose once per image and backend (in a worker), redraw from the factors.
import { init } from 'svdkit';
import type { CompressedImage, ImageInput } from 'svdkit/image';
import { createWorker } from 'svdkit/worker';
import photoUrl from '../examples/data/camera-400.png?url';
import { draw, loadImage } from './image-io';
import { drawSpectrum, spectrumOf, type Spectrum } from './spectrum';
import { fillTable } from './table';

type Backend = 'wasm' | 'js';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const slider = $<HTMLInputElement>('rank');
const status = $<HTMLSpanElement>('status');
const approx = $<HTMLCanvasElement>('approx');
const spectrumSvg = document.getElementById('spectrum') as unknown as SVGSVGElement;

const worker = createWorker();
/** Per image: the decomposition of each backend, its time, and the plot data. */
let state: {
  image: ImageInput & { channels: number };
  results: Partial<Record<Backend, CompressedImage>>;
  times: Partial<Record<Backend, number>>;
  running: Partial<Record<Backend, Promise<void>>>;
  spectrum?: Spectrum;
  generation: number;
} | null = null;
let generation = 0;

const backend = (): Backend =>
  document.querySelector<HTMLInputElement>('input[name=backend]:checked')!.value as Backend;

function showTimes(): void {
  const t = state?.times ?? {};
  for (const b of ['wasm', 'js'] as const)
    $(`time-${b}`).textContent = t[b] === undefined ? '…' : `${t[b]!.toFixed(0)} ms`;
  $('speedup').textContent = t.wasm && t.js ? `wasm ${(t.js / t.wasm).toFixed(1)}× faster` : '';
}

/** Redraws the reconstruction, spectrum marker and table for the slider's k. */
function redraw(): void {
  const r = state?.results[backend()] ?? state?.results.wasm ?? state?.results.js;
  if (!state || !r) return;
  const k = Number(slider.value);
  $('rank-value').textContent = String(k);
  draw(approx, r.toImage(k));
  state.spectrum ??= spectrumOf(r.singularValues);
  drawSpectrum(spectrumSvg, state.spectrum, k);
  fillTable(r.stats(k), r.width * r.height * r.channels);
}

/** Decomposes the current image on one backend (once; a repeated request shares the first). */
function decompose(b: Backend, gen: number): Promise<void> {
  if (!state) return Promise.resolve();
  const s = state;
  s.running[b] ??= (async () => {
    const t0 = performance.now();
    const r = await worker.compressImage(s.image, Math.min(s.image.width, s.image.height), { backend: b });
    // The time of the call: the decomposition in the worker plus the factors' transfer back.
    s.times[b] = performance.now() - t0;
    s.results[b] = r;
    if (state?.generation === gen) showTimes();
  })();
  return s.running[b]!;
}

async function show(source: string | Blob): Promise<void> {
  const gen = ++generation;
  status.textContent = 'decoding…';
  const image = await loadImage(source);
  state = { image, results: {}, times: {}, running: {}, generation: gen };
  draw($('original'), image);
  $('size').textContent =
    `${image.width}×${image.height}, ${image.channels === 1 ? 'gray' : image.channels === 3 ? 'RGB' : 'RGBA'}`;
  const p = Math.min(image.width, image.height);
  slider.max = String(p);
  slider.value = String(Math.min(p, Math.max(1, Math.round(p / 8))));
  $('rank-max').textContent = `of ${p}`;
  showTimes();
  status.textContent = `decomposing on ${backend()}…`;
  const first = backend(),
    second: Backend = first === 'wasm' ? 'js' : 'wasm';
  await decompose(first, gen);
  if (gen !== generation) return;
  slider.disabled = false;
  redraw();
  status.textContent = `timing ${second}…`;
  await decompose(second, gen);
  if (gen === generation) status.textContent = 'ready';
  document.body.dataset.ready = String(gen);
}

function report(e: unknown): void {
  status.textContent = `error: ${e instanceof Error ? e.message : String(e)}`;
}

slider.addEventListener('input', redraw);
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=backend]')) {
  radio.addEventListener('change', () => {
    if (!state) return;
    const gen = state.generation;
    decompose(backend(), gen).then(redraw, report);
  });
}
$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) show(f).catch(report);
});
const drop = document.body;
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  $('drop').classList.add('drag');
});
drop.addEventListener('dragleave', () => $('drop').classList.remove('drag'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop').classList.remove('drag');
  const f = e.dataTransfer?.files[0];
  if (f) show(f).catch(report);
});

// The main thread rebuilds images from the factors; wasm makes that fast too.
init()
  .catch(() => undefined)
  .then(() => show(photoUrl))
  .catch(report);
