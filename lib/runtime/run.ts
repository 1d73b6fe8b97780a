import { substituteVariables } from "../variables/variables";
import { handleLabel, nodeTitle, titleContextOf, type FlowNode, type TitleContext } from "../flow";
import { findAgentFlow, indexFlow, type FlowIndex } from "./graph";
import { speechMs } from "./ids";
import type { Outcome } from "../handoffs/record";
import { STOP, type Transition } from "./executor";
import { END_FUNCTION, requestFunction } from "./functions";
import type { Effect, FlowChange, FlowFrame, LogLevel, Session } from "./types";

/**
 * The mutable working copy of a session during one `step`. Executors call these named
 * operations; `step` clones the session once on entry so callers only ever see snapshots.
 */
export class Run {
  readonly effects: Effect[] = [];
  private titles: TitleContext | null = null;

  constructor(readonly s: Session) {}

  /** The flow the call is in: the top of the flow stack. */
  get flowName(): string {
    return this.s.flowStack.at(-1)?.flow ?? this.s.agent.flow.name;
  }

  /** The current flow's graph (indexed once per flow document, see graph.ts). */
  get index(): FlowIndex {
    return indexFlow(findAgentFlow(this.s.agent, this.flowName)?.flow ?? this.s.agent.flow);
  }

  text(template: string): string {
    return template.includes("$") ? substituteVariables(template, this.s.variables).text : template;
  }

  say(template: string, nodeId: string): void {
    const text = this.text(template).trim();
    if (text === "") return;
    this.s.turns.push({ role: "agent", text, at: this.s.clock, nodeId, flow: this.flowName });
    this.effects.push({ type: "say", text, nodeId });
    this.s.clock += speechMs(text);
  }

  callerSaid(text: string): void {
    const nodeId = this.s.currentNodeId ?? undefined;
    this.s.turns.push({ role: "caller", text, at: this.s.clock, nodeId, ...(nodeId ? { flow: this.flowName } : {}) });
    this.s.clock += speechMs(text);
  }

  system(text: string, nodeId?: string): void {
    this.s.turns.push({ role: "system", text, at: this.s.clock, nodeId, ...(nodeId ? { flow: this.flowName } : {}) });
  }

  log(level: LogLevel, message: string, source?: string, fields?: Record<string, unknown>): void {
    this.s.logs.push({
      level,
      message,
      at: this.s.clock,
      ...(source ? { source } : {}),
      ...(fields ? { fields } : {}),
    });
  }

  /** How logs and notes name a node: its title (ids stay in the log's fields). */
  title(node: FlowNode): string {
    this.titles ??= titleContextOf(this.s.agent.destinations);
    return nodeTitle(node, this.titles);
  }

  /** How logs name an out handle: the branch's label, "No match", "Else". */
  handle(node: FlowNode, handleId: string): string {
    return handleLabel(node, handleId);
  }

  enter(node: FlowNode): void {
    this.s.currentNodeId = node.id;
    this.s.path.push(node.id);
    this.s.pathFlows.push(this.flowName);
    this.effects.push({ type: "node_entered", nodeId: node.id, flow: this.flowName });
  }

  /**
   * Go to flow / conv.goto_flow / conv.exit_flow (docs/design.md §3). A goto pushes the flow (one
   * already on the stack is returned to: the frames above it are dropped, so jumping back and
   * forth never grows the stack) and jumps to its start node; an exit pops the current flow and
   * goes on at `returnTo` in the flow below. Null: nothing changed (an exit from the first flow).
   */
  changeFlow(change: FlowChange, returnTo: FlowFrame["returnTo"], nodeId?: string): Transition | null {
    const from = this.flowName;
    if (change.kind === "exit") {
      if (this.s.flowStack.length <= 1) {
        this.log(
          "warning",
          `conv.exit_flow(): the call is in its first flow ("${from}"), so there is nowhere to return; it goes on`,
          undefined,
          nodeId ? { node: nodeId } : undefined,
        );
        return null;
      }
      const left = this.s.flowStack.pop()!;
      this.noteFlow(from, "exit", nodeId);
      const back = left.returnTo;
      if (!back) return this.restart();
      if (back.handle === null) return { jump: back.nodeId };
      const next = this.target(back.nodeId, back.handle);
      if (next) return { jump: next.id };
      const node = this.index.nodes.get(back.nodeId);
      this.log(
        "warning",
        `After flow "${from}" exited, ${node ? `"${this.handle(node, back.handle)}" of "${this.title(node)}"` : "the node to return to"} leads nowhere; the agent hangs up`,
        undefined,
        { node: back.nodeId, handle: back.handle },
      );
      this.end("hangup", "dead_end");
      return STOP;
    }
    const target = findAgentFlow(this.s.agent, change.flow);
    if (!target) {
      this.log(
        "error",
        `Unknown flow "${change.flow}": the agent hangs up`,
        undefined,
        nodeId ? { node: nodeId } : undefined,
      );
      this.end("hangup", "unknown_flow");
      return STOP;
    }
    const onStack = this.s.flowStack.findIndex((f) => f.flow === target.name);
    if (onStack >= 0) this.s.flowStack.length = onStack + 1;
    else this.s.flowStack.push({ flow: target.name, returnTo });
    this.noteFlow(from, "goto", nodeId);
    return this.restart();
  }

  /** The current flow from its start node (a flow without one ends the call). */
  restart(): Transition {
    const start = this.index.start;
    if (start) return { jump: start.id };
    this.system(`Flow "${this.flowName}" has no start node`);
    this.end("hangup", "no_start_node");
    return STOP;
  }

  private noteFlow(from: string, how: "goto" | "exit", nodeId?: string): void {
    const to = this.flowName;
    this.system(how === "goto" ? `Went to flow "${to}"` : `Left flow "${from}", back in "${to}"`, nodeId);
    this.effects.push({ type: "flow_changed", from, to, how });
  }

  target(nodeId: string, handle: string): FlowNode | null {
    const id = this.index.out.get(nodeId)?.get(handle);
    return id === undefined ? null : (this.index.nodes.get(id) ?? null);
  }

  end(outcome: Outcome, reason: string): void {
    this.s.status = "ended";
    this.s.outcome = outcome;
    this.s.endReason = reason;
    this.s.pending = null;
    this.effects.push({ type: "hang_up", reason });
    // docs/design.md §3: the agent's end_function runs once after the call, whatever the outcome.
    if (!this.s.endFunctionRequested && this.s.agent.functions.some((f) => f.name === END_FUNCTION)) {
      this.s.endFunctionRequested = true;
      requestFunction(this, "", END_FUNCTION, {}, "end");
    }
  }

  nextRequestId(): string {
    this.s.seq += 1;
    return `${this.s.conversationId}:${this.s.seq}`;
  }
}
