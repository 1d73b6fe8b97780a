import { substituteVariables } from "../variables/variables";
import { handleLabel, nodeTitle, titleContextOf, type FlowNode, type TitleContext } from "../flow";
import { indexFlow, type FlowIndex } from "./graph";
import { speechMs } from "./ids";
import type { Outcome } from "../handoffs/record";
import type { Effect, LogLevel, Session } from "./types";

/**
 * The mutable working copy of a session during one `step`. Executors call these named
 * operations; `step` clones the session once on entry so callers only ever see snapshots.
 */
export class Run {
  readonly effects: Effect[] = [];
  readonly index: FlowIndex;
  private titles: TitleContext | null = null;

  constructor(readonly s: Session) {
    this.index = indexFlow(s.agent.flow);
  }

  text(template: string): string {
    return template.includes("$") ? substituteVariables(template, this.s.variables).text : template;
  }

  say(template: string, nodeId: string): void {
    const text = this.text(template).trim();
    if (text === "") return;
    this.s.turns.push({ role: "agent", text, at: this.s.clock, nodeId });
    this.effects.push({ type: "say", text, nodeId });
    this.s.clock += speechMs(text);
  }

  callerSaid(text: string): void {
    this.s.turns.push({ role: "caller", text, at: this.s.clock, nodeId: this.s.currentNodeId ?? undefined });
    this.s.clock += speechMs(text);
  }

  system(text: string, nodeId?: string): void {
    this.s.turns.push({ role: "system", text, at: this.s.clock, nodeId });
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
    this.effects.push({ type: "node_entered", nodeId: node.id });
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
  }

  nextRequestId(): string {
    this.s.seq += 1;
    return `${this.s.conversationId}:${this.s.seq}`;
  }
}
