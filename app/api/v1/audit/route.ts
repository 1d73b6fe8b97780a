import { listAudit } from "@/db/repositories/audit";
import { toApiAuditEntry } from "@/lib/api/audit";
import { invalid } from "@/lib/api/errors";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { parseQuery } from "./schema";

/** GET /api/v1/audit?actor=&type=&agent=&action=&from=&to=&before=&limit= → { data, next_before } (admins). */
export const GET = apiRoute(
  ({ req, db }) => {
    const parsed = parseQuery(new URL(req.url).searchParams);
    if (!parsed.ok) throw invalid(parsed.fieldErrors, "Some query parameters are invalid; see fields");
    const page = listAudit(db, parsed.value);
    return {
      data: page.entries.map(toApiAuditEntry),
      next_before: page.nextBefore === null ? null : String(page.nextBefore),
    };
  },
  { permission: "audit.view" },
);
