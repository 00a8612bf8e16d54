// The entry of dist/facts.js (esbuild.mjs): the fact extractor, and the compiler it is built on,
// which module resolution (model/modules) takes from here so a CLI run loads TypeScript once.
export { extractFacts, keepTree } from '../facts/index';
export { resolverCompiler } from './resolver-compiler';
