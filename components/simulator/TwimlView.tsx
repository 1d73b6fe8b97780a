"use client";

import { useSimulator } from "./context";

/** TwiML one element per line, indented (the SDK writes it on one line); text stays beside its tag. */
export function indentTwiml(xml: string): string {
  const tokens = xml.replace(/^<\?xml[^>]*>/, "").match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const pad = "  ".repeat(depth);
    if (t.startsWith("</")) {
      depth--;
      lines.push("  ".repeat(depth) + t);
    } else if (t.startsWith("<") && t.endsWith("/>")) lines.push(pad + t);
    else if (t.startsWith("<") && tokens[i + 1] !== undefined && !tokens[i + 1]!.startsWith("<")) {
      // <Say>text</Say> on one line.
      lines.push(pad + t + tokens[i + 1] + (tokens[i + 2] ?? ""));
      i += 2;
    } else if (t.startsWith("<")) {
      lines.push(pad + t);
      depth++;
    } else lines.push(pad + t);
  }
  return lines.join("\n");
}

/**
 * The TwiML view: for each turn, the webhook Twilio would post on a live call and the TwiML this
 * server would answer, from the voice webhooks' own code (lib/telephony/twiml.ts).
 */
export function TwimlView() {
  const webhooks = useSimulator((s) => s.webhooks);
  return (
    <ol className="space-y-3 py-3" aria-label="TwiML" data-testid="twiml-view">
      {webhooks.map((w, i) => (
        <li key={i} data-testid="twiml-turn">
          <p className="mb-1 font-mono text-xs font-semibold text-slate-700" data-testid="twiml-request">
            {w.request}
          </p>
          {w.xml === null ? (
            <p className="text-xs text-slate-500">The call ends: it is stored (no TwiML).</p>
          ) : (
            <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs leading-5" data-testid="twiml-xml">
              {indentTwiml(w.xml)}
            </pre>
          )}
          {w.warnings.map((warning) => (
            <p key={warning} role="status" className="mt-1 text-xs text-amber-800">
              {warning}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
