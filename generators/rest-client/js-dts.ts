/**
 * The `js+dts` target: each generated TypeScript file becomes JavaScript
 * (types stripped, `transpileModule`) and a declaration file (TypeScript's
 * isolated declarations, `transpileDeclaration`), as protoc-gen-es's
 * `target=js+dts` does. The generator writes explicit types wherever a
 * declaration needs one, so each file is transpiled on its own, without a
 * program or a type check. TypeScript comes from ts-morph (a dependency).
 */
import { createRequire } from 'node:module';
import type { ts as TypeScript } from 'ts-morph';
import type { GeneratedFile } from '../core/registry.js';

/** `x.ts` → `x.js` + `x.d.ts`; other files unchanged. @throws Error when a declaration cannot be emitted (a generator bug). */
export function toJsAndDeclarations(files: readonly GeneratedFile[]): GeneratedFile[] {
  // loaded only for this target: TypeScript is large, and the default target does not need it
  const { ts } = createRequire(import.meta.url)('ts-morph') as { ts: typeof TypeScript };
  const compilerOptions: TypeScript.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true };
  const out: GeneratedFile[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.ts') || f.path.endsWith('.d.ts')) {
      out.push(f);
      continue;
    }
    const base = f.path.slice(0, -3);
    const js = ts.transpileModule(f.content, { fileName: f.path, compilerOptions });
    // validators.ts (ajv's standalone code) declares only its typed exports, so it emits like the others
    const decl = ts.transpileDeclaration(f.content, { fileName: f.path, compilerOptions, reportDiagnostics: true });
    const problems = (decl.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (problems.length) {
      const first = problems[0]!;
      const where = first.start !== undefined && first.file ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : '?';
      throw new Error(`rest-client (js+dts): cannot emit declarations for ${f.path}:${where}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')} (a contractkit bug; generate with target 'ts' meanwhile).`);
    }
    out.push({ path: `${base}.js`, content: js.outputText });
    out.push({ path: `${base}.d.ts`, content: decl.outputText });
  }
  return out;
}
