import { getDb } from "../db/server";
import { listTwilioNumbers } from "../db/repositories/telephony";
import { serverPythonPool } from "./python-pool";

/** Starts the Python pool in the background when live calls can arrive (a number serves an agent). */
export function warmPythonForCalls(): void {
  try {
    if (listTwilioNumbers(getDb()).some((n) => n.agentId !== null)) serverPythonPool();
  } catch (e) {
    console.warn(`[twilio] Python pool not warmed: ${(e as Error).message}`);
  }
}
