// Operator commands: `npm run cli -- <command>`. Output in English (operators, not users).
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import type { Clock } from "./app-deps.js";
import { JOBS_USAGE, JobsUsageError, runJobsCommand } from "./cli.jobs.js";
import { runTargetCommand, TARGET_USAGE, TargetUsageError } from "./cli.target.js";
import { PROGRAMME_COMMANDS, PROGRAMME_USAGE, ProgrammeUsageError, runProgrammeCommand } from "./cli.programme.js";
import { BACKUP_USAGE, BackupUsageError, runBackupCommand } from "./cli.backup.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createPrisma, type PrismaClient } from "./db/client.js";
import {
  addStaff,
  createJoinCode,
  findGroupByCode,
  findStakeholderByCode,
  joinLink,
  listActiveJoinCodes,
  listLinkTargets,
  OPERATOR,
  removeStaff,
  revokeJoinCode,
  type JoinCodeInfo,
  type JoinCodeTarget,
} from "./features/onboarding/onboarding.service.js";

export const USAGE = `Usage: npm run cli -- <command>

  link create --group <group-code> --role member|coordinator [--days 14] [--uses 50]
  link create --stakeholder [<institution-code>] [--days 14] [--uses 50]
  link list [--group <group-code> | --stakeholder]
  link revoke <code>
  staff add --telegram-id <id> [--admin]
  staff remove --telegram-id <id>
  groups
${JOBS_USAGE}${TARGET_USAGE}${BACKUP_USAGE}${PROGRAMME_USAGE}Links need the bot's username: --bot-username <name>, else it is asked from Telegram (getMe with BOT_TOKEN).
`;

export type CliDeps = {
  prisma: PrismaClient;
  config: Config;
  clock: Clock;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The bot's username from Telegram, or null; replaced in tests. */
  fetchBotUsername?: (config: Config) => Promise<string | null>;
};

class UsageError extends Error {}

/** getMe at TELEGRAM_API_ROOT with BOT_TOKEN; null when there is no token or Telegram cannot be asked. */
export async function botUsernameFromTelegram(config: Config): Promise<string | null> {
  if (!config.botToken) return null;
  try {
    const response = await fetch(`${config.telegramApiRoot}/bot${config.botToken}/getMe`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { ok?: boolean; result?: { username?: string } };
    return body.ok && body.result?.username ? body.result.username : null;
  } catch {
    return null;
  }
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    if (PROGRAMME_COMMANDS.has(argv[0] ?? "") && !argv.includes("--help") && !argv.includes("-h")) return await runProgrammeCommand(argv, deps);
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        group: { type: "string" },
        role: { type: "string" },
        stakeholder: { type: "boolean" },
        days: { type: "string" },
        uses: { type: "string" },
        "bot-username": { type: "string" },
        "telegram-id": { type: "string" },
        admin: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        week: { type: "string" },
        slot: { type: "string" },
        now: { type: "boolean" },
        indicator: { type: "string" },
        year: { type: "string" },
        value: { type: "string" },
        programme: { type: "string" },
        out: { type: "string" },
        yes: { type: "boolean" },
        force: { type: "boolean" },
        meeting: { type: "string" },
      },
    });
    const [command, sub, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
      deps.out(USAGE);
      return 0;
    }
    const username = async () => values["bot-username"] ?? (await (deps.fetchBotUsername ?? botUsernameFromTelegram)(deps.config));
    const service = { prisma: deps.prisma, clock: deps.clock };

    if (command === "groups") return await printGroups(deps);
    if (command === "jobs") return await runJobsCommand(sub, rest, values, deps);
    if (command === "target" || command === "baseline") return await runTargetCommand(command, sub, rest, values, deps);
    if (command === "backup") return await runBackupCommand(sub, rest, values, deps);
    if (command === "link" && sub === "create") {
      const target = await linkTarget(deps, values, rest);
      const result = await createJoinCode(service, {
        target,
        days: wholeNumber(values.days, "--days"),
        maxUses: wholeNumber(values.uses, "--uses"),
        rights: OPERATOR,
      });
      if (result.kind === "invalid-days") throw new UsageError(`--days must be between ${result.min} and ${result.max}`);
      if (result.kind === "invalid-uses") throw new UsageError(`--uses must be between ${result.min} and ${result.max}`);
      if (result.kind !== "created") throw new UsageError(`cannot create the link: ${result.kind}`);
      deps.out("Join link created\n");
      const name = await username();
      printJoinCode(deps, result.joinCode, name);
      if (!name) noUsernameNote(deps, result.joinCode.code);
      return 0;
    }
    if (command === "link" && sub === "list") {
      if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
      let filter: { groupId?: number; stakeholders?: boolean } = {};
      if (values.group !== undefined) {
        const group = await findGroupByCode(deps, values.group);
        if (!group) throw new UsageError(`unknown group code: ${values.group} (see: npm run cli -- groups)`);
        filter = { groupId: group.id };
      } else if (values.stakeholder) filter = { stakeholders: true };
      const codes = await listActiveJoinCodes(service, filter);
      if (codes.length === 0) deps.out("No active join links.\n");
      const name = codes.length > 0 ? await username() : null;
      for (const code of codes) printJoinCode(deps, code, name);
      if (codes[0] && !name) noUsernameNote(deps, "<code>");
      return 0;
    }
    if (command === "link" && sub === "revoke") {
      const code = rest[0];
      if (!code || rest.length > 1) throw new UsageError("link revoke needs exactly one code");
      const result = await revokeJoinCode(service, { code, rights: OPERATOR });
      if (result.kind === "not-found") throw new UsageError(`no join link with code ${code}`);
      deps.out(result.kind === "revoked" ? `Revoked ${code}\n` : `${code} was already revoked\n`);
      return 0;
    }
    if (command === "staff" && (sub === "add" || sub === "remove")) {
      if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
      const raw = values["telegram-id"];
      if (!raw || !/^\d{1,20}$/.test(raw)) throw new UsageError("--telegram-id <digits> is required");
      const telegramId = BigInt(raw);
      if (sub === "add") {
        const { id, created } = await addStaff(deps, telegramId, values.admin ?? false);
        deps.out(`${created ? "Created" : "Updated"} person ${id} (Telegram ${raw}) as ${values.admin ? "admin" : "staff"}\n`);
        return 0;
      }
      const outcome = await removeStaff(deps, telegramId);
      if (outcome === "unknown") throw new UsageError(`no person with Telegram id ${raw}`);
      deps.out(outcome === "cleared" ? `Telegram ${raw} is no longer staff\n` : `Telegram ${raw} was not staff\n`);
      if (deps.config.adminTelegramIds.includes(telegramId)) deps.out("Note: this id is in ADMIN_TELEGRAM_IDS and stays admin until removed there.\n");
      return 0;
    }
    throw new UsageError(`unknown command: ${[command, sub].filter(Boolean).join(" ")}`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof JobsUsageError || error instanceof TargetUsageError || error instanceof BackupUsageError || error instanceof ProgrammeUsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      deps.err(`Error: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    deps.err(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function wholeNumber(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw.trim())) throw new UsageError(`${option} must be a whole number`);
  return Number(raw.trim());
}

async function linkTarget(
  deps: CliDeps,
  values: { group?: string; role?: string; stakeholder?: boolean },
  rest: string[],
): Promise<JoinCodeTarget> {
  if (values.stakeholder) {
    if (values.group !== undefined || values.role !== undefined) throw new UsageError("--stakeholder takes no --group or --role");
    if (rest.length > 1) throw new UsageError(`unexpected argument: ${rest[1]}`);
    if (rest[0] === undefined) return { kind: "stakeholder", stakeholderId: null };
    const stakeholder = await findStakeholderByCode(deps, rest[0]);
    if (!stakeholder?.active) throw new UsageError(`unknown institution code: ${rest[0]} (see: npm run cli -- groups)`);
    return { kind: "stakeholder", stakeholderId: stakeholder.id };
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (values.group === undefined) throw new UsageError("link create needs --group <group-code> or --stakeholder");
  if (values.role !== "member" && values.role !== "coordinator") throw new UsageError("--role must be member or coordinator");
  const group = await findGroupByCode(deps, values.group);
  if (!group?.active) throw new UsageError(`unknown group code: ${values.group} (see: npm run cli -- groups)`);
  return { kind: "group", groupId: group.id, role: values.role };
}

function printJoinCode(deps: CliDeps, code: JoinCodeInfo, botUsername: string | null): void {
  const target =
    code.role === "stakeholder"
      ? `stakeholders${code.stakeholderCode ? ` of ${code.stakeholderCode} (${code.institution})` : " (institution chosen when joining)"}`
      : `group ${code.groupCode} (${code.groupName}), role ${code.role}`;
  const lines = [
    botUsername ? `  link:    ${joinLink(botUsername, code.code)}` : null,
    `  code:    ${code.code}`,
    `  for:     ${target}`,
    `  expires: ${code.expiresAt} (${format(new Date(code.expiresAt), "yyyy-MM-dd HH:mm", { in: tz(deps.config.timeZone) })} ${deps.config.timeZone})`,
    `  uses:    ${code.uses}/${code.maxUses}`,
  ].filter((line) => line !== null);
  deps.out(`${lines.join("\n")}\n`);
}

function noUsernameNote(deps: CliDeps, code: string): void {
  const why = deps.config.botToken ? `Telegram did not answer getMe at ${deps.config.telegramApiRoot}` : "BOT_TOKEN is not set";
  deps.out(`No link printed: ${why}. Pass --bot-username <name>; the link is https://t.me/<bot_username>?start=${code}\n`);
}

async function printGroups(deps: CliDeps): Promise<number> {
  const targets = await listLinkTargets(deps);
  const lines: string[] = [];
  for (const programme of targets.programmes) {
    lines.push(`${programme.code}  ${programme.name}`);
    for (const group of programme.groups) lines.push(`  ${group.code}  ${group.name} (${group.kelurahan})`);
  }
  lines.push("", "stakeholder institutions:");
  for (const s of targets.stakeholders) lines.push(`  ${s.code}  ${s.institution}`);
  deps.out(`${lines.join("\n")}\n`);
  return 0;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // The usage needs no configuration: it is what someone without one asks for.
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    process.stdout.write(USAGE);
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const prisma = createPrisma(config.databaseUrl);
  const code = await runCli(argv, {
    prisma,
    config,
    clock: () => new Date(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).finally(() => prisma.$disconnect());
  process.exitCode = code;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
