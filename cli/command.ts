import { parseOptions, UsageError, type OptionSpec, type OptionValues } from "./args";

/** Where a command writes; the dispatcher passes the process streams, tests may pass buffers. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** One `npm run cli -- <name>` command. Throw UsageError for bad input (exit code 2). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIo): number | Promise<number>;
}

/** One option, declared once: how it parses and what `--help` says about it. */
export interface CommandOption extends OptionSpec {
  /** The value's placeholder in `--help` (`<id or name>`); none for a flag. */
  value?: string;
  /** The `--help` text; a line break continues it on the next line, aligned. */
  help: string;
}

export interface CommandDefinition {
  name: string;
  summary: string;
  /** The usage line after the command's name: `--agent <id or name> [options]`. */
  synopsis: string;
  /** What the command does, printed under the usage line. */
  about: string;
  /** Sub-commands taken as the first argument (`apikey create`). */
  subcommands?: readonly string[];
  /** Every command also takes `-h, --help`. */
  options: Record<string, CommandOption>;
  /** Printed after the options (exit codes). */
  notes?: string;
  run(
    values: OptionValues,
    io: CommandIo,
    context: { argv: readonly string[]; subcommand?: string },
  ): number | Promise<number>;
}

const HELP: CommandOption = { type: "boolean", short: "h", help: "show this help" };

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** The `--help` text: usage line, what the command does, options in aligned columns, notes. */
export function usageText(def: Omit<CommandDefinition, "run" | "summary">): string {
  const rows = Object.entries({ ...def.options, help: HELP }).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`,
    o.help,
  ]);
  const width = Math.max(...rows.map(([flag]) => flag!.length));
  const options = rows.map(
    ([flag, help]) => `  ${flag!.padEnd(width)}  ${help!.split("\n").join(`\n${" ".repeat(width + 4)}`)}`,
  );
  return [`Usage: ${def.name} ${def.synopsis}`, def.about, `Options:\n${options.join("\n")}`, def.notes]
    .filter((part) => part !== undefined && part !== "")
    .join("\n\n");
}

/**
 * A command from its definition: the options parse strictly (unknown ones are usage errors),
 * `-h`/`--help` prints the usage text, and sub-commands are checked before the options.
 */
export function defineCommand(def: CommandDefinition): Command {
  const usage = usageText(def);
  const spec: Record<string, OptionSpec> = {};
  // node:util parseArgs refuses keys that are present but undefined.
  for (const [name, { type, multiple, short }] of Object.entries({ ...def.options, help: HELP }))
    spec[name] = { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) };
  return {
    name: def.name,
    summary: def.summary,
    usage,
    run(argv, io) {
      let rest: readonly string[] = argv;
      let subcommand: string | undefined;
      if (def.subcommands) {
        const [first, ...after] = argv;
        const subs = def.subcommands;
        if (first === undefined) throw new UsageError(`Say what to do: ${orList(subs.map((s) => `${def.name} ${s}`))}`);
        if (first === "--help" || first === "-h" || first === "help") {
          io.out(usage + "\n");
          return 0;
        }
        if (!subs.includes(first)) throw new UsageError(`Unknown ${def.name} command "${first}" (${orList(subs)})`);
        subcommand = first;
        rest = after;
      }
      const values = parseOptions(rest, spec);
      if (values.help === true) {
        io.out(usage + "\n");
        return 0;
      }
      return def.run(values, io, { argv: rest, subcommand });
    },
  };
}
