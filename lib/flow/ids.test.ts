import { describe, expect, it } from "vitest";
import { createIdGenerator, randomToken, sequentialTokens } from "./ids";

describe("ids", () => {
  it("uses the injected token source", () => {
    const ids = createIdGenerator(sequentialTokens());
    expect([ids.node("say"), ids.edge(), ids.branch(), ids.rule()]).toEqual(["say_1", "e_2", "br_3", "r_4"]);
  });

  it("skips taken ids", () => {
    const ids = createIdGenerator(sequentialTokens());
    expect(ids.node("listen", new Set(["listen_1", "listen_2"]))).toBe("listen_3");
  });

  it("random tokens are lowercase alphanumeric", () => {
    expect(randomToken()).toMatch(/^[0-9a-z]{10}$/);
    expect(randomToken(4)).toHaveLength(4);
  });
});
