import { conversationSchema, conversationSummarySchema } from "../conversations/schema";
import { apiAgentSchema } from "./agents";
import { apiAuditEntrySchema, apiAuditPageSchema } from "./audit";
import { apiDestinationBodySchema, apiDestinationSchema } from "./destinations";
import { apiErrorBodySchema } from "./errors";
import { agentDocumentShapeSchema } from "../agent-document/schema";
import {
  apiDiffSchema,
  apiPublishBodySchema,
  apiVersionListSchema,
  apiVersionSchema,
  apiVersionSummarySchema,
} from "./versions";
import { apiFlowSchema, apiFlowSummarySchema, flowExportSchema } from "./flows";
import { apiRunBodySchema, apiRunResponseSchema, apiScenarioListSchema } from "./scenarios";
import { jsonContent, jsonSchema, ref, type JsonSchema } from "./openapi-parts";
import { openApiPaths } from "./openapi-paths";

/**
 * The OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the handlers parse
 * and answer with (JSON Schema 2020-12 is OpenAPI 3.1's schema dialect). Paths are relative to
 * the server URL `/api/v1`; a test checks that every route file has its path and methods here.
 */

export function buildOpenApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1.0.0",
      description:
        "Read agents and conversations, manage handoff destinations, read the audit log. Authenticate with " +
        "`Authorization: Bearer <API key>` (Settings → API keys, or `npm run cli -- apikey create --name NAME --user EMAIL`). " +
        "A key acts as the member who made it, with their current role: an operation their role does not allow answers 403 " +
        "(each operation lists its roles and `x-permission`). Errors are `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths: openApiPaths(),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key: sk_live_ + 32 letters and digits" },
      },
      parameters: {
        agentId: { name: "agentId", in: "path", required: true, schema: { type: "string" } },
        handoffId: { name: "handoffId", in: "path", required: true, schema: { type: "string" } },
        conversationId: { name: "conversationId", in: "path", required: true, schema: { type: "string" } },
        flowId: { name: "flowId", in: "path", required: true, schema: { type: "string" } },
        version: {
          name: "version",
          in: "path",
          required: true,
          description: "A version number; `live` where a version is read; `draft` too in a diff",
          schema: { type: "string" },
        },
        other: {
          name: "other",
          in: "path",
          required: true,
          description: "A version number, live or draft",
          schema: { type: "string" },
        },
      },
      schemas: {
        Agent: jsonSchema(apiAgentSchema),
        AgentDocument: jsonSchema(agentDocumentShapeSchema, "input"),
        VersionSummary: jsonSchema(apiVersionSummarySchema),
        Version: jsonSchema(apiVersionSchema),
        VersionList: jsonSchema(apiVersionListSchema),
        PublishBody: jsonSchema(apiPublishBodySchema, "input"),
        AgentDiff: jsonSchema(apiDiffSchema),
        HandoffDestination: jsonSchema(apiDestinationSchema),
        HandoffDestinationBody: jsonSchema(apiDestinationBodySchema, "input"),
        HandoffDestinationPatch: jsonSchema(apiDestinationBodySchema.partial(), "input"),
        FlowSummary: jsonSchema(apiFlowSummarySchema),
        Flow: jsonSchema(apiFlowSchema),
        FlowExport: jsonSchema(flowExportSchema),
        Conversation: jsonSchema(conversationSchema),
        ConversationSummary: jsonSchema(conversationSummarySchema),
        ConversationPage: {
          type: "object",
          properties: {
            data: { type: "array", items: ref("ConversationSummary") },
            next_cursor: {
              type: ["string", "null"],
              description: "Pass as cursor for the next page; null on the last page",
            },
          },
          required: ["data", "next_cursor"],
          additionalProperties: false,
        },
        ScenarioList: jsonSchema(apiScenarioListSchema),
        ScenarioRunBody: jsonSchema(apiRunBodySchema, "input"),
        ScenarioRun: jsonSchema(apiRunResponseSchema),
        AuditEntry: jsonSchema(apiAuditEntrySchema),
        AuditPage: jsonSchema(apiAuditPageSchema),
        Error: jsonSchema(apiErrorBodySchema),
      },
      responses: {
        BadRequest: {
          description: "Invalid parameters or body (fields says which), or a body that is not JSON",
          content: jsonContent(ref("Error")),
        },
        Unauthorized: {
          description: "Missing, unknown or revoked API key, or one whose member was removed",
          content: jsonContent(ref("Error")),
        },
        NotFound: {
          description: "No such agent, destination, flow or conversation",
          content: jsonContent(ref("Error")),
        },
        Conflict: {
          description: "Another destination of this agent has that name",
          content: jsonContent(ref("Error")),
        },
        Forbidden: {
          description:
            "The key's member has a role that may not do this (code forbidden; the message names the roles that may), " +
            "or refused before authentication: the Host is not in SWITCHBOARD_ALLOWED_HOSTS, or a browser sent the " +
            "request from another origin",
          content: jsonContent(ref("Error")),
        },
        UnsupportedMediaType: {
          description: "A body sent without Content-Type: application/json",
          content: jsonContent(ref("Error")),
        },
      },
    },
  };
}
