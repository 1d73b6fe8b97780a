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
};

export default nextConfig;
