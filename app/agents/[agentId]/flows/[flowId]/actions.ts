"use server";

import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listFlowDocuments } from "@/db/repositories/flows";
import type { SimulationFlows } from "@/lib/simulation";

/**
 * The agent's other flows as saved, for a call beside the canvas that reaches Go to flow, and where
 * this flow stands among them (the first is the entry flow). Asked for when the simulator opens
 * rather than sent with the editor page: an agent's flows together can be megabytes that most
 * editing sessions never run.
 */
export const loadSimulationFlowsAction = guardedAction(
  "simulate",
  (d: Denial): SimulationFlows => ({ ok: false, message: d.message }),
  async (_viewer, agentId: unknown, flowId: unknown): Promise<SimulationFlows> => {
    const gone = { ok: false as const, message: "This flow or agent no longer exists; reload the page" };
    if (typeof agentId !== "string" || typeof flowId !== "string") return gone;
    const flows = listFlowDocuments(getDb(), agentId);
    const flowIndex = flows.findIndex((f) => f.id === flowId);
    if (flowIndex < 0) return gone;
    return {
      ok: true,
      flowIndex,
      otherFlows: flows
        .filter((f) => f.id !== flowId)
        .map((f) => ({ name: f.name, flow: { name: f.name, nodes: f.nodes, edges: f.edges } })),
    };
  },
);
