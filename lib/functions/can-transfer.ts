/**
 * Static check used by the flow lint ("handoff node whose override function never transfers")
 * and the handoff inspector: does this source ever call conv.transfer_call / conv.handoff /
 * conv.call_handoff, or return a dict with a "handoff" key? Comments and string contents are
 * ignored, so `# conv.transfer_call(...)` does not count.
 */

export interface TransferSite {
  kind: "transfer_call" | "handoff" | "call_handoff" | "return_handoff";
  /** 1-based line. */
  line: number;
}

/** Replaces comments and string contents with spaces, keeping offsets and line breaks. */
export function blankCommentsAndStrings(code: string): { code: string; strings: { text: string; start: number }[] } {
  const out = code.split("");
  const strings: { text: string; start: number }[] = [];
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < code.length) {
    const c = code[i]!;
    if (c === "#") {
      const end = code.indexOf("\n", i);
      const stop = end === -1 ? code.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      // Prefixes (r, b, f, u…) are ordinary identifier characters before the quote; nothing to do.
      const triple = code.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < code.length) {
        if (code[j] === "\\") {
          j += 2;
          continue;
        }
        if (code.startsWith(quote, j)) break;
        if (!triple && code[j] === "\n") break;
        j++;
      }
      const end = Math.min(code.length, j + (code.startsWith(quote, j) ? quote.length : 0));
      strings.push({
        text: code.slice(
          i + quote.length,
          Math.max(i + quote.length, end - (code.startsWith(quote, j) ? quote.length : 0)),
        ),
        start: i,
      });
      blank(i + quote.length, end - (code.startsWith(quote, j) ? quote.length : 0));
      i = end;
      continue;
    }
    i++;
  }
  return { code: out.join(""), strings };
}

const CALL = /\.\s*(transfer_call|call_handoff|handoff)\s*\(/g;

export function transferSites(code: string): TransferSite[] {
  const { code: bare, strings } = blankCommentsAndStrings(code);
  const lineOf = (offset: number) => code.slice(0, offset).split("\n").length;
  const sites: TransferSite[] = [];
  for (const m of bare.matchAll(CALL)) sites.push({ kind: m[1] as TransferSite["kind"], line: lineOf(m.index!) });
  // A returned dict {"handoff": ...}: the key is a string literal followed by a colon.
  for (const s of strings) {
    if (s.text !== "handoff") continue;
    const after = s.start + s.text.length + 2;
    if (/^\s*:/.test(bare.slice(after))) sites.push({ kind: "return_handoff", line: lineOf(s.start) });
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** True when the function can move the call (so it can override a handoff node). */
export function functionCanTransfer(code: string): boolean {
  return transferSites(code).length > 0;
}
