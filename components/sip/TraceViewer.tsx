"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { formatTraceText, LANE_LABELS, PCAP_CONTENT_TYPE, traceToPcap, type HandoffTrace } from "@/lib/sip";
import { LadderDiagram } from "./LadderDiagram";

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Ladder, the selected message's raw text, warnings, and copy / download of the whole trace as
 * text or as a pcap capture. `startedAt` is when the call started (a stored conversation's
 * started_at); the capture's frames are that plus each message's time, or now for a preview.
 */
export function TraceViewer({
  trace,
  fileName,
  startedAt,
}: {
  trace: HandoffTrace;
  fileName: string;
  startedAt?: string | number;
}) {
  const [selected, setSelected] = useState<number | null>(null);
  const [copied, setCopied] = useState<"all" | "one" | null>(null);
  const current = selected !== null ? trace.messages[selected] : undefined;

  async function copy(text: string, what: "all" | "one") {
    await navigator.clipboard.writeText(text);
    setCopied(what);
    setTimeout(() => setCopied(null), 1500);
  }

  const baseName = fileName.replace(/\.txt$/, "");

  function download() {
    save(new Blob([formatTraceText(trace)], { type: "text/plain;charset=utf-8" }), `${baseName}.txt`);
  }

  function downloadPcap() {
    const start = startedAt === undefined ? Date.now() : new Date(startedAt).getTime();
    const bytes = traceToPcap(trace.messages, start);
    save(new Blob([bytes.buffer as ArrayBuffer], { type: PCAP_CONTENT_TYPE }), `${baseName}.pcap`);
  }

  return (
    <div className="space-y-3" data-testid="trace-viewer">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 flex-1 text-xs text-slate-600">
          {trace.messages.filter((m) => m.kind === "sip").length} SIP messages. Click a message to see it exactly as
          sent.
        </p>
        <div className="flex gap-1">
          <Button onClick={() => copy(formatTraceText(trace), "all")}>
            {copied === "all" ? "Copied" : "Copy trace"}
          </Button>
          <Button onClick={download}>Download .txt</Button>
          <Button onClick={downloadPcap}>Download .pcap</Button>
        </div>
      </div>
      <LadderDiagram messages={trace.messages} selected={selected} onSelect={setSelected} />
      {current && (
        <section aria-label="Raw message" className="rounded-md border border-slate-200 bg-slate-900 text-slate-100">
          <header className="flex items-start justify-between gap-2 border-b border-slate-700 px-3 py-1.5 text-xs">
            {/* The full label: the ladder truncates long ones. */}
            <span className="min-w-0 break-words" data-testid="raw-message-label">
              {current.label} · {LANE_LABELS[current.from]} → {LANE_LABELS[current.to]} ·{" "}
              {(current.at / 1000).toFixed(3)} s
            </span>
            <button
              type="button"
              onClick={() => copy(current.raw, "one")}
              className="shrink-0 rounded px-2 py-0.5 hover:bg-slate-700"
            >
              {copied === "one" ? "Copied" : "Copy message"}
            </button>
          </header>
          <pre
            data-testid="raw-message"
            className="max-h-80 overflow-auto whitespace-pre-wrap break-all p-3 font-mono text-xs leading-5"
          >
            {current.raw.replace(/\r\n/g, "\n")}
          </pre>
        </section>
      )}
      {trace.warnings.length > 0 && (
        <ul
          className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900"
          data-testid="trace-warnings"
        >
          {trace.warnings.map((w, i) => (
            <li key={i}>
              <span className="font-mono">[{w.code}]</span> {w.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
