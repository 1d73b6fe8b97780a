import type { Metric } from "@/lib/conversations/schema";
import { formatMetricValue, formatOffset } from "./format";

/** Custom metrics written by functions (`conv.write_metric`), in the order they were written. */
export function MetricsPanel({ metrics, startedAt }: { metrics: readonly Metric[]; startedAt: string }) {
  if (metrics.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No metrics. Functions record them with <code className="font-mono">conv.write_metric(name, value)</code>.
      </p>
    );
  }
  return (
    <table className="w-full text-left text-sm" data-testid="metrics-table">
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 font-medium">
            Metric
          </th>
          <th scope="col" className="py-1 font-medium">
            Value
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Time
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {metrics.map((m, i) => (
          <tr key={i} data-testid="metric-row">
            <td className="py-1.5 font-mono text-xs">{m.name}</td>
            <td className="py-1.5 font-mono text-xs">{formatMetricValue(m.value)}</td>
            <td className="py-1.5 text-right font-mono text-xs text-slate-500">
              {m.at ? formatOffset(m.at, startedAt) : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
