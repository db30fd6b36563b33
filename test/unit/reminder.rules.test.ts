// Who gets the weekly reminder (the rule as a pure function), its keys, the week window, and
// the message as the member sees it (both languages, the "Lapor sekarang" button).
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { reminderMessage } from "../../src/features/reminder/reminder.jobs.js";
import {
  asSlot,
  parseReminderKey,
  reminderKey,
  reminderVerdict,
  shouldRemind,
  weekIsOver,
  weekStillReportable,
  type ReminderCandidate,
} from "../../src/features/reminder/reminder.rules.js";
import { reportNowData } from "../../src/features/report/report.keyboards.js";
import { weekFromKey } from "../../src/lib/week.js";

const WITA = "Asia/Makassar";
const wita = (local: string) => new Date(`${local}+08:00`);
const W48 = weekFromKey("2026-W48", WITA)!; // Mon 23 – Sun 29 November 2026

const member: ReminderCandidate = {
  personId: 7,
  groupId: 3,
  membershipStatus: "active",
  groupActive: true,
  personStatus: "active",
  hasTelegram: true,
  remindersOff: false,
  joinedAt: wita("2026-01-10T09:00:00"),
  reported: false,
};

describe("who is reminded", () => {
  it("an active member with Telegram who has not reported that week", () => {
    expect(reminderVerdict(member, W48)).toBe("remind");
    expect(shouldRemind(member, W48)).toBe(true);
  });

  it.each<[string, Partial<ReminderCandidate>, string]>([
    ["has reported that week", { reported: true }, "reported"],
    ["sent /berhenti", { remindersOff: true }, "opted-out"],
    ["left the group", { membershipStatus: "left" }, "left-group"],
    ["is in a group that was closed", { groupActive: false }, "group-inactive"],
    ["left altogether", { personStatus: "left" }, "person-not-active"],
    ["erased their data", { personStatus: "erased" }, "person-not-active"],
    ["blocked the bot (unreachable)", { personStatus: "unreachable" }, "person-not-active"],
    ["has no Telegram (the coordinator reports for them)", { hasTelegram: false }, "no-telegram"],
    ["joined after the week ended", { joinedAt: W48.end }, "joined-later"],
  ])("not someone who %s", (_why, change, verdict) => {
    const candidate = { ...member, ...change };
    expect(reminderVerdict(candidate, W48)).toBe(verdict);
    expect(shouldRemind(candidate, W48)).toBe(false);
  });

  it("someone who joined during the week is reminded; opting out wins over everything but leaving", () => {
    expect(shouldRemind({ ...member, joinedAt: wita("2026-11-27T10:00:00") }, W48)).toBe(true);
    expect(reminderVerdict({ ...member, remindersOff: true, reported: true }, W48)).toBe("opted-out");
    expect(reminderVerdict({ ...member, membershipStatus: "left", remindersOff: true }, W48)).toBe("left-group");
  });
});

describe("keys", () => {
  it("one per week, slot, group and person, and read back", () => {
    const key = reminderKey("2026-W48", "first", 3, 7);
    expect(key).toBe("remind-2026-W48-first-3-7");
    expect(parseReminderKey(key)).toEqual({ weekKey: "2026-W48", slot: "first", groupId: 3, personId: 7 });
    expect(reminderKey("2026-W48", "second", 3, 7)).not.toBe(key);
    expect(reminderKey("2026-W49", "first", 3, 7)).not.toBe(key);
    expect(reminderKey("2026-W48", "first", 4, 7)).not.toBe(key);
  });

  it("rejects anything else", () => {
    for (const key of ["invite-3-7", "remind-2026-W48-third-3-7", "remind-2026-48-first-3-7", "remind-2026-W48-first-3", "remind-2026-W48-first-3-7-8"]) {
      expect(parseReminderKey(key)).toBeNull();
    }
    expect(asSlot("first")).toBe("first");
    expect(asSlot("second")).toBe("second");
    expect(asSlot("third")).toBeNull();
    expect(asSlot(undefined)).toBeNull();
  });
});

describe("the week window", () => {
  it("this week and the backfill weeks before it can be reminded about; later and earlier ones not", () => {
    const friday = wita("2026-11-27T16:00:00");
    expect(weekStillReportable(W48, friday, WITA, 4)).toBe(true);
    // Run late, in the following week: still reportable with a backfill of 1 or more, not with 0.
    const nextTuesday = wita("2026-12-01T09:00:00");
    expect(weekStillReportable(W48, nextTuesday, WITA, 1)).toBe(true);
    expect(weekStillReportable(W48, nextTuesday, WITA, 0)).toBe(false);
    // Five weeks on, with the default backfill of 4: too old.
    expect(weekStillReportable(W48, wita("2027-01-04T09:00:00"), WITA, 4)).toBe(false);
    // A week that has not begun.
    expect(weekStillReportable(weekFromKey("2026-W49", WITA)!, friday, WITA, 4)).toBe(false);
  });

  it("a week is over from Monday 00:00 WITA", () => {
    expect(weekIsOver(W48, wita("2026-11-29T23:59:59"))).toBe(false);
    expect(weekIsOver(W48, wita("2026-11-30T00:00:00"))).toBe(true);
  });
});

describe("the message", () => {
  const i18n = createI18n();
  const reminder = { week: W48, groupId: 3, groupName: "Mariojela", personName: "Siti", weekOver: false };

  it("Friday, in Indonesian: greets by name, names the group and week, offers Lapor sekarang for that group and week", () => {
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
    const message = reminderMessage(t, "id", WITA, { ...reminder, slot: "first" });
    expect(message.text).toContain("Halo, Siti!");
    expect(message.text).toContain("kelompok Mariojela minggu ini (23–29 November 2026)");
    expect(message.text).toContain("/berhenti");
    expect(message.replyMarkup?.inline_keyboard).toEqual([[{ text: "📝 Lapor sekarang", callback_data: reportNowData(3, "2026-W48") }]]);
  });

  it("Sunday is worded differently; a late one speaks of a past week; no name, no greeting by name", () => {
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t("id", key, vars);
    const sunday = reminderMessage(t, "id", WITA, { ...reminder, slot: "second" }).text;
    expect(sunday).toContain("hampir habis");
    expect(sunday).not.toBe(reminderMessage(t, "id", WITA, { ...reminder, slot: "first" }).text);
    const late = reminderMessage(t, "id", WITA, { ...reminder, slot: "second", weekOver: true, personName: null }).text;
    expect(late).toContain("sudah lewat");
    expect(late).toContain("Halo lagi!");
    expect(late).not.toContain("{");
  });

  it("in English", () => {
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);
    const message = reminderMessage(t, "en", WITA, { ...reminder, slot: "first" });
    expect(message.text).toContain("Hello, Siti!");
    expect(message.text).toContain("23–29 November 2026");
    expect(message.replyMarkup?.inline_keyboard[0]?.[0]?.text).toBe("📝 Report now");
  });
});
