import { generateLargeFlow } from "./generate";
import { MAX_TEXT } from "./fields";
import { MAX_NODES } from "./schema";
import type { FlowDocument } from "./types";

/**
 * Schema-valid flows at the edges of the size limit, for tests: the generated 5,000-node flow
 * with every node's text at 2,000 characters of `char`.
 */
export function flowWithLongestTexts(char: string, n = MAX_NODES): FlowDocument {
  const doc = generateLargeFlow(n, `Longest texts ${n}`);
  const text = char.repeat(MAX_TEXT / char.length);
  for (const node of doc.nodes) {
    const data = node.data as Record<string, unknown>;
    if (node.type === "say") data.utterance = text;
    else if (node.type === "listen") data.prompt = text;
    else if (node.type === "condition") (data.rules as { value: string }[])[0]!.value = text;
    else if (node.type === "set") (data.assignments as { value: string }[])[0]!.value = text;
    else if (node.type === "start") data.greeting = text;
    else if (node.type === "end") data.goodbye = text;
  }
  return doc;
}

/** About 35 MB: longest three-byte texts and 120-character node ids; valid, but over the 32 MB limit. */
export function flowOverSizeLimit(): FlowDocument {
  const doc = flowWithLongestTexts("語");
  const long = (id: string) => id.padStart(120, "n");
  return {
    name: "Over the limit",
    nodes: doc.nodes.map((n) => ({ ...n, id: long(n.id) })),
    edges: doc.edges.map((e) => ({ ...e, source: long(e.source), target: long(e.target) })),
  };
}
