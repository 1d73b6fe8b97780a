import { nodeTitle, type TitleContext } from "../flow";
import { findAgentFlow } from "./graph";
import type { Session } from "./types";

/**
 * How a stored call names the nodes it visited (the conversation's `path` and `node_titles` keys).
 * A call that stayed in one flow keeps bare node ids; a call that changed flow names every node
 * `<flow>/<node id>`, since node ids are only unique within their flow (the editor never puts a "/" in an id).
 */
export function pathKeys(session: Pick<Session, "path" | "pathFlows">): string[] {
  const flows = session.pathFlows ?? [];
  const several = flows.some((f) => f !== flows[0]);
  return several ? session.path.map((id, i) => `${flows[i]}/${id}`) : [...session.path];
}

/** A path key as its flow (null: a one-flow call's bare id) and node id. */
export function splitPathKey(key: string): { flow: string | null; nodeId: string } {
  const at = key.lastIndexOf("/");
  return at < 0 ? { flow: null, nodeId: key } : { flow: key.slice(0, at), nodeId: key.slice(at + 1) };
}

/** The title of every node the call visited, by path key (as they were when the call ran). */
export function pathTitles(
  session: Pick<Session, "path" | "pathFlows" | "agent">,
  ctx: TitleContext,
): Record<string, string> {
  const keys = pathKeys(session);
  const out: Record<string, string> = {};
  session.path.forEach((id, i) => {
    const key = keys[i]!;
    if (key in out) return;
    const flow = findAgentFlow(session.agent, session.pathFlows?.[i] ?? session.agent.flow.name)?.flow;
    const node = flow?.nodes.find((n) => n.id === id);
    if (node) out[key] = nodeTitle(node, ctx);
  });
  return out;
}
