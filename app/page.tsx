import { redirect } from "next/navigation";
import { getDb } from "@/db/server";
import { listAgents } from "@/db/repositories/agents";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function Home() {
  await requirePageViewer();
  const [first] = listAgents(getDb());
  if (!first) redirect("/agents/new");
  redirect(`/agents/${first.id}`);
}
