/**
 * `npm run bench` entry: the SVD comparison, orthogonality and reconstruction beside numpy
 * (BENCHMARKS.md between `<!-- bench:accuracy:start -->` and `<!-- bench:accuracy:end -->`), then the kernel GFLOP/s bench and the wasm memory
 * of a 1024×1024 svd (written to bench/results/kernels-*; BENCHMARKS.md between
 * `<!-- bench:kernels:start -->` and `<!-- bench:kernels:end -->` with --update-readme).
 */
import { benchAccuracy } from './accuracy.js';
import { benchKernels } from './kernels.js';
import { save, updateReadme } from './report.js';
import { benchSvd } from './svd.js';

const argv = process.argv.slice(2);
await benchSvd(argv);
const acc = await benchAccuracy(argv);
process.stdout.write('\n' + acc);
if (argv.includes('--update-readme')) updateReadme('accuracy', acc);
const k = await benchKernels(argv);
process.stdout.write('\n' + k.md);
const where = save('kernels', { date: new Date().toISOString(), rows: k.rows, memory: k.memory }, k.md);
process.stderr.write(`wrote ${where}.{json,md}\n`);
if (argv.includes('--update-readme')) updateReadme('kernels', k.md);
