import "server-only";
import { databaseFile } from "@/db/client";
import { getDb } from "@/db/server";
import { serverPythonPool } from "@/telephony/python-pool";
import { handleVoice, type VoiceHook } from "@/telephony/voice";

/**
 * A Twilio voice webhook route. Not session-guarded: Twilio has no session. Each request is
 * guarded by its X-Twilio-Signature instead (checked in telephony/voice.ts before anything runs),
 * which is what `access: { signature: "twilio" }` tells app/auth-guards.test.ts.
 */
export function voiceRoute(hook: VoiceHook) {
  const POST = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    let params: Record<string, string> = {};
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type === "application/x-www-form-urlencoded") {
      params = Object.fromEntries(new URLSearchParams(await request.text()));
    } else if (type !== "") {
      return new Response("Twilio posts application/x-www-form-urlencoded", { status: 415 });
    }
    const reply = await handleVoice(
      hook,
      { pathAndQuery: `${url.pathname}${url.search}`, signature: request.headers.get("x-twilio-signature"), params },
      {
        db: getDb(),
        databaseFile: databaseFile(),
        runPython: (r) => serverPythonPool().run(r),
        warm: () => void serverPythonPool(),
        log: (message) => console.warn(`[twilio] ${message}`),
      },
    );
    return new Response(reply.body, {
      status: reply.status,
      headers: { "content-type": `${reply.contentType}; charset=utf-8`, "cache-control": "no-store" },
    });
  };
  return Object.assign(POST, { access: { signature: "twilio" } as const });
}
