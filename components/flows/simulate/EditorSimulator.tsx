"use client";

import { useCallback, useEffect, useState } from "react";
import { SimulatorPanel, type CallProgress as SimulatorProgress } from "@/components/simulator/SimulatorPanel";
import type { CallDetails } from "@/components/simulator/store";
import type { AgentSetup } from "@/lib/runtime";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { toDocument } from "@/components/flows/store/document";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CallProgress } from "./SimulationHighlight";
import { loadSimulationFlowsAction } from "@/app/agents/[agentId]/flows/[flowId]/actions";
import { withEditedFlow, type SimulationFlows } from "@/lib/simulation";

export interface EditorSimulation {
  /** The agent without its flows: the simulator asks for them when it opens (`loadSimulationFlowsAction`). */
  agent: Omit<AgentSetup, "flow" | "flows">;
  defaults: CallDetails;
  timeoutMs: number;
}

/** The agent's other flows (for Go to flow), asked for once the simulator opens. */
function useAgentFlows(agentId: string, flowId: string): SimulationFlows | null {
  const [result, setResult] = useState<SimulationFlows | null>(null);
  useEffect(() => {
    let live = true;
    loadSimulationFlowsAction(agentId, flowId).then(
      (r) => live && setResult(r),
      () =>
        live &&
        setResult({ ok: false, message: "Could not load the agent's flows; check the connection and reopen Simulate" }),
    );
    return () => {
      live = false;
    };
  }, [agentId, flowId]);
  return result;
}

/** The simulator beside the canvas: each call runs what is on screen, with functions as last saved here. */
export function EditorSimulator({
  simulation,
  onProgress,
}: {
  simulation: EditorSimulation;
  onProgress: (p: CallProgress) => void;
}) {
  const { agentId, flowId } = useEditorMeta();
  const store = useEditorStoreApi();
  const flowName = useEditorStore((s) => s.name);
  const flows = useAgentFlows(agentId, flowId);
  const getAgent = useCallback((): AgentSetup => {
    if (!flows?.ok) throw new Error("The agent's flows are not loaded");
    const s = store.getState();
    const code = new Map(s.lintContext.functions.map((f) => [f.name, f.code]));
    const name = s.name || (s.lintContext.flowName ?? "Simulation");
    const flow = toDocument(name, s.nodes, s.edges);
    return {
      ...simulation.agent,
      flow,
      flows: withEditedFlow(flows.otherFlows, flows.flowIndex, { name, flow }),
      functions: simulation.agent.functions.map((f) => ({ name: f.name, code: code.get(f.name) ?? f.code })),
    };
  }, [store, simulation, flows]);
  // The canvas shows this flow: only its nodes are marked while the call is in another flow.
  const onOwnProgress = useCallback(
    (p: SimulatorProgress) => {
      const s = store.getState();
      const name = s.name || (s.lintContext.flowName ?? "Simulation");
      const mine = (i: number) => (p.pathFlows[i] ?? name) === name;
      const flowExits = p.path.flatMap((id, i) =>
        mine(i) && i + 1 < p.path.length && !mine(i + 1) ? [{ nodeId: id, to: p.pathFlows[i + 1] ?? "" }] : [],
      );
      onProgress({
        currentNodeId: p.currentFlow === null || p.currentFlow === name ? p.currentNodeId : null,
        path: p.path.filter((_, i) => mine(i)),
        flowExits,
      });
    },
    [store, onProgress],
  );
  if (!flows?.ok)
    return (
      <div className="p-3 text-sm text-slate-600" role="status" data-testid="simulator-loading">
        {flows ? flows.message : "Loading the agent's flows…"}
      </div>
    );
  return (
    <div className="flex h-full min-h-0 flex-col p-3">
      <SimulatorPanel
        agentId={agentId}
        flowId={flowId}
        agent={{ ...simulation.agent, flow: { name: "", nodes: [], edges: [] } }}
        getAgent={getAgent}
        defaults={simulation.defaults}
        timeoutMs={simulation.timeoutMs}
        onProgress={onOwnProgress}
        flowName={flowName}
      />
    </div>
  );
}
