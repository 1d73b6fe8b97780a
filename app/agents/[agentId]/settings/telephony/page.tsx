import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listAgents } from "@/db/repositories/agents";
import { getTwilioConnection, listTwilioNumbers } from "@/db/repositories/telephony";
import { TelephonyPanel } from "@/components/settings/TelephonyPanel";
import { numberUrls } from "@/lib/telephony/account";

export const dynamic = "force-dynamic";

/** Settings → Telephony (admins): the Twilio connection and which agent each number serves. */
export default async function TelephonyPage() {
  await requirePageViewer("telephony.manage");
  const db = getDb();
  const connection = getTwilioConnection(db);
  return (
    <TelephonyPanel
      connection={connection}
      urls={connection ? numberUrls(connection.publicBaseUrl) : null}
      numbers={listTwilioNumbers(db)}
      agents={listAgents(db).map((a) => ({ id: a.id, name: a.name }))}
    />
  );
}
