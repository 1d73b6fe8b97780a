/** `2025-05-01 09:30 UTC`: the same text on the server and in every browser (no hydration drift). */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
