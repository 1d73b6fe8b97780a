import type { Db } from "@/db/client";
import { getAgent } from "@/db/repositories/agents";
import { loadAgentSetup } from "@/db/repositories/agent-setup";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { getVersion, listVersions, pointersOf } from "@/db/repositories/versions";
import { agentSetupFromDocument, documentSamples, findDocumentFlow } from "@/lib/agent-document";
import type { AgentSetup } from "@/lib/runtime";
import { parseVersionRef } from "@/lib/versions/types";

/** What the simulator page runs: the draft, the pre-release or live version or version N, and one of its flows. */
export interface SimulatorRun {
  /** `draft`, `pre-release`, `live` or the number, as the page's `?version=` says it. */
  run: string;
  /** The version that runs (null: the draft). */
  version: number | null;
  live: number | null;
  preRelease: number | null;
  versions: number[];
  /** The flows of what runs: `key` is what `?flow=` takes (a draft flow's id, a version flow's name). */
  flows: { key: string; name: string }[];
  selected: {
    key: string;
    name: string;
    /** The draft flow of that name, for the stored conversation's flow_id. */
    flowId: string | null;
    setup: AgentSetup;
    samples: Record<string, string>;
    timeoutMs: number;
  } | null;
  /** Why the requested version could not be run (then the draft runs). */
  problem: string | null;
}

export function loadSimulatorRun(
  db: Db,
  agentId: string,
  versionParam: string | undefined,
  flowParam: string | undefined,
): SimulatorRun {
  const agent = getAgent(db, agentId)!;
  const versions = listVersions(db, agentId).map((v) => v.number);
  const draftFlows = listFlows(db, agentId);
  const ref = parseVersionRef(versionParam ?? "draft");
  const pointers = pointersOf(db, agentId);
  const number =
    !ref || ref.kind === "draft"
      ? null
      : ref.kind === "live"
        ? pointers.live
        : ref.kind === "pre-release"
          ? pointers.preRelease
          : ref.number;
  const version = number === null ? null : getVersion(db, agentId, number);
  const problem =
    versionParam !== undefined && versionParam !== "draft" && !version
      ? ref?.kind === "live" || ref?.kind === "pre-release"
        ? `No version is in ${ref.kind} yet: the draft runs. Promote a version in Versions.`
        : `There is no version ${versionParam}: the draft runs.`
      : null;

  if (version) {
    const doc = version.document;
    // `?flow=` may name a draft flow's id (switching from the draft keeps the flow) or a flow name.
    const wanted = draftFlows.find((f) => f.id === flowParam)?.name ?? flowParam;
    const flow = (wanted ? findDocumentFlow(doc, wanted) : null) ?? doc.flows[0] ?? null;
    return {
      run: ref!.kind === "live" || ref!.kind === "pre-release" ? ref!.kind : String(version.number),
      version: version.number,
      live: agent.liveVersion,
      preRelease: agent.preReleaseVersion,
      versions,
      flows: doc.flows.map((f) => ({ key: f.name, name: f.name })),
      selected: flow && {
        key: flow.name,
        name: flow.name,
        flowId: draftFlows.find((f) => f.name.toLowerCase() === flow.name.toLowerCase())?.id ?? null,
        setup: agentSetupFromDocument(doc, flow),
        samples: documentSamples(doc),
        timeoutMs: doc.agent.function_timeout_ms,
      },
      problem,
    };
  }
  const byName = draftFlows.find((f) => f.name === flowParam);
  const chosen = draftFlows.find((f) => f.id === flowParam) ?? byName ?? draftFlows[0];
  const flow = chosen ? getFlow(db, agentId, chosen.id) : null;
  const loaded = flow && loadAgentSetup(db, agent, flow);
  return {
    run: "draft",
    version: null,
    live: agent.liveVersion,
    preRelease: agent.preReleaseVersion,
    versions,
    flows: draftFlows.map((f) => ({ key: f.id, name: f.name })),
    selected:
      flow && loaded
        ? {
            key: flow.id,
            name: flow.name,
            flowId: flow.id,
            setup: loaded.setup,
            samples: loaded.samples,
            timeoutMs: agent.functionTimeoutMs,
          }
        : null,
    problem,
  };
}
