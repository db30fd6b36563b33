import { Api } from "grammy";
import type { Redis } from "ioredis";
import type { AppDeps } from "../../app-deps.js";
import { publishCommandsFor } from "../../bot/commands.js";
import { createI18n } from "../../bot/i18n.js";
import type { PrismaClient } from "../../db/client.js";
import { loadSeedData, seed } from "../../db/seed.js";
import type { Infrastructure } from "../../infrastructure.js";
import type { Queues } from "../../jobs/queues.js";
import { QUEUE_NAMES } from "../../jobs/registry.js";
import type { BotApiServer } from "../bot-api-server.js";
import { startBotAndWorkers, type RunningApp } from "../../app.js";
import { shiftDelayedJobs, type PlaygroundClock } from "./clock.js";
import { createDemoJoinCodes, createDemoMeeting, emptyDatabase, loadDemoPeople } from "./demo-data.js";
import { EditTracker } from "./chat-view.js";
import { EventHub } from "./events.js";
import { operatorJobs, type OperatorJob } from "./jobs.js";
import { PersonaStore, telegramUserOf } from "./personas.js";

/** What the page's operations act on. */
export class PlaygroundRuntime {
  readonly personas: PersonaStore;
  readonly deps: AppDeps;
  readonly queues: Queues;
  readonly events: EventHub;
  readonly edits: EditTracker;
  private running: RunningApp | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly infrastructure: Infrastructure,
    readonly server: BotApiServer,
    readonly clock: PlaygroundClock,
    private readonly prefix: string,
  ) {
    this.deps = infrastructure.deps;
    this.queues = infrastructure.queues;
    this.personas = new PersonaStore(this.deps.prisma);
    // First: its "message" listener must see a new message before the page does.
    this.edits = new EditTracker(server);
    this.events = new EventHub(server, this.edits);
  }

  get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  async start(): Promise<void> {
    await this.loadFreshData();
  }

  /** Everything back to the start: data, chats, clock, queues, conversations. */
  reset(): Promise<void> {
    return this.exclusive(async () => {
      await this.running?.stop();
      this.running = null;
      this.server.reset();
      this.edits.clear();
      this.personas.forget();
      this.clock.reset();
      await this.loadFreshData();
      this.events.toAll({ type: "reset" });
    });
  }

  /** Moves the bot's clock forward; delayed jobs (reminders …) come due accordingly. */
  advanceClock(ms: number): Promise<number> {
    return this.exclusive(async () => {
      this.clock.advance(ms);
      const started = await shiftDelayedJobs(this.queues.connection, QUEUE_NAMES.map((name) => this.queues.get(name)), ms);
      this.events.toAll({ type: "clock", ...this.clockState() });
      return started;
    });
  }

  clockState(): { now: string; offsetMs: number } {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs };
  }

  jobs(): OperatorJob[] {
    return operatorJobs(this.deps);
  }

  async close(): Promise<void> {
    await this.busy.catch(() => undefined);
    await this.running?.stop().catch(() => undefined);
    this.running = null;
    this.events.close();
    await this.server.close().catch(() => undefined);
    await this.infrastructure.close();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private async loadFreshData(): Promise<void> {
    const { prisma, config } = this.deps;
    await deleteKeys(this.queues.connection, this.prefix);
    await emptyDatabase(prisma);
    await seed(prisma, loadSeedData());
    await loadDemoPeople(prisma, this.clock.now(), config.timeZone);
    await createDemoJoinCodes(this.deps);
    // The demo people have talked to the bot before: it may write to them.
    for (const persona of await this.personas.list()) this.server.addChat(telegramUserOf(persona));
    this.running = await startBotAndWorkers(this.deps, this.queues);
    // Their command menus, as the bot published them when they joined.
    const api = new Api(this.server.token, { apiRoot: this.server.apiRoot });
    const i18n = createI18n();
    for (const persona of await this.personas.list()) await publishCommandsFor(api, i18n, persona.id, persona.role, "id");
    await createDemoMeeting(this.deps);
  }
}

/** Deletes every Redis key under the playground's prefix (conversations, dedupe marks, queues). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}
