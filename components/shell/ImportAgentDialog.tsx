"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { MAX_DOCUMENT_BYTES, parseAgentDocumentText, type AgentDocument } from "@/lib/agent-document";
import type { ImportAgentResult } from "@/lib/agent-document/import-result";
import type { PathError } from "@/lib/flow/schema";

type Step =
  | { kind: "choose" }
  | { kind: "problems"; file: string; errors: PathError[] }
  | { kind: "ready"; file: string; text: string; doc: AgentDocument; mode: "new" | "into"; confirming: boolean };

function summary(doc: AgentDocument): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;
  return [
    n(doc.flows.length, "flow"),
    n(doc.destinations.length, "destination"),
    n(doc.functions.length, "function"),
    n(doc.variables.length, "variable"),
  ].join(", ");
}

/**
 * Import agent: the file is checked in the browser first (the same schema the server applies), so
 * problems are listed with their paths before anything is sent. Into this agent replaces its
 * draft, which is asked again.
 */
export function ImportAgentDialog({ agent, onClose }: { agent: { id: string; name: string }; onClose: () => void }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  async function load(file: File) {
    setServerError(null);
    if (file.size > MAX_DOCUMENT_BYTES)
      return setStep({ kind: "problems", file: file.name, errors: [{ path: "", message: "The file is too large" }] });
    const text = await file.text();
    const parsed = parseAgentDocumentText(text);
    setStep(
      parsed.ok
        ? { kind: "ready", file: file.name, text, doc: parsed.doc, mode: "new", confirming: false }
        : { kind: "problems", file: file.name, errors: parsed.errors },
    );
  }

  async function submit(ready: Extract<Step, { kind: "ready" }>) {
    if (ready.mode === "into" && !ready.confirming) return setStep({ ...ready, confirming: true });
    setPending(true);
    setServerError(null);
    try {
      const query = new URLSearchParams({ mode: ready.mode, file: ready.file });
      const res = await fetch(`/agents/${agent.id}/import?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: ready.text,
      });
      const body = (await res.json()) as ImportAgentResult | { error?: { message?: string } };
      if (!("ok" in body)) {
        // Refused before the route ran (the proxy's checks): its message says why.
        setServerError(
          `${body.error?.message ?? `The server refused the import (${res.status})`}; nothing was imported`,
        );
        return;
      }
      const result = body;
      if (!result.ok) {
        setStep({ kind: "problems", file: ready.file, errors: result.errors });
        return;
      }
      onClose();
      if (result.mode === "new") router.push(`/agents/${result.agent.id}`);
      else router.refresh();
    } catch {
      setServerError("The server did not answer; nothing was imported");
    } finally {
      setPending(false);
    }
  }

  const picker = (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">Agent file (.agent.json)</span>
      <input
        type="file"
        accept="application/json,.json"
        data-testid="import-agent-file"
        onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])}
        className="block w-full text-sm"
      />
    </label>
  );

  return (
    <Modal
      title="Import agent"
      onClose={onClose}
      wide
      testId="import-agent"
      footer={
        step.kind === "ready" ? (
          <>
            <Button onClick={step.confirming ? () => setStep({ ...step, confirming: false }) : onClose}>
              {step.confirming ? "Back" : "Cancel"}
            </Button>
            <Button
              variant={step.mode === "into" && step.confirming ? "danger" : "primary"}
              disabled={pending}
              onClick={() => void submit(step)}
            >
              {step.mode === "new"
                ? "Import as new agent"
                : step.confirming
                  ? "Replace the draft"
                  : "Import into this agent…"}
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>Cancel</Button>
        )
      }
    >
      <div className="space-y-4">
        {picker}
        {step.kind === "problems" && (
          <div role="alert" data-testid="import-agent-errors">
            <p className="mb-2 text-sm">
              Nothing was imported. {step.file} has{" "}
              {step.errors.length === 1 ? "this problem" : `${step.errors.length} problems`}:
            </p>
            <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
              {step.errors.map((e, i) => (
                <li key={i}>
                  <code className="rounded bg-slate-100 px-1 font-mono text-xs">{e.path || "(file)"}</code> {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {step.kind === "ready" && !step.confirming && (
          <>
            <p className="text-sm" data-testid="import-agent-summary">
              <strong>{step.doc.agent.name}</strong>: {summary(step.doc)}.
            </p>
            <fieldset className="space-y-2 text-sm">
              <legend className="mb-1 font-medium">Import</legend>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="import-mode"
                  checked={step.mode === "new"}
                  onChange={() => setStep({ ...step, mode: "new" })}
                />
                <span>As a new agent named {step.doc.agent.name}</span>
              </label>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="import-mode"
                  checked={step.mode === "into"}
                  onChange={() => setStep({ ...step, mode: "into" })}
                />
                <span>
                  Into {agent.name}&apos;s draft: its flows, destinations, functions and variables become the
                  file&apos;s (published versions are kept)
                </span>
              </label>
            </fieldset>
          </>
        )}
        {step.kind === "ready" && step.confirming && (
          <p className="text-sm" data-testid="import-agent-confirm">
            Replace the draft of <strong>{agent.name}</strong> with {step.file}? Flows, destinations and functions not
            in the file are deleted from the draft; those with the same names are overwritten. Publish first if you want
            to keep the current draft as a version.
          </p>
        )}
        {serverError && (
          <p role="alert" className="text-sm text-red-700">
            {serverError}
          </p>
        )}
      </div>
    </Modal>
  );
}
