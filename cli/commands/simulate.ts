import { randomUUID } from "node:crypto";
import { openDb } from "../../db/client";
import { loadAgentSetup } from "../../db/repositories/agent-setup";
import { insertConversation } from "../../db/repositories/conversations";
import { findFlow, getFlow, listFlows } from "../../db/repositories/flows";
import { readDocument } from "../../db/repositories/versions";
import { agentSetupFromDocument, documentSamples, findDocumentFlow } from "../../lib/agent-document";
import type { AgentSetup } from "../../lib/runtime";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../../lib/versions/types";
import { createNodeFunctionRunner } from "../../lib/functions/node/node-runner";
import { titleContextOf } from "../../lib/flow";
import { inboundHeaders, parseHeaderAssignment } from "../../lib/functions/inbound-headers";
import { pathKeys, pathTitles, startCall, type Session } from "../../lib/runtime";
import {
  conversationFromSession,
  simulateScript,
  toOutcome,
  toRunRequest,
  type ScriptedInput,
} from "../../lib/simulation";
import { formatTraceText } from "../../lib/sip";
import { getTwilioConnection } from "../../db/repositories/telephony";
import { simulatedWebhooks, type SimulatedWebhook } from "../../lib/telephony/simulated-twiml";
import { ISO_INSTANT_MESSAGE, normaliseIsoInstant } from "../../lib/time/iso-instant";
import { UsageError, requiredString, stringList, stringOption } from "../args";
import { defineCommand } from "../command";
import {
  AGENT_OPTION,
  BEHAVIOUR_OPTION,
  parseBehaviours,
  PCAP_OPTION,
  parseVariant,
  parseVars,
  requireAgent,
  VAR_OPTION,
  variantOption,
  writePcapOption,
} from "../options";
import { formatSimulation } from "./simulate-format";

/** --say and --dtmf in the order given (parseArgs would group them by name). */
function scriptedInputs(argv: readonly string[]): ScriptedInput[] {
  const out: ScriptedInput[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(say|dtmf)(?:=(.*))?$/s.exec(arg);
    if (!m) continue;
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    if (m[1] === "dtmf" && !/^[0-9*#A-D]+$/.test(value))
      throw new UsageError(`--dtmf takes keypad digits 0-9 * # (got "${value}")`);
    out.push(m[1] === "say" ? { say: value } : { dtmf: value });
  }
  return out;
}

/** `--sip-header NAME=VALUE`s as the inbound call's headers, or a usage error naming the bad one. */
function parseSipHeaders(items: readonly string[]): Record<string, string> {
  const rows = items.map((item) => {
    const row = parseHeaderAssignment(item);
    if (!row) throw new UsageError(`--sip-header expects NAME=VALUE, like X-Customer-Tier=gold (got "${item}")`);
    return row;
  });
  const parsed = inboundHeaders(rows);
  if (!parsed.ok) throw new UsageError(`--sip-header "${items[parsed.index] ?? ""}": ${parsed.message}`);
  return parsed.headers;
}

export const simulateCommand = defineCommand({
  name: "simulate",
  summary: "Run a simulated call through a flow and print transcript, handoff and SIP trace",
  synopsis: "--agent <id or name> [--flow <id or name>] [--say TEXT ...] [--dtmf DIGITS ...] [options]",
  about: `Runs a simulated call through a flow in Node (Python functions in a worker thread) and prints the
transcript, the handoff record and the SIP trace.`,
  options: {
    agent: AGENT_OPTION,
    flow: {
      type: "string",
      value: "<id or name>",
      help: "the flow the call starts in; default: the agent's entry flow (its first). Go to flow reaches the others",
    },
    version: {
      type: "string",
      value: "<draft|pre-release|live|N>",
      help: "what runs: the draft (default), the pre-release or live version, or version N",
    },
    say: {
      type: "string",
      multiple: true,
      value: "<text>",
      help: "one caller turn (repeatable; turns are taken in order with --dtmf)",
    },
    dtmf: { type: "string", multiple: true, value: "<digits>", help: "keypad digits as one caller turn (repeatable)" },
    var: { ...VAR_OPTION, help: `${VAR_OPTION.help}.\ncaller_id and called_number set the inbound call's numbers` },
    "sip-header": {
      type: "string",
      multiple: true,
      value: "<NAME=VALUE>",
      help: "a header of the inbound INVITE (repeatable), read by functions as conv.sip_headers",
    },
    at: {
      type: "string",
      value: "<ISO 8601>",
      help: "a test clock: when the call is answered (e.g. 2026-03-01T09:30:00Z); conv.now() reads it,\nadvancing with the call; default: the real clock",
    },
    behaviour: BEHAVIOUR_OPTION,
    variant: variantOption('every destination refuses (486), as --behaviour "*=busy"'),
    seed: {
      type: "string",
      value: "<text>",
      help: "seed for ids and traces (same seed, same call); default: a random one",
    },
    save: { type: "boolean", help: "store the call as a conversation (channel simulator)" },
    json: { type: "boolean", help: "print { transcript, path, handoff, sip_trace, metrics, logs, warnings }" },
    pcap: { ...PCAP_OPTION, help: `${PCAP_OPTION.help}; a call without a handoff has no trace (an empty capture)` },
    twiml: {
      type: "boolean",
      help: "also print the TwiML each turn would return to Twilio (the voice webhooks' own code; `twiml` in --json)",
    },
  },
  notes: "Exit codes: 0 the call ran; 2 bad arguments.",
  async run(values, io, { argv }) {
    const agentRef = requiredString(values, "agent");
    const inputs = scriptedInputs(argv);
    const vars = parseVars(stringList(values, "var"));
    const sipHeaders = parseSipHeaders(stringList(values, "sip-header"));
    const variant = parseVariant(values);
    const rawAt = stringOption(values, "at");
    const simulatedAt = rawAt === undefined ? null : normaliseIsoInstant(rawAt);
    if (rawAt !== undefined && simulatedAt === null)
      throw new UsageError(`--at: ${ISO_INSTANT_MESSAGE} (got "${rawAt}")`);
    const rawVersion = stringOption(values, "version") ?? "draft";
    const ref = parseVersionRef(rawVersion);
    if (!ref) throw new UsageError(`--version: ${VERSION_REF_MESSAGE} (got "${rawVersion}")`);

    const db = openDb();
    const runner = createNodeFunctionRunner();
    try {
      const agent = requireAgent(db, agentRef);
      const flowRef = stringOption(values, "flow");
      const flows = listFlows(db, agent.id);
      const unknownFlow = (names: string[]) =>
        new UsageError(
          flowRef
            ? `Unknown flow "${flowRef}" for agent "${agent.name}". Flows: ${names.map((n) => `"${n}"`).join(", ") || "none"}`
            : `Agent "${agent.name}" has no flows`,
        );
      let setup: AgentSetup;
      let samples: Record<string, string>;
      let timeoutMs: number;
      let flowId: string | null;
      let flowName: string;
      let version: number | null = null;
      if (ref.kind === "draft") {
        const flow = flowRef ? findFlow(db, agent.id, flowRef) : flows[0] ? getFlow(db, agent.id, flows[0].id) : null;
        if (!flow) throw unknownFlow(flows.map((f) => f.name));
        ({ setup, samples } = loadAgentSetup(db, agent, flow));
        timeoutMs = agent.functionTimeoutMs;
        flowId = flow.id;
        flowName = flow.name;
      } else {
        const found = readDocument(db, agent.id, ref);
        if (!found.ok) throw new UsageError(`"${agent.name}": ${found.message}`);
        const doc = found.document;
        // A version's flows have no ids: --flow names one (a draft flow's id finds it by that flow's name).
        const wanted = flows.find((f) => f.id === flowRef)?.name ?? flowRef;
        const flow = wanted ? findDocumentFlow(doc, wanted) : (doc.flows[0] ?? null);
        if (!flow) throw unknownFlow(doc.flows.map((f) => f.name));
        setup = agentSetupFromDocument(doc, flow);
        samples = documentSamples(doc);
        timeoutMs = doc.agent.function_timeout_ms;
        flowId = flows.find((f) => f.name.toLowerCase() === flow.name.toLowerCase())?.id ?? null;
        flowName = flow.name;
        version = found.version;
      }
      const { caller_id, called_number, ...state } = { ...samples, ...vars };
      let session: Session = startCall(setup, {
        callerId: caller_id ?? "+14155550123",
        calledNumber: called_number ?? "+18005550100",
        variables: state,
        seed: stringOption(values, "seed") ?? randomUUID(),
        behaviours: parseBehaviours(stringList(values, "behaviour"), setup.destinations, variant),
        sipHeaders,
        integrationAttributes: { channel: "cli" },
        ...(simulatedAt ? { simulatedAt } : {}),
      });
      const startedAt = simulatedAt ? new Date(simulatedAt) : new Date();
      const publicBaseUrl = getTwilioConnection(db)?.publicBaseUrl;
      const webhooks: SimulatedWebhook[] = [];
      const result = await simulateScript(
        session,
        inputs,
        async (req) => toOutcome(await runner.run(toRunRequest(req, setup, timeoutMs))),
        values.twiml === true
          ? (event, effects, after) => webhooks.push(...simulatedWebhooks(event, effects, after, publicBaseUrl))
          : undefined,
      );
      session = result.session;
      writePcapOption(values, session.sipTrace?.messages ?? [], startedAt.getTime());
      const warnings = [
        ...(result.unused > 0
          ? [`${result.unused} caller turn${result.unused === 1 ? " was" : "s were"} not used: the call ended first`]
          : []),
        ...(session.sipTrace?.warnings.map((w) => w.message) ?? []),
      ];
      let savedId: string | null = null;
      if (values.save === true) {
        const saved = insertConversation(
          db,
          conversationFromSession(session, { agentId: agent.id, flowId, version, startedAt }),
        );
        if (!saved.ok && saved.status === "duplicate") {
          throw new UsageError(
            `Conversation ${saved.id} is already stored: this --seed was saved before; use another seed`,
          );
        }
        // The record comes from our own runtime: a malformed one is a bug, not a usage error.
        if (!saved.ok) throw new Error(`The simulated call could not be stored: ${JSON.stringify(saved.fieldErrors)}`);
        savedId = saved.conversation.id;
      }
      if (values.json === true) {
        io.out(
          JSON.stringify(
            {
              conversation_id: savedId ?? session.conversationId,
              saved: savedId !== null,
              version,
              outcome: session.outcome,
              transcript: session.turns,
              // A call that changed flow names its nodes <flow>/<node id> (docs/design.md §3).
              path: pathKeys(session),
              path_flows: session.pathFlows,
              node_titles: pathTitles(session, titleContextOf(session.agent.destinations)),
              handoff: session.handoff,
              transfer_attempts: session.transferAttempts,
              sip_trace: session.sipTrace,
              metrics: session.metrics,
              logs: session.logs,
              warnings,
              ...(values.twiml === true ? { twiml: webhooks } : {}),
            },
            null,
            2,
          ) + "\n",
        );
      } else {
        io.out(
          formatSimulation(session, {
            agentName: agent.name,
            flowName: version === null ? flowName : `${flowName} (version ${version})`,
            warnings,
            savedId,
          }),
        );
        if (session.sipTrace) io.out("\n## SIP trace\n" + formatTraceText(session.sipTrace));
        if (values.twiml === true) {
          io.out("\n## TwiML\n");
          for (const w of webhooks) {
            io.out(`\n${w.request}\n${w.xml ?? "(the call is stored; no TwiML)"}\n`);
            for (const warning of w.warnings) io.out(`warning: ${warning}\n`);
          }
        }
      }
      return 0;
    } finally {
      runner.dispose();
      db.$client.close();
    }
  },
});
