import { z } from "zod";
import { defineKind, truncate, type OutHandle } from "../../kind";
import { itemIdSchema, kindTitle, MAX_ITEMS, textSchema, titleSchema } from "../../fields";
import { nodeProblem, type Problem } from "../../problems";

export const NO_MATCH_HANDLE = "no_match";
export const MAX_RETRIES = 5;

const phrases = z.array(z.string().max(500)).max(MAX_ITEMS);

export const listenBranchSchema = z.object({
  id: itemIdSchema,
  label: z.string().max(80),
  examples: phrases,
  keywords: phrases,
  /** Empty or absent means no regex. */
  regex: z.string().max(500).optional(),
});
export const listenDataSchema = z.object({
  title: titleSchema,
  prompt: textSchema,
  branches: z.array(listenBranchSchema).max(MAX_ITEMS),
  retries: z.number().int().min(0).max(MAX_RETRIES, `At most ${MAX_RETRIES} retries`).default(1),
});
export type ListenBranch = z.output<typeof listenBranchSchema>;
export type ListenData = z.output<typeof listenDataSchema>;

/** The one place branch regexes are compiled, so lint and the runtime agree (case-insensitive). */
export function compileBranchRegex(source: string): RegExp {
  return new RegExp(source, "i");
}

export function branchLabel(b: ListenBranch, index: number): string {
  return b.label.trim() || `Branch ${index + 1}`;
}

function hasContent(list: readonly string[]): boolean {
  return list.some((s) => s.trim() !== "");
}

export const listenKind = defineKind<"listen", ListenData>({
  kind: "listen",
  label: "Listen",
  description: "Asks (optionally) and routes on what the caller says: one branch per intent, or no match.",
  dataSchema: listenDataSchema,
  defaults: () => ({ prompt: "", branches: [], retries: 1 }),
  outHandles: (d): OutHandle[] => [
    ...d.branches.map((b, i) => ({ id: b.id, label: branchLabel(b, i) })),
    { id: NO_MATCH_HANDLE, label: "No match" },
  ],
  validate: (d, ctx) => {
    const out: Problem[] = [];
    d.branches.forEach((b, i) => {
      const regex = b.regex?.trim() ?? "";
      if (!hasContent(b.examples) && !hasContent(b.keywords) && regex === "") {
        out.push(
          nodeProblem(
            ctx,
            "listen-branch-empty",
            "error",
            `Branch "${branchLabel(b, i)}" can never match: add examples, keywords or a regex`,
            `data.branches[${i}]`,
          ),
        );
      }
      if (regex !== "") {
        try {
          compileBranchRegex(regex);
        } catch (e) {
          out.push(
            nodeProblem(
              ctx,
              "invalid-regex",
              "error",
              `Branch "${branchLabel(b, i)}" has an invalid regex: ${(e as Error).message}`,
              `data.branches[${i}].regex`,
            ),
          );
        }
      }
    });
    return out;
  },
  summary: (d) => {
    const intents = d.branches.map((b, i) => branchLabel(b, i)).join(", ");
    return d.branches.length === 0 ? "Listens (no branches yet)" : truncate(`Listens for ${intents}`);
  },
  defaultTitle: (d) => kindTitle("Listen", d.branches.map((b, i) => branchLabel(b, i)).join(", ")),
  variableTexts: (d) => [{ path: "data.prompt", label: "the prompt", text: d.prompt }],
  assignedVariables: () => [],
});
