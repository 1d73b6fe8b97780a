/** The pure SIP engine: message model, parser/serializer and handoff traces (docs/design.md §5). */
export type { SipHeaderField, SipMessage, SipRequest, SipResponse } from "./message";
export { headerValue, headerValues, utf8ByteLength, cseqOf, startLineLabel, SIP_VERSION } from "./message";
export { serializeSipMessage } from "./serialize";
export { parseSipMessage, SipParseError } from "./parse";
export { createIdSource, hashSeed, type IdSource } from "./ids";
export { escapeHvalue, escapeUser, uriWithHeaders } from "./hvalue";
export { resolveHandoffHeaders, resolveRuntimeText, REASON_HEADER } from "./headers";
export { AGENT_IP, DESTINATION_IP, SBC_IP, type Dialog, type DialogSide } from "./dialog";
export { UDP_SIZE_LIMIT } from "./builder";
export { NORMAL_CLEARING } from "./ladders/bye";
export { buildHandoff, buildHandoffTrace, type BuiltHandoff } from "./trace";
export { formatTraceText, methodNote } from "./format";
export { traceToPcap, PCAP_CONTENT_TYPE, type PcapMessage } from "./pcap";
export { LANE_LABELS } from "./types";
export type {
  HandoffTrace,
  HandoffTraceInput,
  Lane,
  TraceDestination,
  TraceMessage,
  TraceBehaviour,
  LadderAttempt,
  TraceWarning,
  TraceWarningCode,
} from "./types";
