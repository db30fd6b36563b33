// Staff rights through the real bot: every role × status × staff command and staff button.
// A person who left or was erased keeps no staff rights, whatever role is still stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { BotMessage } from "../../src/dev/bot-api-server.js";
import { PersonStatus, StaffRole } from "../../src/generated/prisma/enums.js";
import { startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import { TelegramUser } from "../support/telegram-user.js";

const i18n = createI18n();
const t = (key: string) => i18n.t("id", key);

type Role = "member" | "coordinator" | "stakeholder" | "staff" | "admin";
const ROLES: Role[] = ["member", "coordinator", "stakeholder", "staff", "admin"];
const STATUSES: PersonStatus[] = [PersonStatus.active, PersonStatus.left, PersonStatus.erased];

/** Each staff command, and whether an active coordinator may use it too (for their own groups). */
const COMMANDS: Array<{ command: string; coordinators: boolean; refusal: string }> = [
  { command: "/undang", coordinators: false, refusal: "common-not-allowed" },
  { command: "/rapat", coordinators: false, refusal: "common-not-allowed" },
  { command: "/umumkan", coordinators: false, refusal: "common-not-allowed" },
  { command: "/tautan", coordinators: false, refusal: "common-not-allowed" },
  { command: "/ringkasan", coordinators: true, refusal: "summary-not-allowed" },
  { command: "/ekspor", coordinators: true, refusal: "export-not-allowed" },
];

let rig: InProcessBot;
let meetingId = 0;
let programmeId = 0;
let inviteeId = 0;
const people = new Map<string, TelegramUser>();

const key = (role: Role, status: PersonStatus) => `${role}-${status}`;

beforeAll(async () => {
  rig = await startInProcessBot({ label: "rights" });
  const { prisma } = rig.db;
  const group = await prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const stakeholder = await prisma.stakeholder.findUniqueOrThrow({ where: { code: "lurah-margasari" } });
  programmeId = group.programmeId;
  let telegramId = 9_400_000;
  for (const role of ROLES) {
    for (const status of STATUSES) {
      telegramId += 1;
      // The erased keep their Telegram id here on purpose: rights must refuse them even if the bot still knew them.
      await prisma.person.create({
        data: {
          telegramId: BigInt(telegramId),
          name: `${role} ${status}`,
          status,
          staffRole: role === "staff" ? StaffRole.staff : role === "admin" ? StaffRole.admin : null,
          stakeholderId: role === "stakeholder" ? stakeholder.id : null,
          memberships: role === "member" || role === "coordinator" ? { create: { groupId: group.id, role } } : undefined,
        },
      });
      const user = new TelegramUser(rig.server, { id: telegramId, firstName: `${role} ${status}` });
      rig.server.addChat(user.user);
      people.set(key(role, status), user);
    }
  }
  const creator = await prisma.person.findFirstOrThrow({ where: { staffRole: StaffRole.staff, status: PersonStatus.active } });
  const invitee = await prisma.person.findFirstOrThrow({ where: { memberships: { some: { groupId: group.id, role: "member" } }, status: PersonStatus.active } });
  inviteeId = invitee.id;
  const meeting = await prisma.meeting.create({
    data: {
      title: "Rapat Hak",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      place: "Aula",
      audience: { groupIds: [group.id] },
      checkInCode: "R1GHTS",
      createdById: creator.id,
      invitations: { create: [{ personId: invitee.id, groupId: group.id }] },
    },
  });
  meetingId = meeting.id;
});

afterAll(async () => {
  await rig?.close();
});

const allowedCommand = (role: Role, status: PersonStatus, coordinators: boolean) =>
  status === PersonStatus.active && (role === "staff" || role === "admin" || (coordinators && role === "coordinator"));

describe.each(ROLES.flatMap((role) => STATUSES.map((status) => ({ role, status }))))("$role, $status", ({ role, status }) => {
  for (const { command, coordinators, refusal } of COMMANDS) {
    const allowed = allowedCommand(role, status, coordinators);
    it(`${command}: ${allowed ? "allowed" : "refused"}`, async () => {
      const user = people.get(key(role, status))!;
      user.say(command);
      const reply = await user.expectReply();
      if (allowed) expect([t(refusal), t("common-not-allowed"), t("common-not-joined")]).not.toContain(reply.text);
      else expect(reply.text).toBe(t(refusal));
      user.say("/batal");
      await user.expectReply(new RegExp(`^(${t("common-cancelled")}|${t("common-nothing-to-cancel")})`.replace(/[.?]/g, "\\$&")));
    });
  }

  const staff = status === PersonStatus.active && (role === "staff" || role === "admin");
  // Staff buttons whose press changes nothing: pressed by staff too. The others only by those who must be refused.
  const harmless = () => [`mst:list`, `mst:view:${meetingId}`, `mst:resend:${meetingId}`, `mst:cancel:${meetingId}`, `mst:mark:${meetingId}:0`, `sum:p:${programmeId}`];
  const acting = () => [`mst:resend-ok:${meetingId}:1`, `mst:move:${meetingId}`, `mst:cancel-ok:${meetingId}`, `mst:att:${meetingId}`, `mst:present:${meetingId}:${inviteeId}:0`];
  it(`staff buttons: ${staff ? "allowed" : "refused"}`, async () => {
    const user = people.get(key(role, status))!;
    user.say("/bantuan");
    const message: BotMessage = await user.expectReply();
    for (const data of staff ? harmless() : [...harmless(), ...acting()]) {
      const press = rig.server.injectUpdate({
        callback_query: { id: `forged-${role}-${status}-${data}`, from: user.user as never, chat_instance: "x", data, message: message as never },
      });
      const answer = (await user.callbackAnswer(press)).answer;
      const refusals = [t("common-not-allowed"), t("summary-refused")];
      if (staff) expect(refusals).not.toContain(answer?.text);
      else expect(refusals, data).toContain(answer?.text);
    }
    const meeting = await rig.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.status).toBe("scheduled");
    expect(await rig.db.prisma.invitation.count({ where: { meetingId, checkedInAt: { not: null } } })).toBe(0);
  });
});
