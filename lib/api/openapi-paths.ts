import { auditFilterFields } from "../audit/filters";
import { apiValidationSchema } from "./validate";
import { apiHandoffsImportBodySchema, apiHandoffsImportResultSchema } from "./handoffs-yaml";
import { apiPromoteBodySchema, apiPromoteResponseSchema } from "./versions";
import {
  errors,
  jsonContent,
  jsonSchema,
  listOf,
  needs,
  ok,
  params,
  queryParameters,
  ref,
  type JsonSchema,
} from "./openapi-parts";

/** Every path of /api/v1 and its operations (openapi.ts puts them in the document). */
export function openApiPaths(): JsonSchema {
  return {
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document (no authentication)",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1 document", content: jsonContent({ type: "object" }) } },
      },
    },
    "/agents": {
      get: {
        operationId: "listAgents",
        ...needs("view"),
        summary: "List agents",
        responses: { "200": ok("Agents, oldest first", listOf("Agent")), ...errors(401, 403) },
      },
    },
    "/agents/{agentId}": {
      parameters: params("agentId"),
      get: {
        operationId: "getAgent",
        ...needs("view"),
        summary: "Get an agent",
        responses: { "200": ok("The agent", ref("Agent")), ...errors(401, 403, 404) },
      },
    },
    "/agents/{agentId}/export": {
      parameters: params("agentId"),
      get: {
        operationId: "exportAgent",
        ...needs("view"),
        summary:
          "Export the agent's draft as an agent document (settings, variables, destinations, functions, flows; no ids)",
        description:
          "Keys are written in a stable order, so the same draft always gives the same bytes, and importing an export then exporting again is byte-identical.",
        responses: { "200": ok("The agent document", ref("AgentDocument")), ...errors(400, 401, 403, 404) },
      },
    },
    "/agents/{agentId}/validate": {
      parameters: params("agentId"),
      get: {
        operationId: "validateAgent",
        ...needs("view"),
        summary:
          "Check the whole agent (as cli validate): document rules, flow and topic lint, every function compiled by Python, scenario references",
        parameters: [
          {
            name: "version",
            in: "query",
            required: false,
            description: "draft (default), pre-release, live or a version number",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": ok("The report; ok is false when a problem is an error", jsonSchema(apiValidationSchema)),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/agents/{agentId}/versions": {
      parameters: params("agentId"),
      get: {
        operationId: "listVersions",
        ...needs("view"),
        summary: "List the agent's published versions, newest first, and which one is live",
        responses: { "200": ok("Versions", ref("VersionList")), ...errors(401, 403, 404) },
      },
      post: {
        operationId: "publishDraft",
        ...needs("publish"),
        summary: "Publish the draft as the next version",
        description:
          "The draft is frozen as version N+1 (immutable: note, author, time, content hash). An unchanged draft is 409 " +
          "`nothing_changed` (nothing is created); a draft with flow lint errors is 409 `lint_errors` with `problems` listed, " +
          'unless `"force": true`.',
        requestBody: { required: false, content: jsonContent(ref("PublishBody")) },
        responses: {
          "201": ok("The new version", ref("VersionSummary")),
          "409": {
            description: "nothing_changed (the draft is the latest version) or lint_errors (problems lists them)",
            content: jsonContent(ref("Error")),
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/agents/{agentId}/scenarios": {
      parameters: params("agentId"),
      get: {
        operationId: "listScenarios",
        ...needs("view"),
        summary: "List the agent's scenarios (regression tests for calls), each with its last result",
        responses: { "200": ok("Scenarios in list order", ref("ScenarioList")), ...errors(401, 403, 404) },
      },
    },
    "/agents/{agentId}/scenarios/run": {
      parameters: params("agentId"),
      post: {
        operationId: "runScenarios",
        ...needs("scenarios.edit"),
        summary: "Run the agent's scenarios (all, or those named) and return the results",
        description:
          "Each scenario runs deterministically (seeded) on the server, Python functions included; each run is recorded " +
          "with its scenario (never as a conversation). A scenario whose flow or destination was deleted, or whose " +
          "version does not exist, is `cannot_run` with a reason. An unknown name is 400 (fields `names.N`).",
        requestBody: { required: false, content: jsonContent(ref("ScenarioRunBody")) },
        responses: { "200": ok("Results", ref("ScenarioRun")), ...errors(400, 401, 403, 404) },
      },
    },
    "/agents/{agentId}/versions/{version}": {
      parameters: params("agentId", "version"),
      get: {
        operationId: "getVersion",
        ...needs("view"),
        summary: "Get a version (a number, or live) with its agent document",
        responses: { "200": ok("The version", ref("Version")), ...errors(400, 401, 403, 404) },
      },
    },
    "/agents/{agentId}/versions/{version}/promote": {
      parameters: params("agentId", "version"),
      post: {
        operationId: "promoteVersion",
        ...needs("promote"),
        summary:
          "Move a version one step: into pre-release, or from pre-release into live (nothing reaches live without having been in pre-release: 409). dry_run: move nothing, answer the changes",
        requestBody: { required: false, content: jsonContent(jsonSchema(apiPromoteBodySchema, "input")) },
        responses: {
          "200": ok("The version, and the move", jsonSchema(apiPromoteResponseSchema)),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/agents/{agentId}/versions/{version}/diff/{other}": {
      parameters: params("agentId", "version", "other"),
      get: {
        operationId: "diffVersions",
        ...needs("view"),
        summary: "Compare two versions, or a version and the draft (each side: a number, live or draft)",
        description:
          "Settings, variables and destinations field by field (matched by name), flows node by node with the changed " +
          "fields and edges, functions as a unified diff of their code.",
        responses: {
          "200": ok("What changed from version to other", ref("AgentDiff")),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/agents/import": {
      post: {
        operationId: "importAgent",
        ...needs("functions.edit"),
        summary: "Import an agent document as a new agent, or into an agent's draft with ?into={agentId}",
        description:
          "Roles: Admin, Developer (it can replace functions). An invalid document changes nothing: 400 with each problem under its path (`destinations.1.sip_headers.0.value`). " +
          "Into an existing agent, destinations, functions and flows are matched by name and keep their ids; the agent keeps its name.",
        parameters: [
          {
            name: "into",
            in: "query",
            required: false,
            description: "Replace this agent's draft instead of creating an agent",
            schema: { type: "string" },
          },
        ],
        requestBody: { required: true, content: jsonContent(ref("AgentDocument")) },
        responses: {
          "201": ok("The new agent", ref("Agent")),
          "200": ok("The agent whose draft was replaced", ref("Agent")),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/agents/{agentId}/flows": {
      parameters: params("agentId"),
      get: {
        operationId: "listFlows",
        ...needs("view"),
        summary: "List an agent's flows (without nodes)",
        responses: { "200": ok("Flows, oldest first", listOf("FlowSummary")), ...errors(401, 403, 404) },
      },
    },
    "/flows/{flowId}": {
      parameters: params("flowId"),
      get: {
        operationId: "getFlow",
        ...needs("view"),
        summary: "Get a flow with its nodes and edges",
        responses: { "200": ok("The flow", ref("Flow")), ...errors(401, 403, 404) },
      },
    },
    "/flows/{flowId}/export": {
      parameters: params("flowId"),
      get: {
        operationId: "exportFlow",
        ...needs("view"),
        summary: "Export a flow in the flow editor's import format",
        responses: { "200": ok("The export", ref("FlowExport")), ...errors(401, 403, 404) },
      },
    },
    "/agents/{agentId}/conversations": {
      parameters: params("agentId"),
      get: {
        operationId: "listConversations",
        ...needs("review"),
        summary: "List an agent's conversations, newest first",
        description:
          "Roles: every role. Keyset pagination: pass `next_cursor` as `cursor` for the next page; `next_cursor` is null on the last page. " +
          "Pages stay stable while new calls are stored. Empty parameters count as absent; unknown or repeated ones are errors. " +
          "Each row carries `transfer_outcome` (filter on it with `transfer_outcome`) and the whole `handoff` record with its `outcome`, `sip_status` and `attempts`.",
        parameters: queryParameters(),
        responses: { "200": ok("One page", ref("ConversationPage")), ...errors(400, 401, 403, 404) },
      },
    },
    "/conversations/{conversationId}": {
      parameters: params("conversationId"),
      get: {
        operationId: "getConversation",
        ...needs("review"),
        summary:
          "Get a conversation: transcript, path, variables, handoff record (with its outcome and attempts), every transfer attempt, metrics, logs and SIP trace",
        responses: { "200": ok("The conversation", ref("Conversation")), ...errors(401, 403, 404) },
      },
    },
    "/agents/{agentId}/handoffs": {
      parameters: params("agentId"),
      get: {
        operationId: "listHandoffDestinations",
        ...needs("view"),
        summary: "List an agent's handoff destinations",
        responses: {
          "200": ok("Destinations in board order", listOf("HandoffDestination")),
          ...errors(401, 403, 404),
        },
      },
      post: {
        operationId: "createHandoffDestination",
        ...needs("destinations.edit"),
        summary: "Create a handoff destination (the agent's first becomes its default)",
        requestBody: { required: true, content: jsonContent(ref("HandoffDestinationBody")) },
        responses: { "201": ok("Created", ref("HandoffDestination")), ...errors(400, 401, 403, 404, 409, 415) },
      },
    },
    "/agents/{agentId}/handoffs/export": {
      parameters: params("agentId"),
      get: {
        operationId: "exportHandoffsYaml",
        ...needs("view"),
        summary:
          "The agent's destinations as PolyAI's handoffs.yaml (handoffs: name, description, is_default, sip_config, sip_headers; x_switchboard for REFER placement, ring timeout, attempts)",
        responses: {
          "200": {
            description: "handoffs.yaml; the same destinations always give the same bytes",
            content: { "application/yaml": { schema: { type: "string" } } },
          },
          ...errors(401, 403, 404),
        },
      },
    },
    "/agents/{agentId}/handoffs/import": {
      parameters: params("agentId"),
      post: {
        operationId: "importHandoffsYaml",
        ...needs("destinations.edit"),
        summary:
          "Import a handoffs.yaml into the agent's destinations (merged by name; replace keeps only the file's). An invalid file changes nothing: 400 with each problem under its path (handoffs[2].sip_config.method)",
        requestBody: { required: true, content: jsonContent(jsonSchema(apiHandoffsImportBodySchema, "input")) },
        responses: {
          "200": ok("What changed", jsonSchema(apiHandoffsImportResultSchema)),
          ...errors(400, 401, 403, 404, 415),
        },
      },
    },
    "/agents/{agentId}/handoffs/{handoffId}": {
      parameters: params("agentId", "handoffId"),
      get: {
        operationId: "getHandoffDestination",
        ...needs("view"),
        summary: "Get a handoff destination",
        responses: { "200": ok("The destination", ref("HandoffDestination")), ...errors(401, 403, 404) },
      },
      put: {
        operationId: "replaceHandoffDestination",
        ...needs("destinations.edit"),
        summary: "Replace a handoff destination (omitted optional fields take their defaults)",
        requestBody: { required: true, content: jsonContent(ref("HandoffDestinationBody")) },
        responses: { "200": ok("Saved", ref("HandoffDestination")), ...errors(400, 401, 403, 404, 409, 415) },
      },
      patch: {
        operationId: "updateHandoffDestination",
        ...needs("destinations.edit"),
        summary: "Change some fields of a handoff destination",
        requestBody: { required: true, content: jsonContent(ref("HandoffDestinationPatch")) },
        responses: { "200": ok("Saved", ref("HandoffDestination")), ...errors(400, 401, 403, 404, 409, 415) },
      },
      delete: {
        operationId: "deleteHandoffDestination",
        ...needs("destinations.edit"),
        summary: "Delete a handoff destination (deleting the default promotes the earliest remaining one)",
        responses: {
          "200": ok("Deleted", {
            type: "object",
            properties: {
              id: { type: "string" },
              deleted: { const: true },
              new_default_id: { type: ["string", "null"] },
            },
            required: ["id", "deleted", "new_default_id"],
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    "/audit": {
      get: {
        operationId: "listAuditEntries",
        ...needs("audit.view"),
        summary: "The audit log, newest first: who changed what, when, with a short before → after",
        parameters: queryParameters(auditFilterFields),
        responses: { "200": ok("One page", ref("AuditPage")), ...errors(400, 401, 403) },
      },
    },
    "/agents/{agentId}/handoffs/{handoffId}/default": {
      parameters: params("agentId", "handoffId"),
      post: {
        operationId: "setDefaultHandoffDestination",
        ...needs("destinations.edit"),
        summary: "Make a destination the agent's default",
        responses: { "200": ok("The new default", ref("HandoffDestination")), ...errors(401, 403, 404) },
      },
    },
  };
}
