import { VariableField, type InspectorProps } from "./fields";

export function SayInspector({ nodeId, data, update }: InspectorProps<"say">) {
  return (
    <VariableField
      id={`${nodeId}-utterance`}
      label="Utterance"
      value={data.utterance}
      onChange={(utterance) => update({ utterance }, "utterance")}
      placeholder="What the agent says"
    />
  );
}
