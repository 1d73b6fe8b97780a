import type { NodeKind } from "../../flow";
import type { Executor } from "../executor";
import { functionExecutor } from "./function";
import { gotoFlowExecutor } from "./goto-flow";
import { handoffExecutor } from "./handoff";
import { listenExecutor } from "./listen";
import { conditionExecutor, endExecutor, sayExecutor, setExecutor, startExecutor } from "./simple";

export const executors: { [K in NodeKind]: Executor<K> } = {
  start: startExecutor,
  say: sayExecutor,
  listen: listenExecutor,
  condition: conditionExecutor,
  set: setExecutor,
  function: functionExecutor,
  handoff: handoffExecutor,
  goto_flow: gotoFlowExecutor,
  end: endExecutor,
};
