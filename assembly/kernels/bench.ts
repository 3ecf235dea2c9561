/**
 * Entry points for the kernel bench (bench/kernels.ts) only: repeat one level-1 kernel `reps`
 * times inside the module, so the timing measures the kernel and not the JS↔wasm boundary.
 * Not used by the loader or the API.
 */
import { dot } from './dot';
import { rot } from './rot';

/** `reps` plane rotations of x[0..n) and y[0..n) (f64); 6n flops each. */
export function benchRotF64(x: usize, y: usize, n: usize, c: f64, s: f64, reps: i32): void {
  for (let r = 0; r < reps; r++) rot<f64>(x, y, n, c, s, s);
}

/** `reps` plane rotations of x[0..n) and y[0..n) (f32). */
export function benchRotF32(x: usize, y: usize, n: usize, c: f64, s: f64, reps: i32): void {
  for (let r = 0; r < reps; r++) rot<f32>(x, y, n, c, s, s);
}

/** `reps` dot products xᵀy (f64); 2n flops each. Returns the sum so nothing is optimised away. */
export function benchDotF64(x: usize, y: usize, n: usize, reps: i32): f64 {
  let acc: f64 = 0;
  for (let r = 0; r < reps; r++) acc += dot<f64>(x, y, n);
  return acc;
}

/** `reps` dot products xᵀy (f32). */
export function benchDotF32(x: usize, y: usize, n: usize, reps: i32): f64 {
  let acc: f64 = 0;
  for (let r = 0; r < reps; r++) acc += dot<f32>(x, y, n);
  return acc;
}
