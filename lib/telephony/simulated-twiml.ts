import type { TransferOutcome } from "../handoffs/outcomes";
import type { CallEvent, Effect, Session } from "../runtime";
import { VOICE_PATHS } from "./account";
import { isSipOriginated, turnTwiml, type TwimlContext } from "./twiml";

/**
 * What a simulated turn would send Twilio: the webhook that would carry the event and the TwiML
 * it would answer, from `turnTwiml`, the voice webhooks' own code. A transfer the simulated
 * destination refuses is two webhooks on a live call (the turn that dials, then the Dial action
 * reporting busy), so it is shown as two.
 */
export interface SimulatedWebhook {
  /** `POST /voice/gather (SpeechResult="billing")`. */
  request: string;
  xml: string | null;
  warnings: string[];
}

/** Where the simulator's TwiML points its action URLs: the connected public base URL, or this. */
export const EXAMPLE_PUBLIC_BASE_URL = "https://switchboard.example";

function requestFor(event: CallEvent): string {
  switch (event.type) {
    case "call_started":
      return `POST ${VOICE_PATHS.call}`;
    case "user_utterance":
      return `POST ${VOICE_PATHS.gather} (SpeechResult=${JSON.stringify(event.text)})`;
    case "dtmf":
      return `POST ${VOICE_PATHS.gather} (Digits=${event.digits})`;
    case "timer":
      return `POST ${VOICE_PATHS.gather} (no input)`;
    case "caller_hangup":
      return `POST ${VOICE_PATHS.status} (CallStatus=completed)`;
    case "function_result":
      return `POST ${VOICE_PATHS.gather}`;
  }
}

/** What Twilio's Dial/Refer action would report for a transfer that ended so. */
function actionParams(verb: "Dial" | "Refer", outcome: TransferOutcome, sipStatus: number | null): string {
  const code = sipStatus === null ? "" : `${verb}SipResponseCode=${sipStatus}`;
  if (verb === "Refer") return code || "ReferCallStatus=failure";
  const status = outcome === "busy" ? "busy" : outcome === "no_answer" ? "no-answer" : "failed";
  return [`DialCallStatus=${status}`, code].filter(Boolean).join(", ");
}

export function simulatedWebhooks(
  event: CallEvent,
  effects: readonly Effect[],
  after: Session,
  publicBaseUrl: string = EXAMPLE_PUBLIC_BASE_URL,
): SimulatedWebhook[] {
  if (event.type === "caller_hangup") return [{ request: requestFor(event), xml: null, warnings: [] }];
  const ctx: TwimlContext = {
    publicBaseUrl,
    conversationId: after.conversationId,
    sipOriginated: isSipOriginated(after.call.callerId),
    hosts: after.agent.hosts,
  };
  const refused = effects.findIndex((e) => e.type === "handoff" && e.record.outcome !== "completed");
  if (refused === -1) {
    const t = turnTwiml(effects, after, ctx);
    return [{ request: requestFor(event), xml: t.xml, warnings: t.warnings }];
  }
  const handoff = effects[refused] as Extract<Effect, { type: "handoff" }>;
  const dialing = [
    ...effects.slice(0, refused),
    { ...handoff, record: { ...handoff.record, outcome: "completed" as const } },
  ];
  const first = turnTwiml(dialing, { ...after, status: "ended" }, ctx);
  const then = turnTwiml(effects.slice(refused + 1), after, ctx);
  const verb = first.transfer?.verb ?? "Dial";
  return [
    { request: requestFor(event), xml: first.xml, warnings: first.warnings },
    {
      request: `POST ${VOICE_PATHS.transfer} (${actionParams(verb, handoff.record.outcome, handoff.record.sip_status)})`,
      xml: then.xml,
      warnings: then.warnings,
    },
  ];
}
