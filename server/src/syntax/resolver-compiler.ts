// The parts of the TypeScript compiler that module resolution (model/modules) asks: reading a
// tsconfig as the compiler does, and resolving an import. Named one by one rather than handed over
// as the whole `ts` namespace, so the bundles keep only the compiler code these and the parser
// reach (esbuild.mjs drops the rest: the checker, the emitter, the language service).
import { ts } from 'ts-morph';

export const resolverCompiler = {
  readConfigFile: ts.readConfigFile,
  parseJsonConfigFileContent: ts.parseJsonConfigFileContent,
  flattenDiagnosticMessageText: ts.flattenDiagnosticMessageText,
  createModuleResolutionCache: ts.createModuleResolutionCache,
  getImpliedNodeFormatForFile: ts.getImpliedNodeFormatForFile,
  resolveModuleName: ts.resolveModuleName,
  ModuleKind: ts.ModuleKind,
  ModuleResolutionKind: ts.ModuleResolutionKind,
};
