import { createStore } from "zustand/vanilla";
import { startCall, type AgentSetup, type CallEvent, type Session } from "@/lib/runtime";
import { advance, type RunFunction } from "@/lib/simulation";
import { simulatedWebhooks, type SimulatedWebhook } from "@/lib/telephony/simulated-twiml";
import type { DestinationBehaviour } from "@/lib/handoffs/outcomes";
import { inboundHeaders } from "@/lib/functions/inbound-headers";
import { timelineOf, type TimelineItem } from "./timeline";

export interface CallDetails {
  callerId: string;
  calledNumber: string;
  variables: Record<string, string>;
  /** How each destination behaves, by name; absent: it answers (docs/design.md §11). */
  behaviours: Record<string, DestinationBehaviour>;
  /** Headers of the inbound INVITE (`conv.sip_headers`), as editable rows; absent: none. */
  sipHeaders?: { name: string; value: string }[];
}

/** Where the call details are wrong (the call does not start): a header row and its field. */
export interface DetailsError {
  index: number;
  field: "name" | "value";
  message: string;
}

/** The runtime's behaviours table: only destinations that do not simply answer. */
export function behavioursOf(chosen: Readonly<Record<string, DestinationBehaviour>>) {
  const entries = Object.entries(chosen).filter(([, b]) => b !== "answers");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export interface SimulatorState {
  phase: "setup" | "running" | "ended";
  details: CallDetails;
  session: Session | null;
  timeline: TimelineItem[];
  /** What each turn would send Twilio on a live call (the TwiML view). */
  webhooks: SimulatedWebhook[];
  /** True while the runtime waits on a Python function. */
  working: boolean;
  error: string | null;
  detailsError: DetailsError | null;
}

export interface SimulatorActions {
  editDetails(patch: Partial<CallDetails>): void;
  start(): Promise<void>;
  say(text: string): Promise<void>;
  dtmf(digits: string): Promise<void>;
  hangUp(): Promise<void>;
  /** Back to the call details; a call still running is hung up first (and so stored). */
  restart(): Promise<void>;
}

export interface SimulatorDeps {
  /** Read when a call starts, so a host that edits the flow (the canvas) simulates what is on screen. */
  getAgent: () => AgentSetup;
  runFunction: RunFunction;
  /** Called once per finished call (handoff, hang-up or abandoned): the host stores it. */
  onFinished(session: Session): void;
  newSeed(): string;
  onSay?(text: string): void;
  /** The connected Twilio public base URL, for the TwiML view's action URLs. */
  publicBaseUrl?: string;
}

export type SimulatorStore = ReturnType<typeof createSimulatorStore>;

/** One simulator's state and actions. Persistence and Python are injected, so this stays testable. */
export function createSimulatorStore(deps: SimulatorDeps, initial: CallDetails) {
  return createStore<SimulatorState & SimulatorActions>()((set, get) => {
    async function send(event: CallEvent, callerText?: string) {
      const before = get().session;
      if (!before || get().working) return;
      set((s) => ({
        working: true,
        error: null,
        timeline: callerText ? [...s.timeline, { kind: "caller", text: callerText }] : s.timeline,
      }));
      try {
        const r = await advance(before, event, deps.runFunction, (effects) => {
          for (const e of effects) if (e.type === "say") deps.onSay?.(e.text);
        });
        const ended = r.session.status === "ended";
        set((s) => ({
          session: r.session,
          timeline: [...s.timeline, ...timelineOf(r.effects, before, r.session)],
          webhooks: [...s.webhooks, ...simulatedWebhooks(event, r.effects, r.session, deps.publicBaseUrl)],
          working: false,
          phase: ended ? "ended" : "running",
        }));
        if (ended && before.status !== "ended") deps.onFinished(r.session);
      } catch (e) {
        set({ working: false, error: e instanceof Error ? e.message : String(e) });
      }
    }

    return {
      phase: "setup",
      details: initial,
      session: null,
      timeline: [],
      webhooks: [],
      working: false,
      error: null,
      detailsError: null,
      editDetails: (patch) => set((s) => ({ details: { ...s.details, ...patch }, detailsError: null })),
      async start() {
        const d = get().details;
        const headers = inboundHeaders((d.sipHeaders ?? []).filter((h) => h.name.trim() !== "" || h.value !== ""));
        if (!headers.ok) {
          set({ detailsError: { index: headers.index, field: headers.field, message: headers.message } });
          return;
        }
        const session = startCall(deps.getAgent(), {
          callerId: d.callerId,
          calledNumber: d.calledNumber,
          variables: d.variables,
          seed: deps.newSeed(),
          behaviours: behavioursOf(d.behaviours),
          sipHeaders: headers.headers,
          integrationAttributes: { channel: "simulator" },
        });
        set({ session, timeline: [], webhooks: [], phase: "running", error: null });
        await send({ type: "call_started" });
      },
      say: (text) => send({ type: "user_utterance", text }, text),
      dtmf: (digits) => send({ type: "dtmf", digits }, `DTMF ${digits}`),
      hangUp: () => send({ type: "caller_hangup" }),
      async restart() {
        if (get().session?.status !== "ended" && get().session) await send({ type: "caller_hangup" });
        set({ phase: "setup", session: null, timeline: [], webhooks: [], working: false, error: null });
      },
    };
  });
}
