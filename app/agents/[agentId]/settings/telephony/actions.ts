"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { databaseFile } from "@/db/client";
import { getDb } from "@/db/server";
import { actorOf } from "@/lib/audit/types";
import type { TelephonyActionResult } from "@/lib/telephony/action-results";
import {
  assignNumber,
  connectTwilio,
  disconnectTwilio,
  refreshTwilioNumbers,
  testTwilioConnection,
  type TelephonyResult,
} from "@/telephony/connection";

const denied = (d: Denial): TelephonyActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });
const refresh = () => revalidatePath("/agents/[agentId]/settings", "layout");

function failed(r: Extract<TelephonyResult<unknown>, { ok: false }>): TelephonyActionResult {
  return { ok: false, fieldErrors: r.fieldErrors, ...(r.formError ? { formError: r.formError } : {}) };
}

/** Connects Twilio after the SDK fetched the account with the credentials (nothing is saved otherwise). */
export const connectTwilioAction = guardedAction(
  "telephony.manage",
  denied,
  async (viewer, input: unknown): Promise<TelephonyActionResult> => {
    const r = await connectTwilio(getDb(), databaseFile(), input, { verify: true, actor: actorOf(viewer) });
    if (!r.ok) return failed(r);
    refresh();
    return { ok: true, message: `Connected to ${r.value.friendlyName ?? r.value.accountSid}`, connection: r.value };
  },
);

export const testTwilioAction = guardedAction("telephony.manage", denied, async (): Promise<TelephonyActionResult> => {
  const r = await testTwilioConnection(getDb(), databaseFile());
  if (!r.ok) return failed(r);
  refresh();
  return { ok: true, message: `Connected: Twilio knows this account as "${r.value}"` };
});

export const disconnectTwilioAction = guardedAction(
  "telephony.manage",
  denied,
  async (viewer): Promise<TelephonyActionResult> => {
    const r = disconnectTwilio(getDb(), actorOf(viewer));
    if (!r.ok) return failed(r);
    refresh();
    return { ok: true, message: "Disconnected: the credentials are deleted" };
  },
);

export const refreshTwilioNumbersAction = guardedAction(
  "telephony.manage",
  denied,
  async (): Promise<TelephonyActionResult> => {
    const r = await refreshTwilioNumbers(getDb(), databaseFile());
    if (!r.ok) return failed(r);
    refresh();
    return { ok: true, message: `Twilio lists ${r.value} incoming number${r.value === 1 ? "" : "s"}` };
  },
);

/** Assigns a number to an agent: through the SDK, or `byHand` (returns the URLs to paste into Twilio's console). */
export const assignTwilioNumberAction = guardedAction(
  "telephony.manage",
  denied,
  async (viewer, input: unknown, byHand: unknown): Promise<TelephonyActionResult> => {
    const r = await assignNumber(getDb(), databaseFile(), input, { byHand: byHand === true, actor: actorOf(viewer) });
    if (!r.ok) return failed(r);
    refresh();
    const { number, urls } = r.value;
    return {
      ok: true,
      message:
        byHand === true
          ? `${number.phoneNumber} serves ${number.agentName} once its voice URL and status callback are set in Twilio's console`
          : `${number.phoneNumber} now serves ${number.agentName}`,
      number,
      urls,
    };
  },
);
