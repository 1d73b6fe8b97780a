"use client";

import { useRouter } from "next/navigation";
import { createAgentAction } from "@/app/agents/actions";
import { AgentNameForm } from "./AgentNameForm";

export function NewAgentForm() {
  const router = useRouter();
  return (
    <AgentNameForm
      submitLabel="Create agent"
      onSubmit={(name) => createAgentAction({ name })}
      onDone={(agent) => router.push(`/agents/${agent.id}`)}
    />
  );
}
