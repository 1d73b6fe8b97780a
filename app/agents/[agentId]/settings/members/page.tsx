import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listMembers } from "@/db/repositories/users";
import { MembersPanel } from "@/components/settings/MembersPanel";

export const dynamic = "force-dynamic";

export default async function MembersPage() {
  const viewer = await requirePageViewer("members.manage");
  return <MembersPanel members={listMembers(getDb())} viewerId={viewer.id} />;
}
