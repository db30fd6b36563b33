import { describe, expect, it } from "vitest";
import {
  announcementIdOfKey,
  announcementKey,
  CAPTION_TEXT_MAX,
  checkText,
  deliveryReport,
  isEmptyAnnouncementAudience,
  LAST_CHECK_ROUND,
  nextCheckDelayMs,
  recipientsOf,
  reportKey,
  TEXT_MAX,
  toggleGroup,
  toggleProgramme,
} from "../../src/features/announcement/announcement.service.js";
import { audienceCounts, type Candidate } from "../../src/features/people/people.audience.js";
import { excerptOf } from "../../src/features/announcement/announcement.texts.js";

// Programme 1 has groups 10 and 11; programme 2 has group 20.
const g10 = { groupId: 10, programmeId: 1 };
const g11 = { groupId: 11, programmeId: 1 };
const g20 = { groupId: 20, programmeId: 2 };
const member = (personId: number, groups: Candidate["groups"], reachable = true): Candidate => ({ personId, reachable, groups, stakeholderId: null });
const candidates: Candidate[] = [
  member(1, [g10]),
  member(2, [g10, g11]), // in two groups of one programme
  member(3, [g11]),
  member(4, [g20]),
  member(5, [g11, g20]), // in both programmes
  member(6, [g10], false), // unreachable, erased, left or without Telegram
];

describe("recipients of an announcement", () => {
  it("reaches the members of a programme once each, however many of its groups they are in", () => {
    expect(recipientsOf({ programmeIds: [1], groupIds: [] }, candidates)).toEqual([1, 2, 3, 5]);
  });

  it("adds single groups of another programme without doubling anyone", () => {
    expect(recipientsOf({ programmeIds: [1], groupIds: [20, 11] }, candidates)).toEqual([1, 2, 3, 4, 5]);
    expect(recipientsOf({ programmeIds: [], groupIds: [20] }, candidates)).toEqual([4, 5]);
  });

  it("never includes someone the bot cannot reach, and nobody for an empty choice", () => {
    expect(recipientsOf({ programmeIds: [1], groupIds: [10] }, candidates)).not.toContain(6);
    expect(recipientsOf({ programmeIds: [], groupIds: [] }, candidates)).toEqual([]);
  });

  it("head-counts reachable members per programme and group (a person in two groups counts once in the programme)", () => {
    const counts = audienceCounts(candidates);
    expect(counts.programmes).toEqual({ 1: 4, 2: 2 });
    expect(counts.groups).toEqual({ 10: 2, 11: 3, 20: 2 });
  });

  it("toggles programmes and groups on and off", () => {
    let a = { programmeIds: [] as number[], groupIds: [] as number[] };
    expect(isEmptyAnnouncementAudience(a)).toBe(true);
    a = toggleProgramme(a, 2);
    a = toggleGroup(a, 11);
    a = toggleGroup(a, 10);
    expect(a).toEqual({ programmeIds: [2], groupIds: [10, 11] });
    a = toggleGroup(toggleProgramme(a, 2), 11);
    expect(a).toEqual({ programmeIds: [], groupIds: [10] });
  });
});

describe("the text", () => {
  it("is trimmed and kept as written, line breaks included", () => {
    expect(checkText("  Rapat kelompok\r\nbesok jam 9 🙏  ", false)).toEqual({ kind: "ok", text: "Rapat kelompok\nbesok jam 9 🙏" });
  });

  it("is refused when empty", () => {
    expect(checkText(" \n ", false)).toEqual({ kind: "empty" });
  });

  it("is limited for a message and more tightly under a photo, counting characters not bytes", () => {
    expect(checkText("é".repeat(TEXT_MAX), false).kind).toBe("ok");
    expect(checkText("a".repeat(TEXT_MAX + 1), false)).toEqual({ kind: "too-long", length: TEXT_MAX + 1, max: TEXT_MAX });
    expect(checkText("🙏".repeat(CAPTION_TEXT_MAX), true).kind).toBe("ok");
    expect(checkText("a".repeat(CAPTION_TEXT_MAX + 1), true)).toEqual({ kind: "too-long", length: CAPTION_TEXT_MAX + 1, max: CAPTION_TEXT_MAX });
  });

  it("is shortened to an excerpt for the delivery count", () => {
    expect(excerptOf("Halo   semua,\nbesok kerja bakti")).toBe("Halo semua, besok kerja bakti");
    expect([...excerptOf("x".repeat(100))].length).toBe(60);
  });
});

describe("keys and the delivery count", () => {
  it("finds the announcement in both kinds of key", () => {
    expect(announcementIdOfKey(announcementKey(12, 345))).toBe(12);
    expect(announcementIdOfKey(reportKey(7))).toBe(7);
    expect(announcementIdOfKey("invite-12-345")).toBeNull();
    expect(announcementIdOfKey("announce-x-1")).toBeNull();
  });

  it("counts every message not delivered as not reached, and what is still queued apart", () => {
    expect(deliveryReport({ total: 10, sent: 7, unreachable: 2, failed: 0, skipped: 1, queued: 0 })).toEqual({ delivered: 7, total: 10, notReached: 3, pending: 0 });
    expect(deliveryReport({ total: 10, sent: 7, unreachable: 1, failed: 0, skipped: 0, queued: 2 })).toEqual({ delivered: 7, total: 10, notReached: 1, pending: 2 });
  });

  it("checks often at first, then every minute, and gives up after about a day", () => {
    expect(nextCheckDelayMs(0)).toBe(3_000);
    expect(nextCheckDelayMs(1)).toBe(5_000);
    expect(nextCheckDelayMs(61)).toBe(60_000);
    const total = Array.from({ length: LAST_CHECK_ROUND }, (_, round) => nextCheckDelayMs(round)).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(25);
  });
});
