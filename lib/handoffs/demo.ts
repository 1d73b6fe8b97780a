import type { HandoffDestination } from "./types";

/** A demo destination as stored, less what the database adds (agentId, createdAt). */
export type DemoDestination = Omit<HandoffDestination, "agentId" | "createdAt">;

/*
 * The demo agent's ("Acme Support") handoff destinations, written once: db/seed.ts stores them in
 * this order (the first becomes the default; the database gives them their own ids), and tests,
 * fixtures and benchmarks use them as they are. The ids here are the fixtures' ids.
 */

export const DEMO_FRONT_DESK: DemoDestination = {
  id: "hd_front",
  name: "Front desk",
  description: "Reception team for general questions.",
  method: "refer",
  route: "sip:frontdesk@pbx.acme.example",
  sipHeaders: [],
  referHeaderPlacement: "request",
  ringTimeoutSeconds: 30,
  attempts: 1,
  outboundEndpoint: null,
  outboundEncryption: "UDP/RTP",
  isDefault: true,
};

export const DEMO_BILLING: DemoDestination = {
  id: "hd_billing",
  name: "Billing Support",
  description: "Billing specialists; the agent bridges the call so it can stay on the line.",
  method: "invite",
  route: "sip:billing@pbx.acme.example",
  sipHeaders: [
    { name: "X-Customer-ID", value: "$customer_id" },
    { name: "X-Caller-ID", value: "$caller_id" },
  ],
  referHeaderPlacement: "request",
  ringTimeoutSeconds: 30,
  attempts: 1,
  outboundEndpoint: null,
  outboundEncryption: "UDP/RTP",
  isDefault: false,
};

export const DEMO_IVR: DemoDestination = {
  id: "hd_ivr",
  name: "Hand back to IVR",
  description: "Return the caller to the IVR menu.",
  method: "bye",
  route: null,
  sipHeaders: [],
  referHeaderPlacement: "request",
  ringTimeoutSeconds: 30,
  attempts: 1,
  outboundEndpoint: null,
  outboundEncryption: "UDP/RTP",
  isDefault: false,
};

export const DEMO_DESTINATIONS: readonly DemoDestination[] = [DEMO_FRONT_DESK, DEMO_BILLING, DEMO_IVR];
