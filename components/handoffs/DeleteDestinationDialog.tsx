"use client";

import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { destinationUsagesAction } from "@/app/agents/[agentId]/handoffs/actions";
import type { HandoffActionResult } from "@/lib/handoffs/action-results";
import type { HandoffDestination } from "@/lib/handoffs/types";
import type { DestinationUsage } from "@/lib/flow/destination-usages";
import type { TopicUsage } from "@/lib/topics/destination-usages";

/**
 * Confirms a delete by typing the name. It first lists the flow nodes that hand off here (read when
 * the dialog opens, so it is current): they keep the old name ("Deleted destination: …") and fail
 * calls that reach them until another destination is chosen. Nodes on "Agent default" follow the
 * default to another destination instead. Knowledge topics that hand off here are listed the same way.
 */
export function DeleteDestinationDialog({
  agentId,
  destination,
  onConfirm,
  onClose,
}: {
  agentId: string;
  destination: HandoffDestination;
  onConfirm: (typed: string) => Promise<HandoffActionResult>;
  onClose: (deleted: boolean) => void;
}) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [usages, setUsages] = useState<DestinationUsage[] | null>(null);
  const [topics, setTopics] = useState<TopicUsage[]>([]);
  const [pending, startTransition] = useTransition();
  const matches = typed === destination.name;

  useEffect(() => {
    let alive = true;
    destinationUsagesAction(agentId, destination.id).then(
      (r) => {
        if (!alive) return;
        setUsages(r.ok ? r.usages : []);
        setTopics(r.ok ? r.topics : []);
        if (!r.ok) setError(r.error);
      },
      () => alive && setUsages([]),
    );
    return () => {
      alive = false;
    };
  }, [agentId, destination.id]);

  function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (!matches) return;
    startTransition(async () => {
      const result = await onConfirm(typed);
      if (result.ok) return onClose(true);
      setError(result.fieldErrors.confirmation ?? result.formError ?? "Could not delete");
    });
  }

  const named = usages?.filter((u) => !u.viaDefault) ?? [];
  const viaDefault = usages?.filter((u) => u.viaDefault) ?? [];
  const namedTopics = topics.filter((t) => !t.viaDefault);
  const defaultTopics = topics.filter((t) => t.viaDefault);
  return (
    <Modal
      title={`Delete ${destination.name}?`}
      onClose={() => onClose(false)}
      testId="delete-dialog"
      footer={
        <>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button variant="danger" type="submit" form="delete-destination-form" disabled={!matches || pending}>
            Delete destination
          </Button>
        </>
      }
    >
      <form id="delete-destination-form" onSubmit={confirm} className="space-y-3 text-sm">
        {usages === null ? (
          <p className="text-slate-500">Checking which flow nodes hand off here…</p>
        ) : named.length > 0 ? (
          <div>
            <p>
              {named.length} flow node{named.length === 1 ? " hands" : "s hand"} off to{" "}
              <strong>{destination.name}</strong>. {named.length === 1 ? "It" : "They"} will show “Deleted destination:{" "}
              {destination.name}”, and a call that reaches {named.length === 1 ? "it" : "one"} fails, until you choose
              another destination:
            </p>
            <UsageList usages={named} testId="destination-usages" />
          </div>
        ) : (
          <p data-testid="no-usages">No flow node names {destination.name}.</p>
        )}
        {viaDefault.length > 0 && (
          <div>
            <p>
              {viaDefault.length} node{viaDefault.length === 1 ? " uses" : "s use"} the agent default and will follow it
              to the next destination:
            </p>
            <UsageList usages={viaDefault} testId="default-usages" />
          </div>
        )}
        {namedTopics.length > 0 && (
          <div>
            <p>
              {namedTopics.length} knowledge topic{namedTopics.length === 1 ? " hands" : "s hand"} off to{" "}
              <strong>{destination.name}</strong>. A call that asks for {namedTopics.length === 1 ? "it" : "one"} fails,
              until you choose another destination in Knowledge:
            </p>
            <TopicList topics={namedTopics} testId="topic-usages" />
          </div>
        )}
        {defaultTopics.length > 0 && (
          <div>
            <p>
              {defaultTopics.length} knowledge topic{defaultTopics.length === 1 ? " uses" : "s use"} the agent default
              and will follow it to the next destination:
            </p>
            <TopicList topics={defaultTopics} testId="default-topic-usages" />
          </div>
        )}
        <p>
          Functions that hand off to <strong>{destination.name}</strong> by name will no longer find it.
          {destination.isDefault && " Another destination will become the default."} This cannot be undone.
        </p>
        <label htmlFor="delete-confirmation" className="block font-medium">
          Type <span className="font-mono">{destination.name}</span> to confirm
        </label>
        <input
          id="delete-confirmation"
          autoFocus
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className={inputClass}
        />
        <FieldMessages id="delete-confirmation" error={error} />
      </form>
    </Modal>
  );
}

function TopicList({ topics, testId }: { topics: readonly TopicUsage[]; testId: string }) {
  return (
    <ul className="mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5" data-testid={testId}>
      {topics.map((t) => (
        <li key={t.topicId}>
          Knowledge: “{t.topicName}”{t.enabled ? "" : " (disabled)"}
        </li>
      ))}
    </ul>
  );
}

function UsageList({ usages, testId }: { usages: readonly DestinationUsage[]; testId: string }) {
  return (
    <ul className="mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5" data-testid={testId}>
      {usages.map((u) => (
        <li key={`${u.flowId}/${u.nodeId}`}>
          <span className="font-medium">{u.flowName}</span>: <span title={`Node ${u.nodeId}`}>“{u.nodeTitle}”</span>
        </li>
      ))}
    </ul>
  );
}
