"use client";

import { loader } from "@monaco-editor/react";

export type Monaco = typeof import("./monaco-entry");

let loading: Promise<Monaco> | null = null;

/**
 * Loads Monaco from the installed `monaco-editor` (never a CDN) and hands it to
 * @monaco-editor/react. Browser only: Monaco touches `window` when imported, which would break
 * prerendering, so it is imported here on first use rather than at the top of a module.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: () =>
        new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
          type: "module",
          name: "monaco-editor",
        }),
    };
    const monaco = await import("./monaco-entry");
    loader.config({ monaco });
    return monaco;
  })();
  return loading;
}
