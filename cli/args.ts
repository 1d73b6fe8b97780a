import { parseArgs } from "node:util";

/** Bad command-line input: the dispatcher prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * node:util parseArgs in strict mode, with its errors reworded: its own messages mention
 * internals ("place it at the end of the command after '--'") that do not help here.
 */
export function parseOptions(argv: readonly string[], options: Record<string, OptionSpec>): OptionValues {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as OptionValues;
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    const message = e instanceof Error ? e.message : String(e);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const name = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`Unknown option ${name}`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const arg = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`Unexpected argument "${arg}" (options take the form --name value)`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(message.replace(/\.$/, ""));
    throw e;
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function requiredString(values: OptionValues, name: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v.trim() === "") throw new UsageError(`Missing --${name}`);
  return v;
}

export function stringList(values: OptionValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}
