import type { HandoffMethod } from "../handoffs/types";
import { LANE_LABELS, type HandoffTrace } from "./types";

/** A readable dump of a trace for the CLI and the UI's download: one block per message, then warnings. */
export function formatTraceText(trace: HandoffTrace): string {
  const out: string[] = [];
  trace.messages.forEach((m) => {
    const time = (m.at / 1000).toFixed(3).padStart(7, " ");
    out.push(`[${time}s] ${LANE_LABELS[m.from]} -> ${LANE_LABELS[m.to]}  ${m.label}`);
    // Files and terminals want LF; the wire form (CRLF) stays available as JSON.
    const raw = m.raw.split("\r\n").join("\n");
    out.push(raw.replace(/\n+$/, ""));
    out.push("");
  });
  if (trace.warnings.length === 0) out.push("Warnings: none");
  else {
    out.push(`Warnings (${trace.warnings.length}):`);
    for (const w of trace.warnings) out.push(`  - [${w.code}] ${w.message}`);
  }
  return out.join("\n") + "\n";
}

/** One sentence on what to keep in mind for a method, shown next to its trace. */
export function methodNote(method: HandoffMethod, soft = false): string {
  if (soft && method !== "bye") {
    return "The agent stays with the caller while it consults the destination; only after the whisper does the REFER with Replaces hand the caller over and end both of the agent's legs.";
  }
  switch (method) {
    case "refer":
      return "The pre-handoff utterance must finish playing before the REFER is sent: once the SBC accepts the transfer the agent leaves the call.";
    case "invite":
      return "The agent stays in the media path for the whole bridged call, so it keeps paying for the session until either side hangs up.";
    case "bye":
      return "The BYE ends the agent's part of the call; whether the caller is returned to the IVR depends on the SBC honouring the Reason header.";
  }
}
