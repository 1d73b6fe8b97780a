import { z } from "zod";

export const MAX_AGENT_NAME_LENGTH = 60;

export const agentNameSchema = z
  .string({ error: "Enter a name" })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a name")
      .max(MAX_AGENT_NAME_LENGTH, `Names are at most ${MAX_AGENT_NAME_LENGTH} characters`),
  );

export const agentInputSchema = z.object({ name: agentNameSchema });
