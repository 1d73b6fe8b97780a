/**
 * POST /bench/twiml: fixed TwiML, reading nothing: `npm run bench:voice`'s baseline for what Next
 * itself costs per webhook (not linked from the UI; it holds no data, so it needs no sign-in).
 */
const FIXED =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech dtmf" speechTimeout="auto" action="/voice/gather" method="POST"><Say>How can I help you today?</Say></Gather></Response>';

export const dynamic = "force-dynamic";

export const POST = Object.assign(
  async (request: Request) => {
    await request.text();
    return new Response(FIXED, { headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" } });
  },
  { access: { public: true } as const },
);
