import { describe, expect, it } from "vitest";
import { defaultAllowedHosts } from "./hosts";
import { checkRequest, isJsonRoute } from "./request-guard";

const HOST = "127.0.0.1:3106";
const allowed = defaultAllowedHosts({ port: "3106", listenHost: "127.0.0.1" });
const SAVE = "/agents/ag_1/flows/fl_1/save";

function check(method: string, path: string, headers: Record<string, string>) {
  const h = new Headers({ host: HOST, ...headers });
  return checkRequest({ method, path, headers: h }, allowed);
}

const json = { "content-type": "application/json", "content-length": "12" };

describe("checkRequest", () => {
  it("lets same-origin writes through: the save route, the API, a server action", () => {
    expect(check("POST", SAVE, { origin: `http://${HOST}`, ...json })).toBeNull();
    expect(check("PATCH", "/api/v1/agents/a/handoffs/h", { origin: `http://${HOST}`, ...json })).toBeNull();
    const action = { origin: `http://${HOST}`, "next-action": "abc", "content-type": "text/plain;charset=UTF-8" };
    expect(check("POST", "/agents/ag_1/flows/fl_1", { ...action, "content-length": "40" })).toBeNull();
  });

  it("refuses a foreign Origin on every write, server actions included", () => {
    const writes: [string, string][] = [
      ["POST", SAVE],
      ["POST", "/agents/ag_1/flows/fl_1"],
      ["PUT", "/api/v1/agents/a/handoffs/h"],
      ["DELETE", "/api/v1/agents/a/handoffs/h"],
    ];
    for (const [method, path] of writes) {
      const refusal = check(method, path, { origin: "http://evil.example:8080", ...json });
      expect(refusal?.status, `${method} ${path}`).toBe(403);
      expect(refusal?.message).toContain("Origin http://evil.example:8080 is not this server");
    }
  });

  it("refuses another port of the same host and an opaque origin", () => {
    expect(check("POST", SAVE, { origin: "http://127.0.0.1:3107", ...json })?.status).toBe(403);
    // The scheme is not compared: behind a TLS-terminating proxy the page is https, the hop http.
    expect(check("POST", SAVE, { origin: "https://127.0.0.1:3106", ...json })).toBeNull();
    expect(check("POST", SAVE, { origin: "null", ...json })?.message).toContain("opaque origin");
  });

  it("refuses a forged Host even when Origin matches it (DNS rebinding)", () => {
    const refusal = check("POST", SAVE, {
      host: "rebind.evil.example:3106",
      origin: "http://rebind.evil.example:3106",
    });
    expect(refusal).toMatchObject({ status: 403, code: "forbidden" });
    expect(refusal?.message).toContain('host "rebind.evil.example:3106"');
    expect(refusal?.message).toContain("SWITCHBOARD_ALLOWED_HOSTS");
    // Reads too: a rebound page could otherwise read flows and functions.
    expect(check("GET", "/agents/ag_1/flows", { host: "rebind.evil.example:3106" })?.status).toBe(403);
  });

  it("refuses text/plain and form bodies on JSON routes with 415, even same-origin", () => {
    for (const type of [
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const refusal = check("POST", SAVE, { origin: `http://${HOST}`, "content-type": type, "content-length": "9" });
      expect(refusal, type).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    expect(check("PATCH", "/api/v1/agents/a/handoffs/h", { "content-length": "2" })?.message).toContain("got none");
    expect(
      check("POST", SAVE, { "content-type": "Application/JSON; charset=utf-8", "content-length": "2" }),
    ).toBeNull();
  });

  it("lets a bodiless API write through without a Content-Type", () => {
    expect(check("POST", "/api/v1/agents/a/handoffs/h/default", { authorization: "Bearer sk_x" })).toBeNull();
    expect(check("DELETE", "/api/v1/agents/a/handoffs/h", { authorization: "Bearer sk_x" })).toBeNull();
  });

  it("lets scripts write with a Bearer key and no Origin (curl, the benchmarks)", () => {
    expect(check("POST", "/api/v1/agents/a/handoffs", { authorization: "Bearer sk_x", ...json })).toBeNull();
  });

  it("falls back to Sec-Fetch-Site, then Referer, when Origin is missing", () => {
    expect(check("POST", SAVE, { "sec-fetch-site": "cross-site", ...json })?.status).toBe(403);
    expect(check("POST", SAVE, { "sec-fetch-site": "same-site", ...json })?.status).toBe(403);
    expect(check("POST", SAVE, { "sec-fetch-site": "same-origin", ...json })).toBeNull();
    expect(check("POST", SAVE, { referer: "http://evil.example/page", ...json })?.message).toContain("Referer");
    expect(check("POST", SAVE, { referer: `http://${HOST}/agents/ag_1/flows/fl_1`, ...json })).toBeNull();
  });

  it("lets Twilio's form POSTs reach /voice/* on the public host (the signature guards them), and nowhere else", () => {
    const twilio = {
      host: "voice.acme.example",
      "content-type": "application/x-www-form-urlencoded",
      "content-length": "80",
      "x-twilio-signature": "abc=",
    };
    const h = (path: string) => checkRequest({ method: "POST", path, headers: new Headers(twilio) }, allowed);
    expect(h("/voice/call")).toBeNull();
    expect(h("/voice/gather")).toBeNull();
    expect(h("/agents/ag_1/flows/fl_1")?.status).toBe(403);
    expect(h("/api/v1/agents")?.status).toBe(403);
  });

  it("does not check the origin of reads", () => {
    expect(check("GET", "/agents/ag_1/flows", { origin: "http://evil.example" })).toBeNull();
    expect(check("HEAD", "/api/v1/openapi.json", { "sec-fetch-site": "cross-site" })).toBeNull();
  });
});

describe("isJsonRoute", () => {
  it("is the API, the keepalive save route and agent import", () => {
    expect(isJsonRoute("/api/v1/agents")).toBe(true);
    expect(isJsonRoute(SAVE)).toBe(true);
    expect(isJsonRoute(`${SAVE}/`)).toBe(true);
    expect(isJsonRoute("/agents/ag_1/import")).toBe(true);
    expect(isJsonRoute("/agents/ag_1/flows/fl_1")).toBe(false);
    expect(isJsonRoute("/apiary")).toBe(false);
  });
});
