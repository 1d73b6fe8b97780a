import { z } from "zod";

export const MAX_FUNCTION_NAME_LENGTH = 64;
export const MAX_FUNCTION_DESCRIPTION_LENGTH = 500;
export const MAX_FUNCTION_CODE_LENGTH = 100_000;

/** Python's hard keywords (3.14): never a function name. Soft keywords (match, case, type, _) are fine. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Error text for a function name, or null when it is a usable Python identifier. */
export function functionNameError(name: string): string | null {
  if (name === "") return "Enter a name";
  if (name.length > MAX_FUNCTION_NAME_LENGTH) return `Names are at most ${MAX_FUNCTION_NAME_LENGTH} characters`;
  if (/^[0-9]/.test(name)) return "Python names cannot start with a digit";
  if (!IDENTIFIER.test(name)) {
    const bad = [...name].find((c) => !/[A-Za-z0-9_]/.test(c));
    return `Use letters, digits and _ only (a Python identifier); this one contains ${bad === " " ? "a space" : `"${bad}"`}`;
  }
  if (PYTHON_KEYWORDS.has(name)) return `${name} is a Python keyword; choose another name`;
  return null;
}

const nameSchema = z
  .string({ error: "Enter a name" })
  .transform((s) => s.trim())
  .superRefine((name, ctx) => {
    const err = functionNameError(name);
    if (err) ctx.addIssue({ code: "custom", message: err });
  });

export const FUNCTION_TEMPLATE_IDS = ["blank", "transfer_call", "escalate"] as const;
export type FunctionTemplateId = (typeof FUNCTION_TEMPLATE_IDS)[number];

/** Creating a function: a name, a description and the template its code starts from. */
export const createFunctionSchema = z.object({
  name: nameSchema,
  description: z
    .string()
    .max(MAX_FUNCTION_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_FUNCTION_DESCRIPTION_LENGTH} characters`)
    .optional()
    .default("")
    .transform((s) => s.trim()),
  template: z.enum(FUNCTION_TEMPLATE_IDS, { error: "Choose a template" }).default("blank"),
});
export type ValidCreateFunction = z.output<typeof createFunctionSchema>;

export const renameFunctionSchema = z.object({ name: nameSchema });

/** Saving from the editor: code (and description). */
export const saveFunctionSchema = z.object({
  code: z
    .string({ error: "Code is missing" })
    .max(MAX_FUNCTION_CODE_LENGTH, `Functions are at most ${MAX_FUNCTION_CODE_LENGTH / 1000}k characters`),
  description: z
    .string()
    .max(MAX_FUNCTION_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_FUNCTION_DESCRIPTION_LENGTH} characters`)
    .optional()
    .transform((s) => s?.trim()),
});
export type ValidSaveFunction = z.output<typeof saveFunctionSchema>;

export { fieldErrorsOf, parseWith, type FieldErrors, type ParseResult } from "../validation/field-errors";
