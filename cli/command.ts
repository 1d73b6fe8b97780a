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
