"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import Link from "next/link";
import { useStore } from "zustand";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";
import { browserRunner, useRunnerStatus } from "@/components/functions/browser-runner-store";
import { useUnsavedChangesGuard } from "@/components/functions/unsaved-guard";
import type { AgentSetup, Session } from "@/lib/runtime";
import { conversationFromSession, toOutcome, toRunRequest } from "@/lib/simulation";
import { saveSimulatedCallAction } from "@/app/agents/[agentId]/simulator/actions";
import { CallDetailsForm } from "./CallDetailsForm";
import { SimulatorContext, useSimulator } from "./context";
import { DtmfKeypad } from "./DtmfKeypad";
import { createSimulatorStore, type CallDetails } from "./store";

/** Where the call is: its node path with each node's flow, and the flow it is in now. */
export interface CallProgress {
  currentNodeId: string | null;
  path: readonly string[];
  pathFlows: readonly string[];
  currentFlow: string | null;
}
import { Transcript } from "./Transcript";
import { SaveAsScenario } from "./SaveAsScenario";
import { TwimlView } from "./TwimlView";

export interface SimulatorProps {
  agentId: string;
  /** The stored flow this runs (null: a version's flow no longer in the draft). */
  flowId: string | null;
  /** The published version this runs; null or absent: the draft. Stored with each call. */
  version?: number | null;
  agent: AgentSetup;
  /** What to run when a call starts; defaults to `agent`. The canvas passes what is on screen. */
  getAgent?: () => AgentSetup;
  defaults: CallDetails;
  timeoutMs: number;
  /** Lets a host (the flow canvas) follow the call: current node and the path so far. */
  onProgress?: (progress: CallProgress) => void;
  /** The connected Twilio public base URL, for the TwiML view's action URLs. */
  publicBaseUrl?: string;
  /** The flow's name, for Save as scenario (absent: the running flow's own name). */
  flowName?: string;
}

export const CALL_IN_PROGRESS = "A call is in progress; leaving ends it without storing it. Leave anyway?";

function speak(text: string) {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

/** The call simulator: details, transcript, caller input and keypad, handoff outcome and SIP. */
export function SimulatorPanel({
  agentId,
  flowId,
  version = null,
  agent,
  getAgent,
  defaults,
  timeoutMs,
  onProgress,
  publicBaseUrl,
  flowName,
}: SimulatorProps) {
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  useLayoutEffect(() => {
    soundRef.current = sound;
  }, [sound]);
  const [saved, setSaved] = useState<{ id?: string; error?: string } | null>(null);
  const [store] = useState(() =>
    createSimulatorStore(
      {
        getAgent: getAgent ?? (() => agent),
        newSeed: () => crypto.randomUUID(),
        publicBaseUrl,
        runFunction: async (req) => toOutcome(await browserRunner().run(toRunRequest(req, agent, timeoutMs))),
        onSay: (text) => soundRef.current && speak(text),
        onFinished: (session: Session) => {
          setSaved(null);
          const record = conversationFromSession(session, {
            agentId,
            flowId,
            version,
            startedAt: new Date(Date.now() - session.clock),
          });
          saveSimulatedCallAction(agentId, record).then(
            (r) => setSaved(r.ok ? { id: r.id } : { error: r.error }),
            () => setSaved({ error: "The call could not be stored: the server did not answer" }),
          );
        },
      },
      defaults,
    ),
  );
  // Start Python early so the first function call does not pay for start-up.
  useEffect(() => {
    browserRunner()
      .warm()
      .catch(() => undefined);
  }, []);
  const session = useStore(store, (s) => s.session);
  const running = useStore(store, (s) => s.phase === "running");
  const ended = useStore(store, (s) => (s.phase === "ended" ? s.session : null));
  // Leaving or reloading mid-call would drop the call unstored: ask first.
  useUnsavedChangesGuard(running, CALL_IN_PROGRESS);
  useEffect(() => {
    onProgress?.({
      currentNodeId: session?.currentNodeId ?? null,
      path: session?.path ?? [],
      pathFlows: session?.pathFlows ?? [],
      currentFlow: session?.flowStack.at(-1)?.flow ?? null,
    });
  }, [session, onProgress]);

  return (
    <SimulatorContext.Provider value={store}>
      <div className="flex h-full min-h-0 flex-col gap-3" data-testid="simulator">
        <div className="flex items-center justify-between">
          <label className="flex items-center gap-2 text-xs text-slate-600">
            <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> Sound (speak the
            agent&apos;s turns)
          </label>
          {saved?.id && (
            <span className="text-xs text-emerald-700" data-testid="saved-note">
              Stored as conversation{" "}
              <Link
                href={`/agents/${agentId}/conversations/${saved.id}`}
                prefetch={false}
                className="font-mono underline hover:text-emerald-900"
              >
                {saved.id}
              </Link>
            </span>
          )}
          {ended && (
            <SaveAsScenario
              key={ended.conversationId}
              agentId={agentId}
              session={ended}
              flowName={flowName ?? ended.agent.flow.name}
              version={version}
            />
          )}
          {saved?.error && (
            <span role="alert" className="text-xs text-red-700">
              {saved.error}
            </span>
          )}
        </div>
        <SimulatorBody destinations={agent.destinations} />
      </div>
    </SimulatorContext.Provider>
  );
}

function SimulatorBody({ destinations }: { destinations: AgentSetup["destinations"] }) {
  const [view, setView] = useState<"transcript" | "twiml">("transcript");
  const phase = useSimulator((s) => s.phase);
  const timeline = useSimulator((s) => s.timeline);
  const working = useSimulator((s) => s.working);
  const error = useSimulator((s) => s.error);
  const status = useRunnerStatus();
  const runnerNote =
    status.state === "loading"
      ? `Loading Python… ${status.stage ?? ""}`
      : status.state === "ready"
        ? "Python ready"
        : status.state === "failed"
          ? `Python failed: ${status.message}`
          : null;
  if (phase === "setup") return <CallDetailsForm runnerNote={runnerNote} destinations={destinations} />;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div role="group" aria-label="View" className="flex gap-1 text-xs">
        {(["transcript", "twiml"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`rounded px-2 py-1 ${view === v ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {v === "transcript" ? "Transcript" : "TwiML"}
          </button>
        ))}
      </div>
      {/* Padding sideways only: the ladder's lane titles stick to the very top of this scroll box. */}
      <div className="min-h-0 flex-1 overflow-y-auto rounded-md border border-slate-200 bg-white px-3">
        {view === "twiml" ? <TwimlView /> : <Transcript items={timeline} working={working} />}
        {error && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <CallerControls />
    </div>
  );
}

function CallerControls() {
  const phase = useSimulator((s) => s.phase);
  const working = useSimulator((s) => s.working);
  const listening = useSimulator((s) => s.session?.status === "awaiting_input");
  const { say, dtmf, hangUp, restart } = useSimulator((s) => s);
  const [text, setText] = useState("");
  const disabled = phase !== "running" || working || !listening;
  const input = useRef<HTMLInputElement>(null);
  // Start call (or Restart, then Start call) shows these controls: the tester types next.
  useEffect(() => {
    input.current?.focus();
  }, []);
  return (
    <div className="flex gap-3">
      <form
        className="flex flex-1 flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === "" || disabled) return;
          void say(text.trim());
          setText("");
        }}
      >
        <label htmlFor="caller-input" className="text-xs font-medium">
          Caller says
        </label>
        <input
          ref={input}
          id="caller-input"
          value={text}
          disabled={phase !== "running"}
          onChange={(e) => setText(e.target.value)}
          placeholder={phase === "ended" ? "The call has ended" : "Type what the caller says, then Enter"}
          className={inputClass}
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={disabled}>
            Send
          </Button>
          <Button onClick={() => void hangUp()} disabled={phase !== "running" || working}>
            Hang up
          </Button>
          <Button onClick={() => void restart()} disabled={working}>
            Restart
          </Button>
        </div>
      </form>
      <DtmfKeypad disabled={disabled} onPress={(d) => void dtmf(d)} />
    </div>
  );
}
