import { describe, expect, it } from "vitest";
import { UsageError } from "./args";
import { defineCommand, orList, type CommandIo } from "./command";

function buffers(): CommandIo & { stdout: string } {
  const io = { stdout: "", out: (t: string) => void (io.stdout += t), err: () => undefined };
  return io;
}

const ran: unknown[] = [];
const demo = defineCommand({
  name: "demo",
  summary: "A command for the tests",
  synopsis: "--agent <id> [options]",
  about: "Does nothing useful.",
  options: {
    agent: { type: "string", value: "<id>", help: "the agent" },
    var: { type: "string", multiple: true, value: "<name=value>", help: "a variable\nrepeatable" },
    json: { type: "boolean", help: "print JSON" },
  },
  notes: "Exit codes: 0.",
  run(values, _io, context) {
    ran.push({ values, context });
    return 0;
  },
});

describe("defineCommand", () => {
  it("writes the help from the options: aligned columns, continued lines, -h last, notes after", () => {
    expect(demo.usage).toBe(
      [
        "Usage: demo --agent <id> [options]",
        "",
        "Does nothing useful.",
        "",
        "Options:",
        "  --agent <id>        the agent",
        "  --var <name=value>  a variable",
        "                      repeatable",
        "  --json              print JSON",
        "  -h, --help          show this help",
        "",
        "Exit codes: 0.",
      ].join("\n"),
    );
  });

  it("prints the help for --help and -h without running", async () => {
    ran.length = 0;
    for (const flag of ["--help", "-h"]) {
      const io = buffers();
      expect(await demo.run(["--agent", "a", flag], io)).toBe(0);
      expect(io.stdout).toBe(demo.usage + "\n");
    }
    expect(ran).toEqual([]);
  });

  it("parses the declared options strictly", async () => {
    ran.length = 0;
    expect(await demo.run(["--agent", "a", "--var", "x=1", "--var", "y=2", "--json"], buffers())).toBe(0);
    expect(ran).toEqual([
      {
        values: { agent: "a", var: ["x=1", "y=2"], json: true },
        context: { argv: ["--agent", "a", "--var", "x=1", "--var", "y=2", "--json"], subcommand: undefined },
      },
    ]);
    expect(() => demo.run(["--bogus"], buffers())).toThrow(new UsageError("Unknown option --bogus"));
  });

  it("takes a sub-command first and names the choices when it is missing or unknown", async () => {
    const seen: (string | undefined)[] = [];
    const keys = defineCommand({
      name: "keys",
      summary: "",
      synopsis: "<create|list> [options]",
      about: "",
      subcommands: ["create", "list"],
      options: { name: { type: "string", value: "<name>", help: "a name" } },
      run: (_values, _io, { subcommand }) => (seen.push(subcommand), 0),
    });
    expect(await keys.run(["create", "--name", "ci"], buffers())).toBe(0);
    expect(seen).toEqual(["create"]);
    expect(() => keys.run([], buffers())).toThrow("Say what to do: keys create or keys list");
    expect(() => keys.run(["rotate"], buffers())).toThrow('Unknown keys command "rotate" (create or list)');
    const io = buffers();
    expect(await keys.run(["help"], io)).toBe(0);
    expect(io.stdout).toBe(`${keys.usage}\n`);
    expect(keys.usage).toContain("  --name <name>  a name\n  -h, --help     show this help");
  });
});

describe("orList", () => {
  it("joins with commas and a final or", () => {
    expect(orList([])).toBe("");
    expect(orList(["a"])).toBe("a");
    expect(orList(["a", "b"])).toBe("a or b");
    expect(orList(["create", "list", "revoke"])).toBe("create, list or revoke");
  });
});
