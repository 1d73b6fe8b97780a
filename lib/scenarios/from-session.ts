import { titleContextOf } from "../flow/titles";
import { transferCompleted } from "../handoffs/record";
import { pathKeys, pathTitles } from "../runtime/path";
import type { Session } from "../runtime";
import type { Scenario, ScenarioBehaviour, ScenarioTurn } from "./schema";

const DTMF_TURN = /^DTMF ([0-9*#A-D]+)$/;

/**
 * "Save as scenario" (docs/design.md §15): a finished simulated call as a scenario whose turns,
 * start values, behaviours and seed replay it, and whose expectations say what happened — ready to
 * edit. The call's own numbers are kept as the caller_id / called_number start values (a withheld
 * caller as `caller_number: ""`), its inbound SIP headers as the scenario's.
 */
export function scenarioFromSession(
  session: Session,
  meta: { name: string; flow: string; version?: string },
): Scenario {
  const turns: ScenarioTurn[] = session.turns
    .filter((t) => t.role === "caller")
    .map((t) => {
      const dtmf = DTMF_TURN.exec(t.text);
      return dtmf ? { dtmf: dtmf[1]! } : { say: t.text };
    });
  const behaviours: ScenarioBehaviour[] = Object.entries(session.call.behaviours ?? {})
    .map(([destination, b]) => ({
      destination,
      behaviours: (Array.isArray(b) ? b : [b]).filter(
        (x): x is ScenarioBehaviour["behaviours"][number] => typeof x === "string",
      ),
    }))
    .filter((b) => b.behaviours.length > 0);
  const h = session.handoff;
  const handedOff = session.outcome === "handoff" && h !== null && transferCompleted(h);
  const outcome = handedOff
    ? "handoff"
    : session.outcome === "abandoned" || session.outcome === "failed"
      ? session.outcome
      : "hangup";
  const titles = pathTitles(session, titleContextOf(session.agent.destinations));
  const path = [...new Set(pathKeys(session).map((key) => titles[key] ?? key))];
  const metrics = new Map(session.metrics.map((m) => [m.name, String(m.value)]));
  const sipHeaders = Object.entries(session.call.sipHeaders ?? {}).map(([name, value]) => ({ name, value }));
  return {
    name: meta.name,
    flow: meta.flow,
    ...(meta.version && meta.version !== "draft" ? { version: meta.version } : {}),
    variables: {
      ...session.call.variables,
      caller_id: session.call.callerId,
      called_number: session.call.calledNumber,
    },
    turns,
    ...(behaviours.length > 0 ? { behaviours } : {}),
    seed: String(session.call.seed),
    ...(sipHeaders.length > 0 ? { sip_headers: sipHeaders } : {}),
    ...(session.call.callerId === "" ? { caller_number: "" } : {}),
    ...(session.call.simulatedAt ? { simulated_at: session.call.simulatedAt } : {}),
    expect: {
      outcome,
      ...(h
        ? {
            handoff: {
              destination: h.destination ?? h.route ?? "",
              method: h.method,
              reason: h.reason,
              source: h.source,
              ...(h.function ? { function: h.function } : {}),
              headers: h.sip_headers.map((x) => ({ name: x.name, value: x.value })),
              ...(h.utterance ? { utterance: h.utterance } : {}),
            },
          }
        : {}),
      path,
      ...(metrics.size > 0 ? { metrics: [...metrics].map(([name, value]) => ({ name, value })) } : {}),
    },
  };
}
