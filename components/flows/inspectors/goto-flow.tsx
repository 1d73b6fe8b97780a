import { inputClass } from "@/components/ui/FieldMessages";
import { useEditorStore } from "@/components/flows/store/context";
import { Field, type InspectorProps } from "./fields";

/** Picks one of the agent's flows; a flow renamed or deleted since stays listed as missing. */
export function GotoFlowInspector({ nodeId, data, update }: InspectorProps<"goto_flow">) {
  const flows = useEditorStore((s) => s.lintContext.flows ?? []);
  const self = useEditorStore((s) => s.lintContext.flowName);
  const known = flows.some((f) => f.toLowerCase() === data.flow.trim().toLowerCase());
  return (
    <Field
      id={`${nodeId}-flow`}
      label="Flow"
      hint="The call goes on in this flow from its Start node. When that flow exits (conv.exit_flow() in a function), the call comes back and follows this node's edge."
    >
      <select
        id={`${nodeId}-flow`}
        value={data.flow}
        className={inputClass}
        onChange={(e) => update({ flow: e.target.value })}
      >
        <option value="">Choose a flow…</option>
        {flows.map((f) => (
          <option key={f} value={f}>
            {f === self ? `${f} (this flow)` : f}
          </option>
        ))}
        {!known && data.flow && <option value={data.flow}>{data.flow} (missing)</option>}
      </select>
    </Field>
  );
}
