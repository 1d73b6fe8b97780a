import type { Db } from "./client";
import { agents, variables } from "./schema";
import { writeTransaction } from "./transaction";
import { createAgent } from "./repositories/agents";
import { createDestination, listDestinations } from "./repositories/handoffs";
import { createFlow } from "./repositories/flows";
import { createFunction } from "./repositories/functions";
import { demoFlow } from "../lib/flow";
import { DEMO_DESTINATIONS } from "../lib/handoffs/demo";
import { destinationInputSchema } from "../lib/handoffs/schema";
import { DEMO_FUNCTION, DEMO_START_FUNCTION } from "../lib/functions/templates";
import { demoTopics } from "../lib/topics/demo";
import { createTopic } from "./repositories/topics";
import { createScenario } from "./repositories/scenarios";
import { DEMO_SCENARIOS } from "../lib/scenarios/demo";

/** A fresh database gets the demo agent the README walks through. */
export function seedIfEmpty(db: Db): void {
  // Several server processes open a fresh database at once: the check and the inserts share one
  // immediate transaction, so exactly one of them seeds.
  writeTransaction(db, () => {
    const any = db.select({ id: agents.id }).from(agents).limit(1).get();
    if (!any) seedDemoAgent(db);
  });
}

export function seedDemoAgent(db: Db): string {
  return writeTransaction(db, () => insertDemoAgent(db));
}

function insertDemoAgent(db: Db): string {
  const agent = createAgent(db, "Acme Support");
  db.insert(variables)
    .values([
      {
        agentId: agent.id,
        name: "customer_id",
        sampleValue: "abc123",
        description: "CRM customer id, looked up by caller number",
      },
      { agentId: agent.id, name: "tier", sampleValue: "silver", description: "Support tier: silver or gold" },
    ])
    .run();
  for (const d of DEMO_DESTINATIONS) {
    const result = createDestination(db, agent.id, destinationInputSchema.parse(d));
    if (!result.ok) throw new Error(`Seed destination ${d.name} is invalid`);
  }
  if (!createFunction(db, agent.id, { ...DEMO_FUNCTION }).ok) throw new Error("Seed function could not be created");
  if (!createFunction(db, agent.id, { ...DEMO_START_FUNCTION }).ok)
    throw new Error("Seed start function could not be created");
  const flow = createFlow(
    db,
    agent.id,
    demoFlow({ destinations: listDestinations(db, agent.id), overrideFunctionName: DEMO_FUNCTION.name }),
  );
  if (!flow.ok) throw new Error("Seed flow could not be created");
  const destinations = listDestinations(db, agent.id);
  for (const topic of demoTopics((name) => destinations.find((d) => d.name === name)?.id ?? null)) {
    if (!createTopic(db, agent.id, topic).ok) throw new Error(`Seed topic ${topic.name} could not be created`);
  }
  for (const scenario of DEMO_SCENARIOS) {
    if (!createScenario(db, agent.id, scenario).ok)
      throw new Error(`Seed scenario ${scenario.name} could not be created`);
  }
  return agent.id;
}
