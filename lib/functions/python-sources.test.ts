import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { beforeAll, describe, expect, it } from "vitest";
import { CONV_MODULE_SOURCE } from "./conv-module";
import { assembleConvModule, GENERATED_MODULE_FILE, PYTHON_PARTS } from "./python/parts";

const pythonDir = path.join(import.meta.dirname, "python");
const read = (file: string) => readFileSync(path.join(pythonDir, file), "utf8");

describe("the Python sources", () => {
  it(`${GENERATED_MODULE_FILE} is assembled from the current .py files (run npm run gen:python)`, () => {
    expect(CONV_MODULE_SOURCE).toBe(assembleConvModule(read));
  });

  it("lists every .py file in the folder, once", () => {
    const onDisk = readdirSync(pythonDir)
      .filter((f) => f.endsWith(".py"))
      .sort();
    expect([...PYTHON_PARTS].sort()).toEqual(onDisk);
  });

  describe("compile with the Python that Pyodide runs", () => {
    let compile: (source: string, name: string) => string | null;
    beforeAll(async () => {
      // As in node/thread.mjs: name Pyodide's folder, its stack-frame guess fails under source maps.
      const indexURL = `${path.dirname(createRequire(import.meta.url).resolve("pyodide/pyodide.mjs"))}${path.sep}`;
      const pyodide = await loadPyodide({ indexURL });
      const check = pyodide.runPython(
        [
          "def _check(src, name):",
          "    try:",
          "        compile(src, name, 'exec')",
          "        return None",
          "    except SyntaxError as e:",
          "        return '%s:%s: %s' % (name, e.lineno, e.msg)",
          "_check",
        ].join("\n"),
      );
      compile = (source, name) => check(source, name) ?? null;
    }, 30_000);

    it.each(PYTHON_PARTS)("%s", (file) => {
      expect(compile(read(file), file)).toBeNull();
    });

    it("the assembled module", () => {
      expect(compile(CONV_MODULE_SOURCE, "switchboard.py")).toBeNull();
    });

    it("reports a syntax error (the check can fail)", () => {
      expect(compile("def f(:\n    pass\n", "broken.py")).toMatch(/^broken\.py:1: /);
    });
  });
});
