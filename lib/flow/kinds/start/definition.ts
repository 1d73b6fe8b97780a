import { z } from "zod";
import { defineKind, NEXT_HANDLE, truncate } from "../../kind";
import { optionalTextSchema, titleSchema } from "../../fields";

export const startDataSchema = z.object({ title: titleSchema, greeting: optionalTextSchema });
export type StartData = z.output<typeof startDataSchema>;

export const startKind = defineKind<"start", StartData>({
  kind: "start",
  label: "Start",
  description: "Where every call begins; optionally greets the caller.",
  dataSchema: startDataSchema,
  defaults: () => ({ greeting: "" }),
  outHandles: () => [NEXT_HANDLE],
  validate: () => [],
  summary: (d) => (d.greeting.trim() ? `“${truncate(d.greeting)}”` : "Call starts"),
  defaultTitle: () => "Start",
  variableTexts: (d) => [{ path: "data.greeting", label: "the greeting", text: d.greeting }],
  assignedVariables: () => [],
});
