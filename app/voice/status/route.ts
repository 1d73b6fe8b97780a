import { voiceRoute } from "@/app/voice/_lib/webhook";

export const dynamic = "force-dynamic";

/** POST /voice/status: Twilio's webhook, guarded by its signature (app/voice/_lib/webhook.ts). */
export const POST = voiceRoute("status");
