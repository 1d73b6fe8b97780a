/**
 * `npm run cli -- <command> [options]`. Commands register in COMMANDS; each lives in its
 * own file under cli/commands. Exit codes: 0 success, 1 unexpected failure, 2 bad usage.
 */
import { UsageError } from "./args";
import type { Command, CommandIo } from "./command";
import { handoffTraceCommand } from "./commands/handoff-trace";
import { apikeyCommand } from "./commands/apikey";
import { simulateCommand } from "./commands/simulate";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { exportHandoffsCommand, importHandoffsCommand } from "./commands/handoffs-yaml";
import { publishCommand } from "./commands/publish";
import { promoteCommand, rollbackCommand } from "./commands/promote";
import { userCommand } from "./commands/user";
import { twilioCommand } from "./commands/twilio";
import { scenariosCommand } from "./commands/scenarios";
import { validateCommand } from "./commands/validate";

const helpCommand: Command = {
  name: "help",
  summary: "List the commands, or show one command's options",
  usage: "Usage: help [command]",
  run(argv, io) {
    const name = argv[0];
    if (name !== undefined) {
      const command = COMMANDS.get(name);
      if (!command) throw new UsageError(`Unknown command "${name}". ${commandList()}`);
      io.out(command.usage + "\n");
      return 0;
    }
    io.out("Usage: npm run cli -- <command> [options]\n\nCommands:\n");
    const width = Math.max(...[...COMMANDS.keys()].map((k) => k.length));
    for (const c of COMMANDS.values()) io.out(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
    io.out("\nRun `help <command>` or `<command> --help` for a command's options.\n");
    return 0;
  },
};

const COMMANDS = new Map<string, Command>(
  [
    helpCommand,
    handoffTraceCommand,
    simulateCommand,
    apikeyCommand,
    exportCommand,
    importCommand,
    exportHandoffsCommand,
    importHandoffsCommand,
    publishCommand,
    promoteCommand,
    rollbackCommand,
    userCommand,
    twilioCommand,
    scenariosCommand,
    validateCommand,
  ].map((c) => [c.name, c]),
);

function commandList(): string {
  return `Commands: ${[...COMMANDS.keys()].join(", ")}`;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined || name === "--help" || name === "-h" ? helpCommand : COMMANDS.get(name);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". ${commandList()}`);
    return await command.run(command === helpCommand && name !== "help" ? [] : rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      if (command && command !== helpCommand) io.err(`Run \`${command.name} --help\` for usage.\n`);
      return 2;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

const io: CommandIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
