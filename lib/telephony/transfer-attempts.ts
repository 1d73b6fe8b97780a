import { ATTEMPTS, RING_TIMEOUT, TRANSFER_OUTCOMES, type TransferOutcome } from "../handoffs/outcomes";
import type { HandoffRecord } from "../handoffs/record";

/**
 * A live call's transfer tries the destination as often as the destination allows (docs/design.md
 * §14), like the simulator: Twilio reports each <Dial>/<Refer> to the transfer webhook, which asks
 * again while attempts remain. The attempts so far ride in the webhook URL's query, which Twilio
 * signs with the URL, so no state is kept between the tries.
 */

export interface TwilioAttempt {
  outcome: TransferOutcome;
  sipStatus: number | null;
}

export interface TransferLimits {
  ringTimeoutSeconds: number;
  attempts: number;
}

/**
 * The ring timeout and attempts of the destination a handoff went to, as the runtime used them: a
 * configured destination's own (found by name), the defaults for a code-based transfer_call.
 */
export function transferLimits(
  destinations: readonly { name: string; ringTimeoutSeconds: number; attempts: number }[],
  record: Pick<HandoffRecord, "source"> & { destination: string | null },
): TransferLimits {
  const dest = record.source === "transfer_call" ? undefined : destinations.find((d) => d.name === record.destination);
  return {
    ringTimeoutSeconds: dest?.ringTimeoutSeconds ?? RING_TIMEOUT.default,
    attempts: dest?.attempts ?? ATTEMPTS.default,
  };
}

/** `busy:486,no_answer:` — the failed attempts so far, for the next attempt's webhook URL. */
export function formatTried(tried: readonly TwilioAttempt[]): string {
  return tried.map((a) => `${a.outcome}:${a.sipStatus ?? ""}`).join(",");
}

/** The attempts a webhook URL carries; anything malformed reads as none (the URL is signed, so it is ours). */
export function parseTried(text: string | null): TwilioAttempt[] {
  if (!text) return [];
  const out: TwilioAttempt[] = [];
  for (const part of text.split(",")) {
    const [outcome, status] = part.split(":");
    if (!(TRANSFER_OUTCOMES as readonly string[]).includes(outcome ?? "")) return [];
    const sipStatus = status ? Number(status) : null;
    if (sipStatus !== null && !(Number.isInteger(sipStatus) && sipStatus >= 100 && sipStatus <= 699)) return [];
    out.push({ outcome: outcome as TransferOutcome, sipStatus });
  }
  return out.length > ATTEMPTS.max ? [] : out;
}
