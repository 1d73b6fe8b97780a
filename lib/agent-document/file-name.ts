/**
 * `Content-Disposition` for a downloaded agent document: `<name>.agent.json`, with an ASCII
 * fallback and the exact name in RFC 5987 form.
 */
export function documentFileName(agentName: string, suffix = ""): string {
  return attachmentFileName(`${agentName}${suffix}.agent.json`);
}

/** `Content-Disposition: attachment` for any file name (ASCII fallback, exact name per RFC 5987). */
export function attachmentFileName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
