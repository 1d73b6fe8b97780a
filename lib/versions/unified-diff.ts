/**
 * Line diff as a unified diff (`diff -u` style), for comparing functions' code. Common prefix and
 * suffix are trimmed, the middle is aligned by a longest common subsequence; a middle too large to
 * align cheaply (both sides over a few thousand changed lines) is shown as removed, then added.
 */

export interface DiffLine {
  kind: " " | "-" | "+";
  text: string;
}

const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Every line of both texts in order, marked kept, removed or added. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = a.slice(0, start).map((text) => ({ kind: " ", text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  out.push(...alignMiddle(midA, midB));
  out.push(...a.slice(endA).map((text): DiffLine => ({ kind: " ", text })));
  return out;
}

function alignMiddle(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) {
    return [...a.map((text): DiffLine => ({ kind: "-", text })), ...b.map((text): DiffLine => ({ kind: "+", text }))];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: " ", text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push({ kind: "-", text: a[i++]! });
    else out.push({ kind: "+", text: b[j++]! });
  }
  while (i < n) out.push({ kind: "-", text: a[i++]! });
  while (j < m) out.push({ kind: "+", text: b[j++]! });
  return out;
}

/**
 * The unified diff of two texts: `--- a/<name>` / `+++ b/<name>`, then hunks with `context`
 * unchanged lines around each change. Empty when the texts are equal.
 */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  const lines = diffLines(before, after);
  const changed = lines.map((l) => l.kind !== " ");
  if (!changed.includes(true)) return "";
  // Line numbers (1-based) of each entry in the old and new text.
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let o = 0;
  let nn = 0;
  for (const l of lines) {
    if (l.kind !== "+") o++;
    if (l.kind !== "-") nn++;
    oldNo.push(o);
    newNo.push(nn);
  }
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let i = 0;
  while (i < lines.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const from = Math.max(0, i - context);
    let to = i;
    // Extend while the next change is within 2×context lines.
    for (;;) {
      while (to < lines.length && changed[to]) to++;
      let next = to;
      while (next < lines.length && !changed[next]) next++;
      if (next < lines.length && next - to <= 2 * context) to = next;
      else break;
    }
    const end = Math.min(lines.length, to + context);
    const hunk = lines.slice(from, end);
    const oldCount = hunk.filter((l) => l.kind !== "+").length;
    const newCount = hunk.filter((l) => l.kind !== "-").length;
    const oldStart =
      oldCount === 0 ? oldNo[from]! - (lines[from]!.kind === "+" ? 0 : 1) : firstNo(lines, oldNo, from, "+");
    const newStart =
      newCount === 0 ? newNo[from]! - (lines[from]!.kind === "-" ? 0 : 1) : firstNo(lines, newNo, from, "-");
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    for (const l of hunk) out += `${l.kind}${l.text}\n`;
    i = end;
  }
  return out;
}

/** The line number of the first entry from `from` on that belongs to the side (skipping the other side's lines). */
function firstNo(lines: DiffLine[], numbers: number[], from: number, otherSide: "-" | "+"): number {
  for (let k = from; k < lines.length; k++) if (lines[k]!.kind !== otherSide) return numbers[k]!;
  return numbers[lines.length - 1]!;
}
