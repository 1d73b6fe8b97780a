import type { FieldErrors } from "../validation/field-errors";
import type { NumberUrls, TwilioConnection, TwilioNumber } from "./account";

/** What Settings → Telephony's server actions return. */
export type TelephonyActionResult =
  | { ok: true; message: string; connection?: TwilioConnection; number?: TwilioNumber; urls?: NumberUrls }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };
