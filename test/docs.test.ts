// The API reference (issue 15, finding 9): TypeDoc with the pinned devDependency builds without
// a warning (treatWarningsAsErrors), names its modules by their import specifiers, renders each
// @throws with the error class (a link), and the committed copy under docs/api/ is there for
// README's link.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'svdkit-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('API reference', () => {
  it('builds with no warning; modules are svdkit, svdkit/image, svdkit/worker, svdkit/inline; @throws shows the class', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'docs.mjs'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.stdout + r.stderr).not.toMatch(/warning|error/i);
    expect(r.status).toBe(0);
    const modules = readFileSync(join(out, 'modules.html'), 'utf8');
    for (const name of ['svdkit', 'svdkit/image', 'svdkit/worker', 'svdkit/inline'])
      expect(modules).toContain(`>${name}<`);
    const svd = readFileSync(join(out, 'functions', 'svdkit.svd.html'), 'utf8');
    expect(svd).toMatch(
      /Throws[\s\S]*?<a href="\.\.\/classes\/svdkit\.InvalidMatrixError\.html"[^>]*>InvalidMatrixError<\/a>/,
    );
    const image = readFileSync(join(out, 'functions', 'svdkit_image.compressImage.html'), 'utf8');
    expect(image).toMatch(/Throws[\s\S]*?>InvalidOptionError<\/a>/);
  }, 200_000);

  it('is committed under docs/api/ (README links it) and typedoc is a pinned devDependency', () => {
    expect(existsSync(join(ROOT, 'docs', 'api', 'index.html'))).toBe(true);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/api/index.html)');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.typedoc).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.docs).not.toMatch(/npx/);
  });
});
