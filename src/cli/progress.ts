/**
 * A one-line progress bar on stderr, for work longer than about half a second. Quiet when
 * stderr is not a terminal or when output is JSON. The work is synchronous, so the bar is drawn
 * at step boundaries (each channel's SVD, or each power iteration of a randomized one): from the
 * start when the work is predicted to be long, else from the first step that begins after half a
 * second; after a second, with an ETA from the pace so far.
 * @module
 */

/** Where the bar is drawn: a terminal stream (process.stderr) or a stand-in for tests. */
export interface BarStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Wait before drawing when the work was not predicted long, in ms. */
export const SHOW_AFTER_MS = 500;

/**
 * Predicted milliseconds of one channel's decomposition. Exact: for 400×400 about 1.4 s on the
 * JS backend and 0.5 s on wasm SIMD (one core of a 2-core CI machine), scaling as m·n·min(m, n).
 * Randomized at rank k (`k` given): (2q + 3)·m·n·(k + 10) multiply-accumulates, q ≤ 4, at about
 * 1.5 G/s on wasm SIMD float32 and 0.3 G/s on JS. Only used to decide whether to draw the bar at once.
 */
export function predictSvdMs(m: number, n: number, backend: 'wasm' | 'js', k?: number): number {
  if (k !== undefined) return (11 * m * n * (k + 10)) / ((backend === 'wasm' ? 1.5e9 : 0.3e9) / 1000);
  return ((backend === 'wasm' ? 500 : 1400) * m * n * Math.min(m, n)) / 400 ** 3;
}

/** Time left as m:ss (or h:mm:ss). */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000)),
    h = Math.floor(s / 3600),
    mm = Math.floor((s % 3600) / 60),
    ss = s % 60;
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(mm)}:${two(ss)}` : `${mm}:${two(ss)}`;
}

/** After this long, the bar adds an estimate of the time left (from the pace so far), in ms. */
const ETA_AFTER_MS = 1000;

/** The progress bar. */
export class Progress {
  private total = 0;
  private done = 0;
  private label = '';
  private t0 = 0;
  private shown = false;
  private eager = false;

  constructor(
    private readonly stream: BarStream,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts a task of `total` steps; `predictedMs` decides whether the bar shows at once. */
  start(total: number, predictedMs = 0): void {
    this.total = total;
    this.done = 0;
    this.t0 = this.now();
    this.shown = false;
    this.eager = predictedMs >= SHOW_AFTER_MS;
  }

  /** Changes the step count of the running task (when it is known only once work starts). */
  setTotal(total: number): void {
    this.total = total;
  }

  /** Marks `done` steps finished, the next one described by `label`, and redraws if due. */
  step(done: number, label: string): void {
    this.done = done;
    this.label = label;
    if (!this.enabled || !this.stream.isTTY) return;
    if (this.shown || this.eager || this.now() - this.t0 >= SHOW_AFTER_MS) this.draw();
  }

  /** Clears the bar (when it was drawn). */
  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    const cols = Math.max(40, Math.min(this.stream.columns || 80, 100)); // 0 when the terminal size is unknown
    const count = `${this.done}/${this.total}`;
    const barW = 24;
    const full = this.total > 0 ? Math.round((barW * this.done) / this.total) : 0;
    const bar = '█'.repeat(full) + '░'.repeat(barW - full);
    const elapsed = this.now() - this.t0;
    const eta =
      this.done > 0 && this.done < this.total && elapsed >= ETA_AFTER_MS
        ? ` · ETA ${formatEta((elapsed * (this.total - this.done)) / this.done)}`
        : '';
    const line = `${bar} ${count} ${this.label}${eta}`.slice(0, cols - 1);
    this.stream.write(`\r\x1b[K${line}`);
    this.shown = true;
  }
}
