// Weekly reminders against PostgreSQL (a fresh seeded database) and Redis (the real outbox and
// queues under a prefix of this file's own): who is asked for, a run twice asks for nothing
// more, the Sunday slot has keys of its own, a late run covers its own week, the renderer's
// check at send time, /berhenti and /mulai, `npm run cli -- jobs run`, and delivery through the
// workers to the local Bot API server (one message per member, none to the one who reported).
import { Api } from "grammy";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app-deps.js";
import type { FeatureDeps } from "../../src/bot/feature.js";
import { createI18n } from "../../src/bot/i18n.js";
import { runCli } from "../../src/cli.js";
import { loadConfig, type Config } from "../../src/config.js";
import { startBotApiServer, type BotApiServer } from "../../src/dev/bot-api-server.js";
import { createOutbox } from "../../src/outgoing/outbox.js";
import { reminderDeps } from "../../src/features/reminder/reminder.deps.js";
import { reminderJobs, weeklyReminderFanOut } from "../../src/features/reminder/reminder.jobs.js";
import { REMINDER_PURPOSE } from "../../src/features/reminder/reminder.rules.js";
import { setReminders } from "../../src/features/reminder/reminder.service.js";
import { reportNowData } from "../../src/features/report/report.keyboards.js";
import type { JobData, RenderContext } from "../../src/jobs/outgoing.types.js";
import { bullPrefix, createBullConnection, createQueues, type Queues } from "../../src/jobs/queues.js";
import { OUTGOING_QUEUE } from "../../src/jobs/registry.js";
import { dbDate, weekOf } from "../../src/lib/week.js";
import { freshDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from "../support/db.js";
import { makePeople, queueConfig, queueIdle, queueRig, waitUntil, type QueueRig } from "../support/outbox-harness.js";

const WITA = "Asia/Makassar";
const wita = (local: string) => new Date(`${local}+08:00`);
const FRIDAY = wita("2026-11-27T16:00:00"); // 2026-W48
const SUNDAY = wita("2026-11-29T18:00:00");
let now = FRIDAY;
const clock: Clock = () => now;
const logger = pino({ level: "silent" });

let db: TestDatabase;
let config: Config;
let queues: Queues;
let bull: Redis;
let redis: Redis;
let deps: FeatureDeps;
const g: Record<string, number> = {};
const p: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDatabase({ seed: true });
  config = loadConfig({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: `${testRedisPrefix("reminder")}:`, LOG_LEVEL: "silent" });
  bull = createBullConnection(testRedisUrl());
  redis = new Redis(testRedisUrl(), { keyPrefix: config.redisKeyPrefix });
  queues = createQueues(bull, bullPrefix(config.redisKeyPrefix));
  const outbox = createOutbox({ prisma: db.prisma, queues, config, clock, logger });
  deps = { config, logger, prisma: db.prisma, redis, clock, outbox, i18n: createI18n() };
  const groups = await db.prisma.group.findMany({ orderBy: { id: "asc" }, take: 3, select: { id: true } });
  ["x", "y", "closed"].forEach((code, i) => (g[code] = groups[i]!.id));
  await db.prisma.group.update({ where: { id: g.closed! }, data: { active: false } });

  await person("plain", ["x"]);
  await person("reported", ["x"], { reportedIn: ["x"] });
  await person("optedOut", ["x"], { remindersOff: true });
  await person("leftGroup", ["x"], { membership: "left" });
  await person("erased", ["x"], { status: "erased" });
  await person("unreachable", ["x"], { status: "unreachable" });
  await person("noTelegram", ["x"], { telegram: false });
  await person("twoGroups", ["x", "y"], { reportedIn: ["x"] });
  await person("reportedLastWeek", ["y"], { reportedIn: [], reportedLastWeek: true });
  await person("closedGroup", ["closed"]);
  await person("coordinator", ["y"], { role: "coordinator" });
});

afterAll(async () => {
  await queues?.close();
  await bull?.quit();
  await redis?.quit();
  await db?.drop();
});

type PersonSetup = {
  reportedIn?: string[];
  reportedLastWeek?: boolean;
  remindersOff?: boolean;
  membership?: "active" | "left";
  status?: "active" | "left" | "unreachable" | "erased";
  telegram?: boolean;
  role?: "member" | "coordinator";
};

async function person(key: string, groups: string[], setup: PersonSetup = {}) {
  const telegramId = 8_400_000 + Object.keys(p).length;
  const created = await db.prisma.person.create({
    data: {
      name: key,
      telegramId: setup.telegram === false ? null : BigInt(telegramId),
      status: setup.status ?? "active",
      remindersOff: setup.remindersOff ?? false,
      consentAt: wita("2026-01-05T09:00:00"),
      memberships: {
        create: groups.map((code) => ({ groupId: g[code]!, status: setup.membership ?? "active", role: setup.role ?? "member", joinedAt: wita("2026-01-05T09:00:00") })),
      },
    },
  });
  p[key] = created.id;
  for (const code of setup.reportedIn ?? []) await report(key, code, "2026-11-23");
  if (setup.reportedLastWeek) for (const code of groups) await report(key, code, "2026-11-16");
}

async function report(key: string, group: string, weekStartDate: string) {
  await db.prisma.report.create({ data: { groupId: g[group]!, memberId: p[key]!, weekStart: dbDate(weekStartDate), submittedById: p[key]! } });
}

async function run(data: JobData, scheduledAt: Date) {
  await weeklyReminderFanOut(data, { deps, log: logger, jobId: "test", jobName: "weekly-reminder", attempt: 1, scheduledAt, api: new Api("1:test") });
}

async function keys(prefix: string) {
  const rows = await db.prisma.outgoingMessage.findMany({ where: { purpose: REMINDER_PURPOSE, key: { startsWith: prefix } }, orderBy: { key: "asc" } });
  return rows.map((r) => r.key);
}

const k = (week: string, slot: string, group: string, who: string) => `remind-${week}-${slot}-${g[group]}-${p[who]}`;
const sorted = (list: string[]) => [...list].sort();

function renderContext(key: string, personId: number, id = 0): RenderContext {
  return {
    prisma: db.prisma,
    i18n: deps.i18n,
    clock,
    timeZone: WITA,
    outgoing: { id, key, purpose: REMINDER_PURPOSE, personId, meetingId: null },
    recipient: { personId, telegramId: 1n, language: "id" },
  };
}
const render = (key: string, personId: number) => reminderJobs.renderers![REMINDER_PURPOSE]!.render(renderContext(key, personId));

describe("the weekly reminder fan-out", () => {
  it("Friday: only active members with Telegram who have not reported, per group; nobody opted out, left, erased or unreachable", async () => {
    now = FRIDAY;
    await run({ slot: "first" }, FRIDAY);
    expect(await keys("remind-2026-W48-first-")).toEqual(
      sorted([k("2026-W48", "first", "x", "plain"), k("2026-W48", "first", "y", "twoGroups"), k("2026-W48", "first", "y", "reportedLastWeek"), k("2026-W48", "first", "y", "coordinator")]),
    );
    expect(await queues.get(OUTGOING_QUEUE).getJobCountByTypes("waiting", "delayed")).toBe(4);
  });

  it("run twice (a retry, a second worker, a run by hand): nothing more is asked for", async () => {
    await run({ slot: "first" }, FRIDAY);
    await run({ slot: "first", week: "2026-W48" }, SUNDAY);
    expect(await keys("remind-2026-W48-first-")).toHaveLength(4);
    expect(await db.prisma.outgoingMessage.count({ where: { purpose: REMINDER_PURPOSE } })).toBe(4);
    expect(await queues.get(OUTGOING_QUEUE).getJobCountByTypes("waiting", "delayed")).toBe(4);
  });

  it("at send time: nothing for someone who reported or opted out meanwhile; the rest get the text and the Lapor sekarang button", async () => {
    await report("plain", "x", "2026-11-23");
    expect(await render(k("2026-W48", "first", "x", "plain"), p.plain!)).toBeNull();
    await setReminders(reminderDeps(deps), p.coordinator!, false);
    expect(await render(k("2026-W48", "first", "y", "coordinator"), p.coordinator!)).toBeNull();
    await setReminders(reminderDeps(deps), p.coordinator!, true);

    const message = await render(k("2026-W48", "first", "y", "twoGroups"), p.twoGroups!);
    expect(message?.text).toContain("Halo, twoGroups!");
    expect(message?.text).toContain("minggu ini (23–29 November 2026)");
    expect(message?.replyMarkup?.inline_keyboard).toEqual([[{ text: "📝 Lapor sekarang", callback_data: reportNowData(g.y!, "2026-W48") }]]);
    // A key for another person than the row's, or a malformed one: nothing.
    expect(await render(k("2026-W48", "first", "y", "twoGroups"), p.reportedLastWeek!)).toBeNull();
    expect(await render("remind-2026-W48-first-x-y", p.twoGroups!)).toBeNull();
  });

  it("Sunday is a slot of its own: its own keys, for whoever still has not reported", async () => {
    now = SUNDAY;
    await run({ slot: "second" }, SUNDAY);
    expect(await keys("remind-2026-W48-second-")).toEqual(
      sorted([k("2026-W48", "second", "y", "twoGroups"), k("2026-W48", "second", "y", "reportedLastWeek"), k("2026-W48", "second", "y", "coordinator")]),
    );
    expect((await render(k("2026-W48", "second", "y", "coordinator"), p.coordinator!))?.text).toContain("hampir habis");
  });

  it("/berhenti then a run: nothing for that person (recorded once as a privacy event); /mulai: reminded again", async () => {
    const who = p.reportedLastWeek!;
    expect(await setReminders(reminderDeps(deps), who, false)).toEqual({ kind: "changed" });
    expect(await setReminders(reminderDeps(deps), who, false)).toEqual({ kind: "unchanged" });
    await run({ slot: "first", week: "2026-W47" }, SUNDAY);
    const w47 = await keys("remind-2026-W47-first-");
    expect(w47).not.toContain(k("2026-W47", "first", "y", "reportedLastWeek"));
    expect(w47).toContain(k("2026-W47", "first", "x", "plain"));

    expect(await setReminders(reminderDeps(deps), who, true)).toEqual({ kind: "changed" });
    await run({ slot: "first", week: "2026-W47" }, SUNDAY);
    // They reported W47 (last week): still nothing for W47 — but W46 now reaches them.
    expect(await keys("remind-2026-W47-first-")).toEqual(w47);
    await run({ slot: "first", week: "2026-W46" }, SUNDAY);
    expect(await keys("remind-2026-W46-first-")).toContain(k("2026-W46", "first", "y", "reportedLastWeek"));

    const events = await db.prisma.privacyEvent.findMany({ where: { personId: who }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["reminders_off", "reminders_on"]);
    expect(events[0]?.at.toISOString()).toBe(SUNDAY.toISOString());
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: who } })).remindersOff).toBe(false);
  });

  it("a run that is late (the worker was down) covers the week it was scheduled for, worded for a past week", async () => {
    now = wita("2026-12-01T09:00:00"); // Tuesday of 2026-W49
    await run({ slot: "second" }, SUNDAY);
    expect(await keys("remind-2026-W49-")).toEqual([]);
    expect(await keys("remind-2026-W48-second-")).toHaveLength(3);
    const late = await render(k("2026-W48", "second", "y", "twoGroups"), p.twoGroups!);
    expect(late?.text).toContain("sudah lewat");
    expect(late?.text).toContain("23–29 November 2026");
  });

  it("a week /lapor no longer offers (or that has not begun) gets nothing; bad job data is ignored", async () => {
    now = wita("2026-12-01T09:00:00");
    await run({ slot: "first", week: "2026-W43" }, now); // 5 weeks back, backfill 4
    await run({ slot: "first", week: "2026-W50" }, now);
    await run({ slot: "third" }, now);
    await run({ slot: "first", week: "soon" }, now);
    expect(await keys("remind-2026-W43-")).toEqual([]);
    expect(await keys("remind-2026-W50-")).toEqual([]);
  });
});

describe("npm run cli -- jobs run weekly-reminder", () => {
  async function cli(argv: string[]) {
    let out = "";
    let err = "";
    const code = await runCli(argv, { prisma: db.prisma, config, clock, out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }

  it("adds a one-off job to the reminder queue for a worker and prints its id", async () => {
    now = wita("2026-12-01T09:00:00");
    const { code, out } = await cli(["jobs", "run", "weekly-reminder", "--slot", "second", "--week", "2026-W47"]);
    expect(code).toBe(0);
    const jobId = /Added job (\S+) to queue reminder/.exec(out)?.[1];
    expect(jobId).toMatch(/^manual-weekly-reminder-2026-W47-second-\d+$/);
    const job = await queues.get("reminder").getJob(jobId!);
    expect(job?.name).toBe("weekly-reminder");
    expect(job?.data).toEqual({ week: "2026-W47", slot: "second" });
    await job?.remove();
  });

  it("--now runs the fan-out in the CLI process", async () => {
    const { code, out } = await cli(["jobs", "run", "weekly-reminder", "--slot", "second", "--week", "2026-W47", "--now"]);
    expect(code).toBe(0);
    expect(out).toContain("Ran weekly-reminder (slot second) for week 2026-W47");
    expect(await keys("remind-2026-W47-second-")).toContain(k("2026-W47", "second", "x", "plain"));
  });

  it("explains bad arguments", async () => {
    for (const argv of [
      ["jobs", "run", "weekly-reminder", "--week", "2026-48"],
      ["jobs", "run", "weekly-reminder", "--slot", "third"],
      ["jobs", "run", "nightly"],
      ["jobs", "run", "weekly-summary", "--slot", "first"],
    ]) {
      const { code, err } = await cli(argv);
      expect(code, argv.join(" ")).toBe(1);
      expect(err).toMatch(/^Error: /);
    }
  });
});

describe("delivered by the workers", () => {
  let server: BotApiServer;
  let rig: QueueRig;

  beforeAll(async () => {
    server = await startBotApiServer();
    const rigConfig = queueConfig(db.url, server, `${testRedisPrefix("reminder-send")}:`);
    rig = await queueRig({ config: rigConfig, prisma: db.prisma, redisUrl: testRedisUrl(), workers: { renderers: reminderJobs.renderers, processors: reminderJobs.processors } });
  });
  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  it("the job run twice: one message per member who has not reported, none to the one who has", async () => {
    const week = weekOf(new Date(), WITA);
    const group = await db.prisma.group.create({ data: { code: "reminder-send", name: "Kelompok Uji", programmeId: (await db.prisma.programme.findFirstOrThrow()).id, kelurahan: "Margasari" } });
    const members = await makePeople(db.prisma, server, 3, 8_500_000);
    await db.prisma.membership.createMany({ data: members.map((m) => ({ personId: m.id, groupId: group.id, joinedAt: new Date(Date.now() - 14 * 86_400_000) })) });
    await db.prisma.report.create({ data: { groupId: group.id, memberId: members[0]!.id, weekStart: dbDate(week.startDate), submittedById: members[0]!.id } });

    for (const jobId of ["reminder-run-a", "reminder-run-b"]) {
      await rig.deps.outbox.scheduleJob("reminder", "weekly-reminder", { slot: "first" }, { jobId });
    }
    const mine = { purpose: REMINDER_PURPOSE, person: { memberships: { some: { groupId: group.id } } } };
    await waitUntil(async () => (await db.prisma.outgoingMessage.count({ where: { ...mine, status: "sent" } })) === 2, 15_000, "two reminders sent");
    // Both runs finished and nothing is left to send: a wrong second copy would have come by now.
    await queueIdle(rig.queues, "reminder");
    await queueIdle(rig.queues, "outgoing");

    expect(server.messages(members[0]!.telegramId)).toHaveLength(0);
    for (const member of members.slice(1)) {
      const messages = server.messages(member.telegramId);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.text).toContain("Kelompok Uji");
      expect(messages[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "📝 Lapor sekarang", callback_data: reportNowData(group.id, week.key) }]] });
    }
    expect(await db.prisma.outgoingMessage.count({ where: mine })).toBe(2);
  });
});
