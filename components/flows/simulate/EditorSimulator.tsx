"use client";

import { useCallback } from "react";
import { SimulatorPanel, type CallProgress as SimulatorProgress } from "@/components/simulator/SimulatorPanel";
import type { CallDetails } from "@/components/simulator/store";
import type { AgentFlow, AgentSetup } from "@/lib/runtime";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { toDocument } from "@/components/flows/store/document";
import { useEditorStore, useEditorStoreApi } from "@/components/flows/store/context";
import type { CallProgress } from "./SimulationHighlight";

export interface EditorSimulation {
  agent: Omit<AgentSetup, "flow" | "flows">;
  /**
   * The agent's other flows as saved, for Go to flow. This flow is not among them (it would double
   * the page's payload): it runs as it is on screen, at `flowIndex` in the agent's order, so the
   * entry flow stays first and a rename made here applies at once.
   */
  otherFlows: AgentFlow[];
  flowIndex: number;
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
      flows: [
        ...simulation.otherFlows.slice(0, simulation.flowIndex),
        { name, flow },
        ...simulation.otherFlows.slice(simulation.flowIndex),
      ],
      functions: simulation.agent.functions.map((f) => ({ name: f.name, code: code.get(f.name) ?? f.code })),
    };
  }, [store, simulation]);
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
