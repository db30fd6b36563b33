import type { Clock } from "../../app-deps.js";
import type { Outbox } from "../../jobs/outgoing.types.js";
import type { Logger } from "../../logger.js";
import type { PersonFacts, PrivacyRepository } from "./privacy.repository.js";

/**
 * /dataku: everything stored about a person. /hapusdata: the erasure, done at once (not in a
 * job): the personal data is gone and sending stops before the confirmation is shown.
 */

export type PrivacyDeps = {
  repo: PrivacyRepository;
  clock: Clock;
  outbox: Pick<Outbox, "cancel">;
  logger: Logger;
};

/** What is stored about a person who has not been erased; null for nobody (or an erased row). */
export async function myData(deps: Pick<PrivacyDeps, "repo">, personId: number | null): Promise<PersonFacts | null> {
  if (personId === null) return null;
  const facts = await deps.repo.facts(personId);
  return facts && facts.status !== "erased" ? facts : null;
}

export type EraseResult =
  | { kind: "erased"; endedMemberships: number; cancelledMessages: number }
  | { kind: "already-erased" }
  | { kind: "not-found" };

/**
 * Erases the person's data in one transaction, then stops their queued messages: the rows are
 * cancelled and their jobs removed through the queue; if the queue cannot be reached the rows
 * are skipped all the same (the worker would skip an erased recipient anyway).
 */
export async function eraseMe(deps: PrivacyDeps, personId: number): Promise<EraseResult> {
  const plan = await deps.repo.erase(personId, deps.clock());
  if (!plan) return { kind: "not-found" };
  if (plan.kind === "already-erased") return plan;
  let cancelled = 0;
  if (plan.cancelKeys.length > 0) {
    try {
      cancelled = await deps.outbox.cancel(plan.cancelKeys);
    } catch (err) {
      deps.logger.warn({ err, personId }, "could not remove queued jobs of an erased person; their rows are skipped");
    }
  }
  cancelled += await deps.repo.skipQueued(personId);
  deps.logger.info({ personId, endedMemberships: plan.endMembershipIds.length, cancelledMessages: cancelled }, "personal data erased");
  return { kind: "erased", endedMemberships: plan.endMembershipIds.length, cancelledMessages: cancelled };
}
