// Bundles the command line into one file, dist/cli/main.js, with its image codecs (fast-png,
// jpeg-js and their dependencies, devDependencies of svdkit) inlined, so a user of the library
// installs no runtime dependency and `npx svdkit …` still works. The library itself stays
// external: the CLI imports dist/index.js, dist/image/index.js… as the package's own modules, so
// the wasm files are found beside them and nothing is shipped twice. Runs after tsc; the other
// tsc outputs of src/cli are removed (nothing imports them). The bundled packages' licences are
// written beside it.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src'),
  cli = join(src, 'cli'),
  outDir = join(root, 'dist', 'cli');

/** Imports of library modules (src/ outside src/cli/) stay imports of the compiled dist/ files. */
const libraryExternal = {
  name: 'svdkit-library-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!target.startsWith(src + sep) || target.startsWith(cli + sep)) return undefined;
      const path = relative(outDir, join(root, 'dist', relative(src, target)))
        .split(sep)
        .join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

for (const entry of readdirSync(outDir)) rmSync(join(outDir, entry), { recursive: true, force: true });
const result = await build({
  entryPoints: [join(cli, 'main.ts')],
  outfile: join(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  sourcesContent: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // jpeg-js is CommonJS; give its require() calls a real require in this ES module.
  banner: {
    js: "import { createRequire as __svdkitCreateRequire } from 'node:module';\nconst require = __svdkitCreateRequire(import.meta.url);",
  },
  plugins: [libraryExternal],
  metafile: true,
});

// The bundled packages' licences travel with their code: dist/cli/THIRD-PARTY-LICENSES.txt.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file || !existsSync(join(dir, file))) throw new Error(`bundle-cli: ${name} ships no licence file`);
  return `${name}@${pkg.version} (${pkg.license})\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
});
writeFileSync(
  join(outDir, 'THIRD-PARTY-LICENSES.txt'),
  "svdkit's command line (dist/cli/main.js) bundles these packages:\n\n" + notices.join('\n' + '-'.repeat(72) + '\n\n'),
);
