/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  // The e2e suite and the CLI build into their own folders so a dev server is never clobbered.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typescript: { ignoreBuildErrors: false },
  // Compression belongs to the reverse proxy in front of a deployment; done here it costs the
  // Node process more CPU per API page than the query itself.
  compress: false,
  // Autosave, import and "Save mine as a copy" send the whole flow to a server action. Flows are
  // at most 32 MB (MAX_FLOW_BYTES in lib/flow/size.ts); React's encoding of the arguments can add
  // up to a quarter (a "$" doubled in every string that starts with one). Over this limit Next
  // answers 500, so the editor checks a flow's size before it sends it.
  // proxy.ts runs before every page and route, and Next buffers the request body for it, cutting
  // it at proxyClientMaxBodySize (10 MB by default): the same 48 MB lets a flow arrive whole.
  experimental: {
    serverActions: { bodySizeLimit: "48mb" },
    proxyClientMaxBodySize: "48mb",
    // forbidden() answers a page a role may not see with 403 and app/forbidden.tsx (auth/viewer.ts).
    authInterrupts: true,
  },
  poweredByHeader: false,
  // On every response, static files included. The Content-Security-Policy is set per response in
  // proxy.ts, because each page carries a fresh script nonce.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          // frame-ancestors 'none' for browsers that predate it.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
