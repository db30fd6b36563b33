// Announcements against real PostgreSQL and Redis, the real outgoing queue and its workers, and
// the local Bot API server: the right recipients once each, rows tied to the announcement, the
// photo sent by its file id, and the sender told the delivery count exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { announcementDeps } from "../../src/features/announcement/announcement.deps.js";
import { announcementJobs } from "../../src/features/announcement/announcement.jobs.js";
import { announcementSetup, checkDelivery, recipientCount, sendAnnouncement } from "../../src/features/announcement/announcement.service.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { FAST_RETRIES, queueConfig, queueIdle, queueRig, waitUntil, type QueueRig } from "../support/outbox-harness.js";

let db: TestDatabase;
let server: BotApiServer;
let rig: QueueRig;
const ids: Record<string, number> = {};
const chats: Record<string, number> = {};
let nextTelegramId = 8_400_000;

type Joiner = { groups?: string[]; telegram?: boolean; status?: "active" | "unreachable"; leftGroups?: string[]; staff?: boolean };

async function person(key: string, data: Joiner) {
  const telegramId = data.telegram === false ? null : ++nextTelegramId;
  const groupIds = async (codes: string[] = []) => Promise.all(codes.map(async (code) => (await db.prisma.group.findUniqueOrThrow({ where: { code } })).id));
  const active = await groupIds(data.groups);
  const left = await groupIds(data.leftGroups);
  const row = await db.prisma.person.create({
    data: {
      telegramId: telegramId === null ? null : BigInt(telegramId),
      name: key,
      status: data.status ?? "active",
      staffRole: data.staff ? "staff" : null,
      memberships: {
        create: [...active.map((groupId) => ({ groupId })), ...left.map((groupId) => ({ groupId, status: "left" as const, leftAt: new Date() }))],
      },
    },
  });
  ids[key] = row.id;
  if (telegramId !== null) {
    chats[key] = telegramId;
    server.addChat({ id: telegramId, first_name: key });
  }
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  server = await startBotApiServer();
  const config = queueConfig(db.url, server, `${testRedisPrefix("announcement")}:`, FAST_RETRIES);
  rig = await queueRig({
    config,
    prisma: db.prisma,
    redisUrl: testRedisUrl(),
    workers: { renderers: announcementJobs.renderers!, processors: announcementJobs.processors! },
  });
  await person("staff", { staff: true });
  await person("ani", { groups: ["mariojela-margasari"] });
  await person("budi", { groups: ["mariojela-margasari", "ksb-margasari"] }); // reached through both: once
  await person("citra", { groups: ["ksb-margasari"] });
  await person("hadi", { groups: ["ksb-margasari"] }); // has blocked the bot: found unreachable on sending
  await person("dodi", { groups: ["ksb-baru-tengah"] }); // a group not chosen
  await person("eko", { groups: ["mariojela-margasari"], telegram: false }); // reported for by the coordinator
  await person("fani", { groups: ["mariojela-margasari"], status: "unreachable" });
  await person("gita", { leftGroups: ["mariojela-margasari"] });
  server.blockUser(chats.hadi!);
});

afterAll(async () => {
  await rig?.close();
  await server?.close();
  await db?.drop();
});

async function audience() {
  const mariojela = await db.prisma.programme.findUniqueOrThrow({ where: { code: "mariojela" } });
  const ksbMargasari = await db.prisma.group.findUniqueOrThrow({ where: { code: "ksb-margasari" } });
  return { programmeIds: [mariojela.id], groupIds: [ksbMargasari.id] };
}

describe("an announcement to a programme and a group", () => {
  let announcementId = 0;

  it("counts the reachable members beside each choice", async () => {
    const setup = await announcementSetup(announcementDeps(rig.deps));
    const mariojela = setup.programmes.find((p) => p.name.includes("Mariojela"))!;
    const group = (code: string) => db.prisma.group.findUniqueOrThrow({ where: { code } });
    expect(setup.counts.programmes[mariojela.id]).toBe(2); // ani, budi
    expect(setup.counts.groups[(await group("ksb-margasari")).id]).toBe(3); // budi, citra, hadi
    expect(setup.counts.groups[(await group("ksb-baru-tengah")).id]).toBe(1);
    // The count shown on «Lanjut» (PostgreSQL) follows the same rule as the recipients themselves.
    expect(await recipientCount(announcementDeps(rig.deps), await audience())).toBe(4);
    expect(await recipientCount(announcementDeps(rig.deps), { programmeIds: [mariojela.id], groupIds: [] })).toBe(2);
  });

  it("is refused to a member", async () => {
    const result = await sendAnnouncement(announcementDeps(rig.deps), ids.ani!, { text: "Halo", photoFileId: null, audience: await audience() });
    expect(result).toEqual({ kind: "not-allowed" });
    expect(await db.prisma.announcement.count()).toBe(0);
  });

  it("queues one message per reachable recipient, tied to the announcement, with the photo", async () => {
    const photo = server.sendPhoto({ id: chats.staff!, first_name: "staff" }).message!.photo!;
    const photoFileId = photo[photo.length - 1]!.file_id;
    const result = await sendAnnouncement(announcementDeps(rig.deps), ids.staff!, {
      text: "Kerja bakti hari Sabtu jam 07.00.\nMohon bawa sapu.",
      photoFileId,
      audience: await audience(),
    });
    if (result.kind !== "sent") throw new Error(result.kind);
    announcementId = result.announcementId;
    expect(result.recipients).toBe(4);

    const stored = await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcementId } });
    expect(stored).toMatchObject({ text: "Kerja bakti hari Sabtu jam 07.00.\nMohon bawa sapu.", photoFileId, createdById: ids.staff, reportedAt: null });
    expect(stored.audience).toEqual(await audience());
    const rows = await db.prisma.outgoingMessage.findMany({ where: { announcementId }, orderBy: { personId: "asc" } });
    const recipients = ["ani", "budi", "citra", "hadi"].map((k) => ids[k]!).sort((a, b) => a - b);
    expect(rows.map((r) => r.personId)).toEqual(recipients);
    expect(rows.map((r) => r.key)).toEqual(recipients.map((p) => `announce-${announcementId}-${p}`));
    expect(rows.every((r) => r.purpose === "announcement")).toBe(true);
  });

  it("delivers the photo with the text as its caption, once to each", async () => {
    await waitUntil(async () => (await db.prisma.outgoingMessage.count({ where: { announcementId, status: "queued" } })) === 0, 15_000, "the announcement to settle");
    for (const key of ["ani", "budi", "citra"]) {
      const messages = server.messages(chats[key]!);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.photo).toBeDefined();
      expect(messages[0]!.caption).toBe("📢 Pengumuman\n\nKerja bakti hari Sabtu jam 07.00.\nMohon bawa sapu.");
    }
    for (const key of ["dodi", "gita", "fani"]) expect(server.messages(chats[key]!)).toEqual([]);
    const hadi = await db.prisma.outgoingMessage.findUniqueOrThrow({ where: { key: `announce-${announcementId}-${ids.hadi}` } });
    expect(hadi.status).toBe("unreachable");
  });

  it("tells the sender the delivery count once everything has settled", async () => {
    await waitUntil(() => server.messages(chats.staff!).some((m) => (m.text ?? "").startsWith("Pengumuman terkirim")), 20_000, "the delivery count");
    const report = server.messages(chats.staff!).filter((m) => (m.text ?? "").startsWith("Pengumuman terkirim"));
    expect(report).toHaveLength(1);
    expect(report[0]!.text).toBe("Pengumuman terkirim ke 3 dari 4 orang (1 tidak bisa dihubungi).\nPengumuman: «Kerja bakti hari Sabtu jam 07.00. Mohon bawa sapu.»");
    const stored = await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcementId } });
    expect(stored.reportedAt).not.toBeNull();
    // The report is not one of the announcement's own messages.
    expect(await db.prisma.outgoingMessage.count({ where: { announcementId } })).toBe(4);
  });

  it("does not tell the sender twice when the check runs again", async () => {
    expect(await checkDelivery(announcementDeps(rig.deps), announcementId, 5)).toEqual({ kind: "reported-already" });
    await db.prisma.announcement.update({ where: { id: announcementId }, data: { reportedAt: null } });
    // Even a check that lost its mark finds the report already sent under its key.
    const again = await checkDelivery(announcementDeps(rig.deps), announcementId, 6);
    expect(again.kind).toBe("reported");
    await queueIdle(rig.queues, "outgoing");
    expect(server.messages(chats.staff!).filter((m) => (m.text ?? "").startsWith("Pengumuman terkirim"))).toHaveLength(1);
  });
});
