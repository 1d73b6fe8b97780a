/** Running the pure runtime with a Python host, and turning finished calls into conversations. */
export { advance, simulateScript, type RunFunction, type ScriptedInput } from "./driver";
export { toOutcome, toRunRequest, functionDestinations } from "./function-host";
export { conversationFromSession } from "./record";
export { withEditedFlow, type SimulationFlows } from "./agent-flows";
