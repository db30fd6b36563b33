import type { DeliveryStatus, MembershipStatus, PersonStatus } from "../../generated/prisma/enums.js";

/**
 * What /hapusdata does to one person, as a pure function of what is stored about them: the
 * repository loads the snapshot and applies the plan in one transaction. Erased: the name,
 * phone, Telegram username and Telegram id (so the person becomes unknown to the bot), their
 * staff role and institution, the notes and photos on their reports, their reasons for not
 * attending meetings. Kept: the person row (status `erased`) with the reported figures under
 * it, invitations and their answers (anonymous), and the record of the erasure.
 */

export type ErasureSnapshot = {
  personId: number;
  status: PersonStatus;
  memberships: Array<{ id: number; status: MembershipStatus }>;
  outgoing: Array<{ key: string; status: DeliveryStatus }>;
};

export type PersonErasure = {
  telegramId: null;
  telegramUsername: null;
  name: null;
  phone: null;
  staffRole: null;
  stakeholderId: null;
  status: "erased";
  erasedAt: Date;
};

export type ErasurePlan =
  | { kind: "already-erased" }
  | {
      kind: "erase";
      person: PersonErasure;
      /** active memberships: they end (status left) now */
      endMembershipIds: number[];
      /** messages not sent yet: cancelled (their jobs removed where possible) */
      cancelKeys: string[];
      /** recorded in this order: withdrawing consent is what /hapusdata means */
      events: Array<"consent_withdrawn" | "erased">;
    };

export function planErasure(snapshot: ErasureSnapshot, now: Date): ErasurePlan {
  if (snapshot.status === "erased") return { kind: "already-erased" };
  return {
    kind: "erase",
    person: {
      telegramId: null,
      telegramUsername: null,
      name: null,
      phone: null,
      staffRole: null,
      stakeholderId: null,
      status: "erased",
      erasedAt: now,
    },
    endMembershipIds: snapshot.memberships.filter((m) => m.status === "active").map((m) => m.id),
    cancelKeys: snapshot.outgoing.filter((o) => o.status === "queued").map((o) => o.key),
    events: ["consent_withdrawn", "erased"],
  };
}

/** A press on «Ya, hapus» counts only for a while after /hapusdata (an old message is not a standing order). */
export const CONFIRM_VALID_SECONDS = 15 * 60;

export function confirmationValid(askedAtEpochSeconds: number, now: Date): boolean {
  const age = Math.floor(now.getTime() / 1000) - askedAtEpochSeconds;
  return Number.isInteger(askedAtEpochSeconds) && age >= -60 && age <= CONFIRM_VALID_SECONDS;
}
