/** `npm run bench` entry: the SVD comparison, then the kernel GFLOP/s bench. */
import { benchSvd } from './svd.js';

await benchSvd(process.argv.slice(2));
