/**
 * The Content-Security-Policy the app runs under (the e2e suite fails on any violation).
 *
 * - Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic':
 *   Next's chunks, Monaco). No inline script without the nonce, no eval in production.
 * - 'wasm-unsafe-eval' lets Pyodide compile WebAssembly; it allows no JavaScript eval. A worker
 *   started from a blob: URL inherits this policy, so it must hold there too.
 * - Styles: 'unsafe-inline', because nonces cannot cover what the app needs: server-rendered
 *   `style` attributes (React Flow positions every node with one) and the <style> elements Monaco
 *   inserts at run time. A nonce in style-src would also switch 'unsafe-inline' off.
 * - Workers: Monaco's and the Python worker are same-origin scripts; blob: for bundler-made workers.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build reconstructs server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and other non-page responses load nothing and may not be framed. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** 128 random bits, base64: unguessable, fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
