import { describe, expect, it } from "vitest";
import { safeReturnPath, signInUrl } from "./return-path";
import { can, forbiddenMessage, PERMISSIONS, ROLES, rolesWithout } from "./roles";
import { clientAddress } from "./client-address";
import { newUserSchema } from "./schemas";

describe("the return path after sign-in", () => {
  it.each([
    ["/agents/agt_1/flows?x=1#n", "/agents/agt_1/flows?x=1#n"],
    ["/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["agents", "/"],
    ["/a\nb", "/"],
    ["/a\u2028b", "/"],
    ["/sign-in?next=/x", "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    [42, "/"],
    [undefined, "/"],
  ])("%j → %j", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it("builds the sign-in link", () => {
    expect(signInUrl("/agents/a?b=1")).toBe("/sign-in?next=%2Fagents%2Fa%3Fb%3D1");
    expect(signInUrl("//evil")).toBe("/sign-in");
  });
});

describe("roles", () => {
  it("follow the design's table", () => {
    const may = (p: keyof typeof PERMISSIONS) => ROLES.filter((r) => can(r, p));
    expect(may("members.manage")).toEqual(["admin"]);
    expect(may("promote")).toEqual(["admin"]);
    expect(may("functions.edit")).toEqual(["admin", "developer"]);
    expect(may("publish")).toEqual(["admin", "developer"]);
    expect(may("flows.edit")).toEqual(["admin", "developer", "designer"]);
    expect(may("destinations.edit")).toEqual(["admin", "developer", "designer"]);
    expect(may("simulate")).toEqual(ROLES);
    expect(may("review")).toEqual(ROLES);
    expect(may("scenarios.edit")).toEqual(["admin", "developer", "qa"]);
    // Admins may do everything.
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("admin", p)).toBe(true);
    expect(rolesWithout("view")).toEqual([]);
  });

  it("say who may, when refusing", () => {
    expect(forbiddenMessage("qa", "destinations.edit")).toBe(
      "Your role (QA) may not add, edit and delete handoff destinations; ask an admin (allowed: Admin, Developer, Designer)",
    );
  });
});

describe("member input", () => {
  it("normalises the email and explains each problem", () => {
    const ok = newUserSchema.safeParse({ email: " Ada@Example.COM ", name: " Ada ", password: "12345678", role: "qa" });
    expect(ok.success && ok.data).toMatchObject({ email: "ada@example.com", name: "Ada" });
    const bad = newUserSchema.safeParse({ email: "x", name: "", password: "1", role: "boss" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name", "password", "role"]);
  });
});

describe("the client address for sign-in limits", () => {
  it("comes from the server's header, else X-Forwarded-For's last hop", () => {
    expect(
      clientAddress(new Headers({ "x-switchboard-client-address": "10.0.0.1", "x-forwarded-for": "1.1.1.1" })),
    ).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientAddress(new Headers())).toBeNull();
  });
});
