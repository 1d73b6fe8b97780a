import { VariableField, type InspectorProps } from "./fields";

export function EndInspector({ nodeId, data, update }: InspectorProps<"end">) {
  return (
    <VariableField
      id={`${nodeId}-goodbye`}
      label="Goodbye"
      value={data.goodbye}
      onChange={(goodbye) => update({ goodbye }, "goodbye")}
      placeholder="Optional: said before hanging up"
    />
  );
}
