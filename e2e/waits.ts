/**
 * The longest an e2e test waits for Python (Pyodide starting in the page's worker, then the
 * function's run). The page warms its runner as it loads, so a slower start is a regression
 * worth failing on, not a reason to wait longer.
 */
export const PYTHON_WAIT_MS = 15_000;

/** Monaco loading its editor bundle (no Python involved). */
export const EDITOR_WAIT_MS = 30_000;
