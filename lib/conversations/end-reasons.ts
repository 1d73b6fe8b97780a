/**
 * Why a call ended, in words: the runtime's end reasons (docs/design.md §3) as the simulator's
 * transcript and Review's details say them. An unknown code (a record from elsewhere) is shown as is.
 */
const END_REASONS: Readonly<Record<string, string>> = {
  end_node: "The agent ended the call.",
  handoff: "The call left the agent.",
  caller_hangup: "The caller hung up.",
  dead_end: "The flow led nowhere, so the agent hung up.",
  loop_detected: "The flow looped without waiting for the caller; the call was stopped.",
  no_start_node: "The flow has no start node.",
  function_hangup: "A function ended the call.",
  handoff_error: "The handoff could not be made.",
  destination_deleted: "The handoff's destination was deleted, so the call could not be transferred.",
  transfer_failed: "The transfer failed and there was no question to return to.",
};

export function describeEndReason(code: string): string {
  return END_REASONS[code] ?? `Call ended (${code}).`;
}
