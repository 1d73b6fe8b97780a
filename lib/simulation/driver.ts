import {
  step,
  type CallEvent,
  type Effect,
  type FunctionOutcome,
  type FunctionRequest,
  type Session,
} from "../runtime";

export type RunFunction = (request: FunctionRequest) => Promise<FunctionOutcome>;

/**
 * One event, then every function call it triggers, until the call waits for the caller or ends.
 * The runtime stays pure; this is where a host's Python runner is plugged in.
 */
export async function advance(
  session: Session,
  event: CallEvent,
  runFunction: RunFunction,
  onEffects?: (effects: Effect[], session: Session) => void,
): Promise<{ session: Session; effects: Effect[] }> {
  const all: Effect[] = [];
  let r = step(session, event);
  all.push(...r.effects);
  onEffects?.(r.effects, r.session);
  while (r.session.status === "awaiting_function" && r.session.pending) {
    const pending = r.session.pending;
    const outcome = await runFunction(pending);
    r = step(r.session, { type: "function_result", requestId: pending.requestId, outcome });
    all.push(...r.effects);
    onEffects?.(r.effects, r.session);
  }
  return { session: r.session, effects: all };
}

export type ScriptedInput = { say: string } | { dtmf: string };

/** Runs a whole call from a script of caller turns (CLI, tests). Stops early when the call ends. */
export async function simulateScript(
  session: Session,
  inputs: readonly ScriptedInput[],
  runFunction: RunFunction,
  /** Each caller event with what it produced (the CLI's TwiML view is one webhook per turn). */
  onTurn?: (event: CallEvent, effects: Effect[], after: Session) => void,
): Promise<{ session: Session; effects: Effect[]; unused: number }> {
  const effects: Effect[] = [];
  const turn = async (from: Session, event: CallEvent) => {
    const result = await advance(from, event, runFunction);
    onTurn?.(event, result.effects, result.session);
    return result;
  };
  let r = await turn(session, { type: "call_started" });
  effects.push(...r.effects);
  let used = 0;
  for (const input of inputs) {
    if (r.session.status !== "awaiting_input") break;
    const event: CallEvent =
      "say" in input ? { type: "user_utterance", text: input.say } : { type: "dtmf", digits: input.dtmf };
    r = await turn(r.session, event);
    effects.push(...r.effects);
    used++;
  }
  // A script that runs out while the agent still listens: the caller hung up.
  if (r.session.status === "awaiting_input") {
    r = await turn(r.session, { type: "caller_hangup" });
    effects.push(...r.effects);
  }
  return { session: r.session, effects, unused: inputs.length - used };
}
