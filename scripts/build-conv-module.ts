// Assembles lib/functions/python/*.py into the TypeScript module every Python host imports.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assembleConvModule, GENERATED_MODULE_FILE, generatedModuleFile } from "../lib/functions/python/parts";

const functionsDir = path.join(import.meta.dirname, "..", "lib", "functions");
const source = assembleConvModule((file) => readFileSync(path.join(functionsDir, "python", file), "utf8"));
const target = path.join(functionsDir, GENERATED_MODULE_FILE);
const text = generatedModuleFile(source);

let current = "";
try {
  current = readFileSync(target, "utf8");
} catch {
  // first run: nothing generated yet
}
if (current !== text) {
  writeFileSync(target, text);
  console.log(`gen:python: wrote lib/functions/${GENERATED_MODULE_FILE}`);
}
