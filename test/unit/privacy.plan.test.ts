import { describe, expect, it } from "vitest";
import { confirmationValid, CONFIRM_VALID_SECONDS, planErasure, type ErasureSnapshot } from "../../src/features/privacy/privacy.plan.js";

const now = new Date("2026-11-30T02:00:00Z");
const snapshot: ErasureSnapshot = {
  personId: 5,
  status: "active",
  memberships: [
    { id: 1, status: "active" },
    { id: 2, status: "left" },
    { id: 3, status: "active" },
  ],
  outgoing: [
    { key: "invite-1-5", status: "queued" },
    { key: "remind-2026-W48-5", status: "sent" },
    { key: "announce-3-5", status: "queued" },
    { key: "announce-2-5", status: "unreachable" },
  ],
};

describe("the erasure plan", () => {
  it("clears every personal field and the Telegram id, and marks the person erased now", () => {
    const plan = planErasure(snapshot, now);
    if (plan.kind !== "erase") throw new Error(plan.kind);
    expect(plan.person).toEqual({
      telegramId: null,
      telegramUsername: null,
      name: null,
      phone: null,
      staffRole: null,
      stakeholderId: null,
      status: "erased",
      erasedAt: now,
    });
  });

  it("ends only the active memberships and cancels only the messages still queued", () => {
    const plan = planErasure(snapshot, now);
    if (plan.kind !== "erase") throw new Error(plan.kind);
    expect(plan.endMembershipIds).toEqual([1, 3]);
    expect(plan.cancelKeys).toEqual(["invite-1-5", "announce-3-5"]);
  });

  it("records the consent withdrawal and the erasure", () => {
    const plan = planErasure(snapshot, now);
    expect(plan.kind === "erase" && plan.events).toEqual(["consent_withdrawn", "erased"]);
  });

  it("erases people who left or are unreachable too, and does nothing the second time", () => {
    expect(planErasure({ ...snapshot, status: "left" }, now).kind).toBe("erase");
    expect(planErasure({ ...snapshot, status: "unreachable" }, now).kind).toBe("erase");
    expect(planErasure({ ...snapshot, status: "erased" }, now)).toEqual({ kind: "already-erased" });
  });
});

describe("the confirmation button", () => {
  const asked = Math.floor(now.getTime() / 1000);

  it("counts for a while after /hapusdata", () => {
    expect(confirmationValid(asked, now)).toBe(true);
    expect(confirmationValid(asked - CONFIRM_VALID_SECONDS, now)).toBe(true);
  });

  it("does not count once it is old, or from the future", () => {
    expect(confirmationValid(asked - CONFIRM_VALID_SECONDS - 1, now)).toBe(false);
    expect(confirmationValid(asked + 3600, now)).toBe(false);
  });
});
