// README's ```ts blocks, verbatim, as TypeScript modules for the consumer type test
// (test/types.test.ts). Names a block uses without defining them (A, x, W…) are declared first
// with the type a reader would have; the block's text itself is never changed.
// Run directly: `node scripts/readme-snippets.mjs <outDir>` writes readme-<line>.ts files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Free names README's snippets use, with the declaration a reader's program would have. */
export const FREE_NAMES = {
  A: 'declare const A: number[][];',
  a: 'declare const a: number[][];',
  b: 'declare const b: number[];',
  big: 'declare const big: { rows: number; cols: number; data: Float32Array };',
  symmetricMatrix: 'declare const symmetricMatrix: number[][];',
  gradedSPD: 'declare const gradedSPD: number[][];',
  x: 'declare const x: number[];',
  W: 'declare const W: { rows: number; cols: number; data: Float32Array };',
  S: 'declare const S: Float64Array;',
  imageData: 'declare const imageData: { width: number; height: number; data: Uint8ClampedArray };',
};

/** The ```ts blocks of a markdown text: their first line number and code. */
export function tsBlocks(markdown) {
  const out = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && lines[j].trim() !== '```') j++;
    out.push({ line: start + 1, code: lines.slice(start, j).join('\n') });
    i = j;
  }
  return out;
}

/**
 * A block as a module: declarations of the free names it uses, an import of the svdkit exports
 * it uses without importing them (a block that continues an earlier one), then the block verbatim.
 * @param libraryNames the value exports of 'svdkit'.
 */
export function asModule(code, libraryNames = []) {
  const uses = (name) => new RegExp(`(^|[^.\\w$])${name}\\b`).test(code);
  const defined = (name) =>
    new RegExp(`(const|let|var|function|class)\\s+(\\{[^}]*)?\\b${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(code);
  const decls = Object.entries(FREE_NAMES)
    .filter(([name]) => uses(name) && !defined(name))
    .map(([, d]) => d);
  const imports = libraryNames.filter((name) => uses(name) && !defined(name) && !(name in FREE_NAMES));
  if (imports.length > 0) decls.unshift(`import { ${imports.join(', ')} } from 'svdkit';`);
  return `${decls.join('\n')}\n${code}\nexport {};\n`;
}

/** Writes every block of `markdown` as readme-<line>.ts into outDir; returns the file paths. */
export function writeSnippets(markdown, outDir, libraryNames = []) {
  mkdirSync(outDir, { recursive: true });
  return tsBlocks(markdown).map((b) => {
    const file = join(outDir, `readme-${b.line}.ts`);
    writeFileSync(file, asModule(b.code, libraryNames));
    return file;
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const names = Object.keys(await import('../dist/index.js'));
  const md = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const f of writeSnippets(md, process.argv[2] ?? 'readme-snippets', names)) console.log(f);
}
