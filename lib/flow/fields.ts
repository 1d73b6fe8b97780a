import { z } from "zod";
import { VARIABLE_NAME } from "../variables/variables";
import { nodeProblem, type NodeLintContext, type Problem } from "./problems";

/** Shared field schemas and checks used by several node kinds. */

export const MAX_TEXT = 2000;
export const MAX_ITEMS = 100;

export const textSchema = z.string().max(MAX_TEXT, `At most ${MAX_TEXT} characters`);
/** Optional utterances are stored as "" (no undefined) so forms and JSON round trips stay simple. */
export const optionalTextSchema = textSchema.default("");
export const MAX_TITLE = 80;
/** `data.title` of every kind (see titles.ts); optional so flows stored before titles existed still parse. */
export const titleSchema = z.string().max(MAX_TITLE, `Titles are at most ${MAX_TITLE} characters`).optional();

/** A default title: the kind's label, then what the node is about when it says anything yet. */
export function kindTitle(label: string, about: string): string {
  const t = about.replace(/\s+/g, " ").trim();
  if (t === "") return label;
  return `${label}: ${t.length <= 40 ? t : `${t.slice(0, 39)}…`}`;
}

/** `$tier, $vip`: each named variable once, blanks left out (for default titles). */
export function variableList(names: readonly string[]): string {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ""))].map((n) => `$${n}`).join(", ");
}

export const itemIdSchema = z.string().min(1, "Enter an id").max(64);

/** Variable names are stored bare (`tier`), as conv.state keys, never with the `$`. */
export function variableNameProblem(ctx: NodeLintContext, name: string, path: string): Problem | null {
  if (VARIABLE_NAME.test(name)) return null;
  const message =
    name.trim() === ""
      ? "Enter a variable name"
      : name.startsWith("$") && VARIABLE_NAME.test(name.slice(1))
        ? `Write the variable name without the $: ${name.slice(1)}`
        : `"${name}" is not a variable name: use letters, digits and _, not starting with a digit`;
  return nodeProblem(ctx, "invalid-variable-name", "error", message, path);
}

export function unknownFunctionProblem(ctx: NodeLintContext, name: string, path: string): Problem | null {
  if (ctx.functionsByName.has(name)) return null;
  const message = name.trim() === "" ? "Choose a function" : `Unknown function ${name}: it was renamed or deleted`;
  return nodeProblem(ctx, "unknown-function", "error", message, path);
}

export function compact<T>(items: readonly (T | null)[]): T[] {
  return items.filter((x): x is T => x !== null);
}
