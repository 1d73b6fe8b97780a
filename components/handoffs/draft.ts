import type { DestinationInput } from "@/lib/handoffs/schema";
import type { HandoffDestination, HandoffMethod, ReferHeaderPlacement } from "@/lib/handoffs/types";

/** What the modal edits. Rows carry a stable key so React keeps focus while rows are removed. */
export interface DestinationDraft {
  name: string;
  description: string;
  method: HandoffMethod;
  /** Kept while the method is BYE (hidden, not submitted) so switching back restores it. */
  route: string;
  referHeaderPlacement: ReferHeaderPlacement;
  sipHeaders: { key: number; name: string; value: string }[];
}

let nextKey = 1;
export const newRowKey = () => nextKey++;

export function draftFrom(d?: HandoffDestination): DestinationDraft {
  return {
    name: d?.name ?? "",
    description: d?.description ?? "",
    method: d?.method ?? "refer",
    route: d?.route ?? "",
    referHeaderPlacement: d?.referHeaderPlacement ?? "request",
    sipHeaders: (d?.sipHeaders ?? []).map((h) => ({ key: newRowKey(), ...h })),
  };
}

export function draftToInput(draft: DestinationDraft): DestinationInput {
  return {
    name: draft.name,
    description: draft.description,
    method: draft.method,
    route: draft.method === "bye" ? null : draft.route,
    referHeaderPlacement: draft.referHeaderPlacement,
    sipHeaders: draft.sipHeaders.map(({ name, value }) => ({ name, value })),
  };
}
