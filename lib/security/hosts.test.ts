import { describe, expect, it } from "vitest";
import { defaultAllowedHosts, isAllowedHost, parseAllowedHosts, parseHostHeader } from "./hosts";

describe("parseHostHeader", () => {
  it("splits host and port, lowercases, keeps IPv6 brackets", () => {
    expect(parseHostHeader("LocalHost:3000")).toEqual({ hostname: "localhost", port: "3000" });
    expect(parseHostHeader("example.com")).toEqual({ hostname: "example.com", port: null });
    expect(parseHostHeader("[::1]:3106")).toEqual({ hostname: "[::1]", port: "3106" });
    expect(parseHostHeader("example.com.:80")).toEqual({ hostname: "example.com", port: "80" });
  });

  it("refuses what is not a host", () => {
    for (const bad of ["", ":3000", "a b", "evil.com@localhost", "x:99999", "x:3000:1", "[::1", "http://x", "x/y"]) {
      expect(parseHostHeader(bad), bad).toBeNull();
    }
  });
});

describe("parseAllowedHosts", () => {
  it("reads comma-separated host[:port], forgiving a pasted URL", () => {
    const { hosts, invalid } = parseAllowedHosts(" sb.example.com , 10.0.0.5:3000,https://a.example/ ,, bad host ");
    expect(hosts).toEqual([
      { hostname: "sb.example.com", port: null },
      { hostname: "10.0.0.5", port: "3000" },
      { hostname: "a.example", port: null },
    ]);
    expect(invalid).toEqual(["bad host"]);
  });
});

describe("defaultAllowedHosts", () => {
  it("is loopback and the listening host on the listening port", () => {
    const hosts = defaultAllowedHosts({ port: "3106", listenHost: "127.0.0.1" });
    expect(hosts).toEqual([
      { hostname: "localhost", port: "3106" },
      { hostname: "127.0.0.1", port: "3106" },
      { hostname: "[::1]", port: "3106" },
    ]);
  });

  it("adds every interface address and the machine name when bound to all interfaces", () => {
    const hosts = defaultAllowedHosts({
      port: "3000",
      listenHost: "0.0.0.0",
      interfaceAddresses: ["127.0.0.1", "192.168.1.20", "fe80::1"],
      machineName: "Build-Box",
    });
    expect(hosts.map((h) => `${h.hostname}:${h.port}`)).toEqual([
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      "192.168.1.20:3000",
      "[fe80::1]:3000",
      "build-box:3000",
    ]);
  });
});

describe("isAllowedHost", () => {
  const allowed = [...defaultAllowedHosts({ port: "3000" }), { hostname: "sb.example.com", port: null }];

  it("accepts listed names on their port, and any port where none is listed", () => {
    expect(isAllowedHost("localhost:3000", allowed)).toBe(true);
    expect(isAllowedHost("[::1]:3000", allowed)).toBe(true);
    expect(isAllowedHost("sb.example.com", allowed)).toBe(true);
    expect(isAllowedHost("sb.example.com:8443", allowed)).toBe(true);
  });

  it("refuses other names, other ports and a missing Host", () => {
    expect(isAllowedHost("evil.example:3000", allowed)).toBe(false);
    expect(isAllowedHost("localhost:3001", allowed)).toBe(false);
    expect(isAllowedHost("localhost", allowed)).toBe(false);
    expect(isAllowedHost(null, allowed)).toBe(false);
    expect(isAllowedHost("", allowed)).toBe(false);
  });
});
