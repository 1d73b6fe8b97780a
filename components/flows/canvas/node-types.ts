import type { NodeTypes } from "@xyflow/react";
import { NODE_KINDS } from "@/lib/flow";
import { FlowNodeCard } from "@/components/flows/nodes/FlowNodeCard";

/** Module-level constant: a new object per render would make xyflow remount every node. */
// The cast widens NodeProps<CanvasNode> to the NodeProps<Node> xyflow stores in the map.
export const NODE_TYPES = Object.fromEntries(NODE_KINDS.map((k) => [k, FlowNodeCard])) as unknown as NodeTypes;
