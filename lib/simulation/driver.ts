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
): Promise<{ session: Session; effects: Effect[]; unused: number }> {
  const effects: Effect[] = [];
  let r = await advance(session, { type: "call_started" }, runFunction);
  effects.push(...r.effects);
  let used = 0;
  for (const input of inputs) {
    if (r.session.status !== "awaiting_input") break;
    const event: CallEvent =
      "say" in input ? { type: "user_utterance", text: input.say } : { type: "dtmf", digits: input.dtmf };
    r = await advance(r.session, event, runFunction);
    effects.push(...r.effects);
    used++;
  }
  // A script that runs out while the agent still listens: the caller hung up.
  if (r.session.status === "awaiting_input") {
    r = await advance(r.session, { type: "caller_hangup" }, runFunction);
    effects.push(...r.effects);
  }
  return { session: r.session, effects, unused: inputs.length - used };
}
