// `npm run docs`: the API reference into docs/api/ with the pinned typedoc devDependency.
// typedoc needs the TypeScript compiler API, which TypeScript 7 (the repo's `typescript`, a
// native binary) does not have; the package.json override lets typedoc install beside it and
// the resolve hook below hands typedoc the `typescript5` alias (TypeScript 5.9) instead.
// Warnings fail the run (typedoc.json: treatWarningsAsErrors).
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/typedoc/')) {
    return next('typescript5', context);
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, pathToFileURL('./'));
// typedoc's bin forks dist/cli.js (losing the hook); run that file in this process instead.
await import(new URL('../node_modules/typedoc/dist/cli.js', import.meta.url).href);
