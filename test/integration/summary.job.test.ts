// The weekly-summary job through the real queues (Redis, PostgreSQL, the outgoing worker) to
// the local Bot API server: run twice, each recipient gets their messages once; the chart
// arrives as a PNG photo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { summaryJobs } from "../../src/features/summary/summary.jobs.js";
import { dbDate } from "../../src/lib/week.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { queueConfig, queueIdle, queueRig, waitUntil, type QueueRig } from "../support/outbox-harness.js";

let db: TestDatabase;
let server: BotApiServer;
let rig: QueueRig;
const people: Record<string, { id: number; chat: number }> = {};

async function person(key: string, chat: number, data: { coordinator?: boolean; staff?: boolean }) {
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const created = await db.prisma.person.create({
    data: {
      telegramId: BigInt(chat),
      name: key,
      staffRole: data.staff ? "staff" : null,
      ...(!data.staff && { memberships: { create: { groupId: group.id, role: data.coordinator ? "coordinator" : "member", joinedAt: new Date("2026-01-01T00:00:00Z") } } }),
    },
  });
  server.addChat({ id: chat, first_name: key });
  people[key] = { id: created.id, chat };
}

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  server = await startBotApiServer();
  const config = queueConfig(db.url, server, `${testRedisPrefix("summary-job")}:`);
  rig = await queueRig({ config, prisma: db.prisma, redisUrl: testRedisUrl(), workers: { renderers: summaryJobs.renderers!, processors: summaryJobs.processors! } });
  await person("citra", 9_700_001, { coordinator: true });
  await person("ani", 9_700_002, {});
  await person("sari", 9_700_003, { staff: true });
  const group = await db.prisma.group.findUniqueOrThrow({ where: { code: "mariojela-margasari" } });
  const jelantah = await db.prisma.indicator.findFirstOrThrow({ where: { code: "jelantah-terkumpul", programme: { code: "mariojela" } } });
  for (const [week, value] of [["2026-11-09", "20"], ["2026-11-16", "40"], ["2026-11-23", "50.5"]] as const) {
    await db.prisma.report.create({
      data: { groupId: group.id, memberId: people.ani!.id, submittedById: people.ani!.id, weekStart: dbDate(week), values: { create: [{ indicatorId: jelantah.id, value }] } },
    });
  }
});

afterAll(async () => {
  await rig?.close();
  await server?.close();
  await db?.drop();
});

describe("the weekly-summary job", () => {
  it("run twice, sends each coordinator one summary and each staff member one per programme, with the chart", { timeout: 90_000 }, async () => {
    const done = async () => {
      const rows = await db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-summary" } });
      return rows.length === 6 && rows.every((r) => r.status !== "queued");
    };
    await rig.deps.outbox.scheduleJob("summary", "weekly-summary", { week: "2026-W48" }, { jobId: "weekly-summary-test-1" });
    await waitUntil(done, 30_000, "the first run's messages");
    // The second run must be seen to finish (not merely given time): its processor ran to the
    // end, asked for the same six messages again, and nothing more was sent.
    const summaryWorker = rig.workers!.workers.find((w) => w.name === "summary")!;
    const secondRun = new Promise<void>((resolve, reject) => {
      summaryWorker.on("completed", (job) => {
        if (job.id === "weekly-summary-test-2") resolve();
      });
      summaryWorker.on("failed", (job, err) => {
        if (job?.id === "weekly-summary-test-2") reject(err);
      });
    });
    await rig.deps.outbox.scheduleJob("summary", "weekly-summary", { week: "2026-W48" }, { jobId: "weekly-summary-test-2" });
    await secondRun;
    await queueIdle(rig.queues, "outgoing");

    const rows = await db.prisma.outgoingMessage.findMany({ where: { purpose: "weekly-summary" }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.personId, r.status])).toEqual([
      [people.citra!.id, "sent"],
      ...Array.from({ length: 5 }, () => [people.sari!.id, "sent"]),
    ]);
    expect(rows[0]!.key).toBe(`summary-2026-W48-${people.citra!.id}`);

    const citra = server.messages(people.citra!.chat);
    const photos = citra.filter((m) => m.method === "sendPhoto");
    expect(photos).toHaveLength(1);
    const text = citra.map((m) => m.text ?? m.caption ?? "").join("\n");
    expect(text).toContain("• Jelantah terkumpul: 50,5 liter (naik 10,5 liter, +26,3%)");
    // a summary longer than a caption goes as text, then the chart with a short caption
    const summary = citra.find((m) => (m.text ?? m.caption ?? "").startsWith("📊"))!;
    if (summary.method === "sendPhoto") expect(citra).toHaveLength(1);
    else expect(citra.map((m) => [m.method, (m.text ?? m.caption ?? "").slice(0, 2)])).toEqual([["sendMessage", "📊"], ["sendPhoto", "📈"]]);
    const png = server.files.get(photos[0]!.photo!.at(-1)!.file_id)!.bytes;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);

    const sari = server.messages(people.sari!.chat).map((m) => m.text ?? m.caption ?? "");
    expect(sari.filter((t) => t.startsWith("📊"))).toHaveLength(5);
    expect(server.messages(people.ani!.chat)).toHaveLength(0);
  });
});
