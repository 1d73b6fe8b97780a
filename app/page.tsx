import { redirect } from "next/navigation";
import { getDb } from "@/db/server";
import { listAgents } from "@/db/repositories/agents";

export const dynamic = "force-dynamic";

export default function Home() {
  const [first] = listAgents(getDb());
  if (!first) redirect("/agents/new");
  redirect(`/agents/${first.id}`);
}
