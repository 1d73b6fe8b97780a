"use client";

import { useCallback } from "react";
import { SimulatorPanel, type CallProgress as SimulatorProgress } from "@/components/simulator/SimulatorPanel";
import type { CallDetails } from "@/components/simulator/store";
import type { AgentSetup } from "@/lib/runtime";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { toDocument } from "@/components/flows/store/document";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CallProgress } from "./SimulationHighlight";

export interface EditorSimulation {
  agent: Omit<AgentSetup, "flow">;
  defaults: CallDetails;
  timeoutMs: number;
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
  const getAgent = useCallback((): AgentSetup => {
    const s = store.getState();
    const code = new Map(s.lintContext.functions.map((f) => [f.name, f.code]));
    const name = s.name || (s.lintContext.flowName ?? "Simulation");
    const flow = toDocument(name, s.nodes, s.edges);
    return {
      ...simulation.agent,
      flow,
      flows: (simulation.agent.flows ?? []).map((f) => (f.name === name ? { name, flow } : f)),
      functions: simulation.agent.functions.map((f) => ({ name: f.name, code: code.get(f.name) ?? f.code })),
    };
  }, [store, simulation.agent]);
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
