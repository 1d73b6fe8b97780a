// Pyodide cannot be bundled: its runtime files are served as static assets from our own origin.
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

const FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const from = path.join("node_modules", "pyodide");
const to = path.join("public", "pyodide");

mkdirSync(to, { recursive: true });
for (const file of FILES) {
  const src = path.join(from, file);
  if (!existsSync(src)) {
    console.error(`copy-pyodide: ${src} is missing; run npm install`);
    process.exit(1);
  }
  const dest = path.join(to, file);
  if (existsSync(dest) && statSync(dest).size === statSync(src).size) continue;
  copyFileSync(src, dest);
}
