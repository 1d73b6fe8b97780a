import { z } from "zod";
import { INVALID_REASON_MESSAGE, isReasonCode } from "../../../handoffs/record";
import { headerNameError, headerValueError } from "../../../sip/header-rules";
import { headerPartProblem, twilioHeaderNameProblem } from "../../../sip/twilio-header-rules";
import { functionCanTransfer } from "../../../functions/can-transfer";
import { defineKind, truncate } from "../../kind";
import { compact, kindTitle, textSchema, titleSchema, unknownFunctionProblem } from "../../fields";
import { formatSpeakingTime, LONG_UTTERANCE_SECONDS, speakingSeconds } from "../../speaking-time";
import {
  nodeProblem,
  type FlowContext,
  type LintDestination,
  type NodeLintContext,
  type Problem,
} from "../../problems";

/** The branch a failed transfer takes (busy, no answer, declined…); optional. */
export const FAILED_HANDLE = "failed";

/** What the agent says after a failed transfer when the node has no Failed branch (docs/design.md §11). */
export const DEFAULT_FALLBACK_LINE = "I couldn't connect you right now.";

export const handoffDataSchema = z.object({
  title: titleSchema,
  /** Stored by id so renaming a destination keeps the node; null means the agent's default. */
  destinationId: z.string().min(1).nullable(),
  reason: z.string().max(64),
  utterance: textSchema,
  overrideFunction: z.string().min(1).max(64).nullable(),
  /**
   * The name of the destination `destinationId` pointed at, written when that destination was
   * deleted: the id alone says nothing once it is gone. Cleared when another destination is chosen.
   */
  deletedDestinationName: z.string().max(80).optional(),
  /**
   * Said after a failed transfer when no Failed edge leaves the node, before the last question is
   * asked again; absent or blank: DEFAULT_FALLBACK_LINE. Optional so flows stored before it load unchanged.
   */
  fallbackLine: textSchema.optional(),
});
export type HandoffData = z.output<typeof handoffDataSchema>;

/** The line a node falls back to (its own, else the default). */
export function fallbackLineOf(d: Pick<HandoffData, "fallbackLine">): string {
  return d.fallbackLine?.trim() ? d.fallbackLine : DEFAULT_FALLBACK_LINE;
}

/** "Deleted destination: Billing Support" (or without the name, for nodes orphaned before names were kept). */
export function deletedDestinationLabel(d: Pick<HandoffData, "deletedDestinationName">): string {
  const name = d.deletedDestinationName?.trim();
  return name ? `Deleted destination: ${name}` : "Deleted destination";
}

/**
 * Can this source move the call (conv.transfer_call / conv.handoff / conv.call_handoff, or a
 * returned {"handoff": …})? Comments and strings do not count; see lib/functions/can-transfer.
 */
export function functionTransfers(code: string): boolean {
  return functionCanTransfer(code);
}

/** The destination a node would use, or why it has none. */
export function resolveDestination(
  d: HandoffData,
  ctx: FlowContext,
): { destination: LintDestination } | { missing: "deleted" | "no-default" } {
  if (d.destinationId === null) {
    return ctx.defaultDestination ? { destination: ctx.defaultDestination } : { missing: "no-default" };
  }
  const found = ctx.destinationsById.get(d.destinationId);
  return found ? { destination: found } : { missing: "deleted" };
}

function headerProblems(dest: LintDestination, ctx: NodeLintContext): Problem[] {
  const out: Problem[] = [];
  dest.sipHeaders.forEach((h, i) => {
    const err = headerNameError(h.name.trim()) ?? headerValueError(h.value);
    if (err) {
      out.push(
        nodeProblem(
          ctx,
          "invalid-header",
          "error",
          `Destination "${dest.name}" header ${h.name || `#${i + 1}`}: ${err}`,
          "data.destinationId",
          `${dest.id}:${i}`,
        ),
      );
    } else if (ctx.twilio) {
      const twilio = twilioHeaderNameProblem(h.name);
      if (twilio)
        out.push(
          nodeProblem(
            ctx,
            "twilio-header",
            "warning",
            `Destination "${dest.name}" header ${h.name}: ${twilio}`,
            "data.destinationId",
            `${dest.id}:${i}`,
          ),
        );
    }
  });
  const tooLong = ctx.twilio ? headerPartProblem(dest.sipHeaders) : null;
  if (tooLong)
    out.push(
      nodeProblem(
        ctx,
        "twilio-header",
        "warning",
        `Destination "${dest.name}": ${tooLong}`,
        "data.destinationId",
        dest.id,
      ),
    );
  return out;
}

export const handoffKind = defineKind<"handoff", HandoffData>({
  kind: "handoff",
  label: "Handoff",
  description: "Says an optional utterance and transfers the call to a handoff destination.",
  dataSchema: handoffDataSchema,
  defaults: () => ({ destinationId: null, reason: "", utterance: "", overrideFunction: null }),
  outHandles: (d) => [
    {
      id: FAILED_HANDLE,
      label: "Failed",
      suggestion: `If the transfer fails, the agent says "${truncate(fallbackLineOf(d), 60)}" and asks the last question again: connect Failed (or Add fallback) to handle it here`,
    },
  ],
  validate: (d, ctx) => {
    const out: Problem[] = [];
    const resolved = resolveDestination(d, ctx);
    if ("missing" in resolved) {
      out.push(
        resolved.missing === "deleted"
          ? nodeProblem(
              ctx,
              "destination-deleted",
              "error",
              d.deletedDestinationName
                ? `The destination was deleted ("${d.deletedDestinationName}"): choose another`
                : "The destination was deleted: choose another",
              "data.destinationId",
            )
          : nodeProblem(
              ctx,
              "handoff-no-destination",
              "error",
              "Choose a destination: the agent has no default destination",
              "data.destinationId",
            ),
      );
    } else {
      out.push(...headerProblems(resolved.destination, ctx));
    }
    if (d.reason !== "" && !isReasonCode(d.reason)) {
      out.push(nodeProblem(ctx, "invalid-reason", "error", INVALID_REASON_MESSAGE, "data.reason"));
    }
    const speaking = speakingSeconds(d.utterance);
    if (speaking > LONG_UTTERANCE_SECONDS) {
      out.push(
        nodeProblem(
          ctx,
          "long-utterance",
          "warning",
          `The pre-handoff utterance takes ${formatSpeakingTime(speaking)} to say (over ${LONG_UTTERANCE_SECONDS} s): the caller waits that long before the transfer starts`,
          "data.utterance",
        ),
      );
    }
    if (d.overrideFunction !== null) {
      const fn = ctx.functionsByName.get(d.overrideFunction);
      out.push(...compact([unknownFunctionProblem(ctx, d.overrideFunction, "data.overrideFunction")]));
      if (fn && !functionTransfers(fn.code)) {
        out.push(
          nodeProblem(
            ctx,
            "override-never-transfers",
            "warning",
            `${fn.name} never calls conv.transfer_call or conv.handoff, so it cannot override this handoff`,
            "data.overrideFunction",
          ),
        );
      }
    }
    return out;
  },
  summary: (d, ctx) => {
    const resolved = resolveDestination(d, ctx);
    const name =
      "destination" in resolved
        ? resolved.destination.name
        : resolved.missing === "deleted"
          ? d.deletedDestinationName
            ? `deleted destination ${d.deletedDestinationName}`
            : "deleted destination"
          : "no destination";
    const target = d.destinationId === null ? `default (${name})` : name;
    const reason = d.reason || ("destination" in resolved ? resolved.destination.name : "");
    const override = d.overrideFunction ? ` · override: ${d.overrideFunction}` : "";
    return truncate(`→ ${target}${reason ? ` · ${reason}` : ""}${override}`, 80);
  },
  defaultTitle: (d, ctx) => {
    if (d.destinationId === null) return kindTitle("Handoff", ctx.defaultDestination?.name ?? "");
    const name = ctx.destinationsById.get(d.destinationId)?.name;
    if (name === undefined && d.deletedDestinationName)
      return kindTitle("Handoff", `${d.deletedDestinationName} (deleted)`);
    return kindTitle("Handoff", name ?? "");
  },
  variableTexts: (d) => [
    { path: "data.utterance", label: "the pre-handoff utterance", text: d.utterance },
    ...(d.fallbackLine ? [{ path: "data.fallbackLine", label: "the fallback line", text: d.fallbackLine }] : []),
  ],
  assignedVariables: () => [],
});
