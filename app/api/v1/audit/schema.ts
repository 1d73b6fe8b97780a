// Query parameters of GET /api/v1/audit: the filter schema Settings → Audit log shares (lib/audit/filters.ts).
export { auditFilterFields as queryFields, parseAuditQuery as parseQuery } from "@/lib/audit/filters";
