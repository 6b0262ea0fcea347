// Loads a self-contained TypeScript module of src/ in node: transpiled with the TypeScript compiler
// the build uses (no bundler, no browser), written to a temporary .mjs and imported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

export async function importTs(name) {
  const { outputText } = ts.transpileModule(readFileSync(join(src, name), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'ostrom-portal-ts-'));
  const file = join(dir, name.replace(/\.ts$/, '.mjs'));
  writeFileSync(file, outputText);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
