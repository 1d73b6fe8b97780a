import type { NodeDataOf, NodeKind } from "./catalogue";

export type { NodeDataOf, NodeKind } from "./catalogue";
export type { StartData } from "./kinds/start/definition";
export type { SayData } from "./kinds/say/definition";
export type { ListenData, ListenBranch } from "./kinds/listen/definition";
export type { ConditionData, ConditionRule, ConditionOperator } from "./kinds/condition/definition";
export type { SetData, Assignment } from "./kinds/set/definition";
export type { FunctionData, FunctionArgument } from "./kinds/function/definition";
export type { HandoffData } from "./kinds/handoff/definition";
export type { EndData } from "./kinds/end/definition";
export type { GotoFlowData } from "./kinds/goto_flow/definition";

export interface Position {
  x: number;
  y: number;
}

/** Shaped like an @xyflow/react node so the canvas can use it without mapping. */
export interface FlowNodeOf<K extends NodeKind> {
  id: string;
  type: K;
  position: Position;
  data: NodeDataOf<K>;
}

export type FlowNode = { [K in NodeKind]: FlowNodeOf<K> }[NodeKind];

/** `sourceHandle` is always set: every node kind names its out handles. */
export interface FlowEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

/** What the editor edits and import/export carries. */
export interface FlowDocument {
  name: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** A stored flow (docs/design.md §1); revision is bumped on every save. */
export interface Flow extends FlowDocument {
  id: string;
  revision: number;
}

/** A flow as the database keeps it: its agent and when it was created and last saved. */
export interface StoredFlow extends Flow {
  agentId: string;
  createdAt: string;
  updatedAt: string;
}

/** One row of the Flows list, without the graph. */
export interface FlowSummary {
  id: string;
  name: string;
  revision: number;
  nodeCount: number;
  updatedAt: string;
}
