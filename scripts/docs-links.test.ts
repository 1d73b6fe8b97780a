import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { conversationSchema } from "../lib/conversations/schema";
import { NODE_KINDS } from "../lib/flow";
import { LINT_RULES } from "../lib/flow/problems";
import { CONV_MEMBERS, LOG_MEMBERS, memberSignature } from "../lib/functions/conv-api";
import { citations, outsideReferences, relativeLinks, sectionNumbers, sectionText } from "./docs-links";

const ROOT = path.resolve(__dirname, "..");
const DESIGN_DOC = "docs/design.md";

/** Tracked files plus new ones not yet added (but not ignored ones): what a commit would hold. */
function repositoryFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split("\0").filter((f) => f !== "" && existsSync(path.join(ROOT, f)));
}

/** Text files only: a NUL byte means binary (images, fonts, databases). */
function readText(file: string): string | null {
  const buf = readFileSync(path.join(ROOT, file));
  return buf.includes(0) ? null : buf.toString("utf8");
}

const files = repositoryFiles()
  .map((file) => ({ file, text: readText(file) }))
  .filter((f): f is { file: string; text: string } => f.text !== null);
const design = readFileSync(path.join(ROOT, DESIGN_DOC), "utf8");

describe("the checks themselves", () => {
  // Built by concatenation so this file never contains what it looks for.
  const up = "..";
  const S = "§";
  const D = "DESIGN";
  it("finds references to the design document outside the repository", () => {
    const text = `a\nsee ${up}/shared/${D}.md\n// ${D} ${S}3: x\n/** ${D}.md ${S}5 */\n/work/${"shared"}/x`;
    expect(outsideReferences(text).map((h) => [h.line, h.text])).toEqual([
      [2, `${up}/shared`],
      [3, `${D} ${S}`],
      [4, `${D}.md ${S}`],
      [5, `/work/${"shared"}`],
    ]);
    expect(outsideReferences("import { x } from './shared';\nshared/design")).toEqual([]);
  });

  it("reads citations and the sections a document defines", () => {
    expect(
      citations(`/** docs/design.md ${S}1's record */\n(docs/sip.md ${S}5.4) and docs/design.md${S} 2`).map((c) => [
        c.line,
        c.doc,
        c.section,
      ]),
    ).toEqual([
      [1, "docs/design.md", "1"],
      [2, "docs/sip.md", "5.4"],
      [2, "docs/design.md", "2"],
    ]);
    const doc = "# Title\n## 1. Domain\ntext\n### 1.2 Variables\n## 10. Later\n## Not numbered\n";
    expect([...sectionNumbers(doc)]).toEqual(["1", "1.2", "10"]);
    expect(sectionText(doc, "1")).toBe("## 1. Domain\ntext\n### 1.2 Variables");
    expect(sectionText(doc, "1.2")).toBe("### 1.2 Variables");
    expect(sectionText(doc, "3")).toBeNull();
  });

  it("lists relative links without URLs or anchors", () => {
    const md = "[a](docs/design.md) [b](https://x.example) [c](#top) [d](../README.md#api) [e](mailto:a@b)";
    expect(relativeLinks(md).map((l) => l.text)).toEqual(["docs/design.md", "../README.md"]);
  });
});

describe("the repository explains itself", () => {
  it("sees the repository's files", () => {
    expect(files.some((f) => f.file === DESIGN_DOC)).toBe(true);
    expect(files.some((f) => f.file.startsWith("lib/"))).toBe(true);
  });

  it("no file points outside the repository for its design", () => {
    const found = files.flatMap(({ file, text }) => outsideReferences(text).map((h) => `${file}:${h.line}: ${h.text}`));
    expect(found, "cite docs/design.md §n instead").toEqual([]);
  });

  it("every docs/….md §n citation names a section that exists", () => {
    const sections = new Map<string, Set<string>>();
    const broken: string[] = [];
    let count = 0;
    for (const { file, text } of files) {
      for (const c of citations(text)) {
        count++;
        if (!sections.has(c.doc)) {
          const p = path.join(ROOT, c.doc);
          sections.set(c.doc, existsSync(p) ? sectionNumbers(readFileSync(p, "utf8")) : new Set());
        }
        if (!sections.get(c.doc)!.has(c.section)) broken.push(`${file}:${c.line}: ${c.text}`);
      }
    }
    expect(broken, "no such document or section").toEqual([]);
    // The code does cite the design; a regex that silently matched nothing would pass above.
    expect(count).toBeGreaterThan(20);
  });

  it("relative links in markdown files lead to files that exist", () => {
    const broken = files
      .filter(({ file }) => file.endsWith(".md"))
      .flatMap(({ file, text }) =>
        relativeLinks(text)
          .filter((l) => !existsSync(path.resolve(ROOT, path.dirname(file), l.text)))
          .map((l) => `${file}:${l.line}: ${l.text}`),
      );
    expect(broken).toEqual([]);
  });
});

describe("docs/design.md keeps up with the code", () => {
  const section = (n: string) => {
    const text = sectionText(design, n);
    if (text === null) throw new Error(`${DESIGN_DOC} has no section ${n}`);
    return text;
  };

  it("§1 describes every field of the stored handoff record", () => {
    // Reached through the conversation so the test does not care which module defines the record.
    const fields = Object.keys(conversationSchema.shape.handoff.unwrap().shape);
    expect(fields).toContain("source");
    const missing = fields.filter((f) => !section("1").includes(`\`${f}\``));
    expect(missing, `add these fields to ${DESIGN_DOC} §1`).toEqual([]);
  });

  it("§2 lists every node kind and lint rule", () => {
    const text = section("2");
    expect(
      NODE_KINDS.filter((k) => !text.includes(`\`${k}\``)),
      `add these node kinds to ${DESIGN_DOC} §2`,
    ).toEqual([]);
    expect(
      LINT_RULES.filter((r) => !text.includes(`\`${r}\``)),
      `add these lint rules to ${DESIGN_DOC} §2`,
    ).toEqual([]);
  });

  it("§4 gives the signature of every conv member", () => {
    const text = section("4");
    const signatures = [
      ...CONV_MEMBERS.map((m) => memberSignature(m)),
      ...LOG_MEMBERS.map((m) => memberSignature(m, "conv.log")),
    ];
    expect(
      signatures.filter((s) => !text.includes(s)),
      `update the conv API in ${DESIGN_DOC} §4`,
    ).toEqual([]);
  });
});
