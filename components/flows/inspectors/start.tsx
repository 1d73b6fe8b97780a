import { VariableField, type InspectorProps } from "./fields";

export function StartInspector({ nodeId, data, update }: InspectorProps<"start">) {
  return (
    <VariableField
      id={`${nodeId}-greeting`}
      label="Greeting"
      value={data.greeting}
      onChange={(greeting) => update({ greeting }, "greeting")}
      placeholder="Optional: what the agent says first"
    />
  );
}
