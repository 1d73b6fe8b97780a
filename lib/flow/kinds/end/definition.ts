import { z } from "zod";
import { defineKind, truncate } from "../../kind";
import { optionalTextSchema, titleSchema } from "../../fields";

export const endDataSchema = z.object({ title: titleSchema, goodbye: optionalTextSchema });
export type EndData = z.output<typeof endDataSchema>;

export const endKind = defineKind<"end", EndData>({
  kind: "end",
  label: "End",
  description: "Says an optional goodbye and hangs up.",
  dataSchema: endDataSchema,
  defaults: () => ({ goodbye: "" }),
  outHandles: () => [],
  validate: () => [],
  summary: (d) => (d.goodbye.trim() ? `“${truncate(d.goodbye)}”, then hang up` : "Hang up"),
  defaultTitle: () => "End",
  variableTexts: (d) => [{ path: "data.goodbye", label: "the goodbye", text: d.goodbye }],
  assignedVariables: () => [],
});
