export interface Agent {
  id: string;
  name: string;
  /** Host that E.164 routes are sent through (`sip:+1…@trunkHost;user=phone`). */
  trunkHost: string;
  /** Host that extension routes are sent to (`sip:2001@pbxHost`). */
  pbxHost: string;
  functionTimeoutMs: number;
  createdAt: string;
  /** The published version real calls run; null until one is promoted. */
  liveVersion: number | null;
  /** The published version in pre-release (the step before live); null until one is promoted. */
  preReleaseVersion: number | null;
}
