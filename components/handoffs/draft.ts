import { ATTEMPTS, RING_TIMEOUT } from "@/lib/handoffs/outcomes";
import type { DestinationInput } from "@/lib/handoffs/schema";
import {
  DEFAULT_ENCRYPTION,
  type HandoffDestination,
  type HandoffMethod,
  type OutboundEncryption,
  type ReferHeaderPlacement,
} from "@/lib/handoffs/types";

/** What the modal edits. Rows carry a stable key so React keeps focus while rows are removed. */
export interface DestinationDraft {
  name: string;
  description: string;
  method: HandoffMethod;
  /** Kept while the method is BYE (hidden, not submitted) so switching back restores it. */
  route: string;
  referHeaderPlacement: ReferHeaderPlacement;
  sipHeaders: { key: number; name: string; value: string }[];
  /** As typed, so a half-typed number is not lost; the schema reads it. */
  ringTimeoutSeconds: string;
  attempts: number;
  /** INVITE only; kept while another method is chosen (hidden, not submitted). */
  outboundEndpoint: string;
  outboundEncryption: OutboundEncryption;
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
    ringTimeoutSeconds: String(d?.ringTimeoutSeconds ?? RING_TIMEOUT.default),
    attempts: d?.attempts ?? ATTEMPTS.default,
    outboundEndpoint: d?.outboundEndpoint ?? "",
    outboundEncryption: d?.outboundEncryption ?? DEFAULT_ENCRYPTION,
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
    // Like the route, hidden for BYE (which always succeeds at once) and not submitted.
    ringTimeoutSeconds: draft.method === "bye" ? undefined : draft.ringTimeoutSeconds,
    attempts: draft.method === "bye" ? undefined : draft.attempts,
    outboundEndpoint: draft.method === "invite" ? draft.outboundEndpoint : null,
    outboundEncryption: draft.method === "invite" ? draft.outboundEncryption : DEFAULT_ENCRYPTION,
  };
}
