/**
 * Python functions (docs/design.md §4). Host-agnostic: import the browser host from
 * `lib/functions/browser-runner` and the Node host from `lib/functions/node/node-runner`.
 */
export * from "./types";
export * from "./schema";
export * from "./templates";
export * from "./conv-api";
export * from "./can-transfer";
export * from "./flow-jumps";
export * from "./sample";
export {
  PythonFunctionRunner,
  DEFAULT_TIMEOUT_MS,
  failedRun,
  type WorkerPort,
  type WorkerFactory,
  type RunnerOptions,
} from "./runner";
export { CONV_MODULE_NAME, CONV_MODULE_SOURCE } from "./conv-module";
