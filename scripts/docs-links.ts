/**
 * Checks that keep the repository's documentation self-contained and its citations true:
 * no file points outside the repository for its design, and every `docs/<file>.md §n` citation
 * names a section that exists. Pure functions over text; scripts/docs-links.test.ts applies them
 * to every tracked file.
 */

/** Paths outside the repository that older code used for the design document. */
const OUTSIDE = [/\.\.\/shared\b/g, /\/work\/shared\b/g, /\bDESIGN(?:\.md)?\s*§/g];

export interface Hit {
  /** 1-based line of the match. */
  line: number;
  text: string;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Mentions of the design document's old home outside the repository. */
export function outsideReferences(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of OUTSIDE) {
    for (const m of text.matchAll(pattern)) hits.push({ line: lineAt(text, m.index), text: m[0] });
  }
  return hits.sort((a, b) => a.line - b.line);
}

export interface Citation extends Hit {
  /** Repository-relative path of the cited document, e.g. `docs/design.md`. */
  doc: string;
  /** `5` or `5.4`. */
  section: string;
}

const CITATION = /\b(docs\/[\w./-]+?\.md)\s*§\s*(\d+(?:\.\d+)*)/g;

/** Every `docs/….md §n` citation in a file. */
export function citations(text: string): Citation[] {
  return [...text.matchAll(CITATION)].map((m) => ({
    line: lineAt(text, m.index),
    text: m[0],
    doc: m[1]!,
    section: m[2]!,
  }));
}

const HEADING = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm;

/** Section numbers a markdown document defines: `## 5. SIP` gives 5, `### 5.4 Ladders` gives 5.4. */
export function sectionNumbers(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(HEADING)].map((m) => m[1]!));
}

/** The text of section `n` (its heading to the next heading of the same or a higher level), or null. */
export function sectionText(markdown: string, n: string): string | null {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^(#{1,6})\\s+${n.replace(/\./g, "\\.")}\\.?\\s`).test(l));
  if (start === -1) return null;
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const h = /^(#+)\s/.exec(lines[i]!);
    if (h && h[1]!.length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join("\n");
}

const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** Relative link targets in markdown (no URLs, no in-page anchors), without their `#fragment`. */
export function relativeLinks(markdown: string): Hit[] {
  const out: Hit[] = [];
  for (const m of markdown.matchAll(LINK)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) continue;
    out.push({ line: lineAt(markdown, m.index), text: target.replace(/#.*$/, "") });
  }
  return out;
}
