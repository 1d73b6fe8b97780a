/** The pure flow model (docs/design.md §2): import from "@/lib/flow". */
export * from "./types";
export * from "./problems";
export type { NodeKindDefinition, AnyKindDefinition, OutHandle, VariableText } from "./kind";
export { catalogue, NODE_KINDS, isNodeKind, kindOf, anyKind } from "./catalogue";
export * from "./schema";
export * from "./lint";
export * from "./import-export";
export * from "./layout";
export * from "./titles";
export * from "./placement";
export * from "./detail";
export * from "./ids";
export * from "./demo-flow";
export * from "./generate";
export * from "./speaking-time";
export { NO_MATCH_HANDLE, MAX_RETRIES, compileBranchRegex, branchLabel } from "./kinds/listen/definition";
export { ELSE_HANDLE, CONDITION_OPERATORS, OPERATOR_INFO, ruleLabel } from "./kinds/condition/definition";
export { ERROR_HANDLE } from "./kinds/function/definition";
export { RETURN_HANDLE } from "./kinds/goto_flow/definition";
export {
  DEFAULT_FALLBACK_LINE,
  deletedDestinationLabel,
  fallbackLineOf,
  FAILED_HANDLE,
  functionTransfers,
  resolveDestination,
} from "./kinds/handoff/definition";
export * from "./action-results";
export * from "./destination-usages";
export * from "./goto-targets";
