import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A web page on another origin: its own little HTTP server on an ephemeral port, reached as
 * `localhost` while the app is on 127.0.0.1, so another site to the browser. Serves whatever
 * HTML (and response headers) the test puts there, at every path.
 */
export class OtherSite {
  private html = "";
  private headers: Record<string, string> = {};
  private readonly server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...this.headers });
    res.end(this.html);
  });

  /** `http://localhost:<port>`, once started. */
  origin = "";

  static async start(): Promise<OtherSite> {
    const site = new OtherSite();
    await new Promise<void>((resolve) => site.server.listen(0, "127.0.0.1", resolve));
    site.origin = `http://localhost:${(site.server.address() as AddressInfo).port}`;
    return site;
  }

  serve(body: string, headers: Record<string, string> = {}) {
    this.html = `<!doctype html><html><head><title>elsewhere</title></head><body>${body}</body></html>`;
    this.headers = headers;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
