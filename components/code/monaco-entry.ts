// The Monaco build this app uses: the core editor API, every editor feature (suggest, hover,
// find, folding…) and only the Python language — not the TypeScript/CSS/HTML/JSON services or
// the LSP client that `import "monaco-editor"` pulls in. Loaded only in the browser (load-monaco.ts).
import "monaco-editor/features/register.all.js";
import "monaco-editor/languages/definitions/python/register.js";

export * from "monaco-editor/editor/editor.api.js";
