import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { destinationInputSchema } from "../handoffs/schema";
import { parseSipMessage } from "./parse";
import { classifyRoute, routeError } from "./route";
import { serializeSipMessage } from "./serialize";
import { hostileRoute as route } from "./testing/hostile-routes";
import { expectedHeaderNames, headerNames, input, run } from "./testing/ladders";

const require = createRequire(import.meta.url);
const Grammar = require("jssip/lib/Grammar") as { parse(input: string, rule: string): unknown };

/** C0 (with HTAB: no route carries one), DEL, C1, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const BREAKS_LINES = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const HEADER_LINE = /^[A-Za-z0-9\-.!%*_+`'~]+: /;

describe("property: no route can break a message", () => {
  it("a route is refused (by the rules, the form and the API schema alike) or every message built from it is clean", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        route,
        fc.constantFrom("refer", "invite" as const),
        fc.constantFrom("request", "refer-to-uri", "both" as const),
        fc.boolean(),
        (r, method, placement, soft) => {
          const error = routeError(r);
          expect(error === null).toBe(classifyRoute(r) !== null);
          const parsed = destinationInputSchema.safeParse({ name: "D", method, route: r });
          expect(parsed.success).toBe(error === null);
          if (error !== null) return;
          accepted += 1;
          const steps = run(input({ soft }, { method, route: r, referHeaderPlacement: placement, sipHeaders: [] })).sip;
          for (const s of steps) {
            const head = s.raw.slice(0, s.raw.indexOf("\r\n\r\n"));
            const lines = head.split("\r\n");
            for (const line of lines) expect(BREAKS_LINES.test(line), JSON.stringify(line)).toBe(false);
            for (const line of lines.slice(1)) expect(line).toMatch(HEADER_LINE);
            expect(headerNames(s.model)).toEqual(
              expectedHeaderNames(s, {
                method: soft ? "refer" : method,
                placement,
                handoffNames: ["X-Handoff-Reason"],
              }),
            );
            expect(serializeSipMessage(parseSipMessage(s.raw))).toBe(s.raw);
            for (const h of s.model.headers) {
              if (h.name === "Refer-To") expect(Grammar.parse(h.value, "Refer_To"), h.value).not.toBe(-1);
              if (h.name === "To") expect(Grammar.parse(h.value, "To"), h.value).not.toBe(-1);
            }
          }
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
    // The generator must reach the engine, or the property says nothing.
    expect(accepted).toBeGreaterThan(250);
  });
});
