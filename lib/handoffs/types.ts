export const HANDOFF_METHODS = ["refer", "invite", "bye"] as const;
export type HandoffMethod = (typeof HANDOFF_METHODS)[number];

export const REFER_PLACEMENTS = ["request", "refer-to-uri", "both"] as const;
export type ReferHeaderPlacement = (typeof REFER_PLACEMENTS)[number];

/** How an INVITE destination's leg is carried: plain SIP over UDP with RTP, or SIP over TLS with SRTP media. */
export const OUTBOUND_ENCRYPTIONS = ["UDP/RTP", "TLS/SRTP"] as const;
export type OutboundEncryption = (typeof OUTBOUND_ENCRYPTIONS)[number];
export const DEFAULT_ENCRYPTION: OutboundEncryption = "UDP/RTP";

export interface SipHeader {
  name: string;
  value: string;
}

export interface HandoffDestination {
  id: string;
  agentId: string;
  name: string;
  description: string;
  method: HandoffMethod;
  /** Absent for BYE. */
  route: string | null;
  sipHeaders: SipHeader[];
  referHeaderPlacement: ReferHeaderPlacement;
  /** Seconds the destination may ring before the transfer counts as no answer (docs/design.md §11). */
  ringTimeoutSeconds: number;
  /** How many times a transfer to it is tried before the agent gives up (1–3). */
  attempts: number;
  /**
   * INVITE only: the SIP server or trunk (host[:port]) the INVITE is sent through; null sends it
   * to the route's own host (docs/design.md §5).
   */
  outboundEndpoint: string | null;
  /** INVITE only: the leg's transport and media (UDP/RTP for every other method). */
  outboundEncryption: OutboundEncryption;
  isDefault: boolean;
  createdAt: string;
}

export const METHOD_INFO: Record<HandoffMethod, { label: string; badge: string; meaning: string }> = {
  refer: {
    label: "SIP REFER",
    badge: "REFER",
    meaning: "Blind transfer: the caller's SBC is asked to call the route, then the agent leaves the call.",
  },
  invite: {
    label: "SIP INVITE",
    badge: "INVITE",
    meaning: "Bridge: the agent calls the route itself and connects both legs, staying in the media path.",
  },
  bye: {
    label: "SIP BYE",
    badge: "BYE",
    meaning: "Hand back: the agent hangs up with a Reason header so the SBC or IVR takes the call back.",
  },
};

export const PLACEMENT_INFO: Record<ReferHeaderPlacement, { label: string; meaning: string }> = {
  request: { label: "On the REFER request", meaning: "Headers travel on the REFER itself (default)." },
  "refer-to-uri": {
    label: "In the Refer-To URI",
    meaning: "Headers are escaped into the Refer-To URI so the SBC copies them onto its new INVITE.",
  },
  both: { label: "Both", meaning: "Headers go on the REFER and into the Refer-To URI." },
};

export const ENCRYPTION_INFO: Record<OutboundEncryption, { label: string; meaning: string }> = {
  "UDP/RTP": { label: "UDP/RTP", meaning: "SIP over UDP, unencrypted RTP media (default)." },
  "TLS/SRTP": {
    label: "TLS/SRTP",
    meaning: "SIP over TLS (port 5061, sips:), SRTP media keyed in the SDP offer (a=crypto, RFC 4568).",
  },
};
