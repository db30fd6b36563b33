// `npm run cli -- group|programme|indicator|stakeholder|member …`: programmes that change,
// through programme.service (audited, source "cli"). Output in English (operators).
import { parseArgs } from "node:util";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/client.js";
import { IndicatorAggregation, IndicatorReporter } from "./generated/prisma/enums.js";
import {
  addGroup,
  listProgrammes,
  listStakeholders,
  removeMember,
  renameGroup,
  setActive,
  setMemberRole,
  updateIndicator,
  type ChangeResult,
  type Switchable,
} from "./features/programme/programme.service.js";
import type { IndicatorPatch } from "./features/programme/programme.rules.js";

export const PROGRAMME_USAGE = `  programme list                      programmes, groups, indicators and stakeholders, with inactive ones
  group add --programme <code> --name <name> --kelurahan <kelurahan> [--code <group-code>]
  group rename <group-code> --name <name>
  group|programme|stakeholder deactivate|reactivate <code>
  indicator deactivate|reactivate <programme-code>/<indicator-code>
  indicator set <programme-code>/<indicator-code> [--label-id <text>] [--label-en <text>] [--min <n>] [--max <n>]
                [--position <n>] [--required yes|no] [--reported-by member|group] [--aggregation sum|latest|max]
  member coordinator|member|remove --group <group-code> --person <person-id>
Every change is kept in the audit table; nothing is deleted (inactive rows keep their history).
`;

export const PROGRAMME_COMMANDS: ReadonlySet<string> = new Set(["programme", "group", "indicator", "stakeholder", "member"]);

export class ProgrammeUsageError extends Error {}

export type ProgrammeCliDeps = { prisma: PrismaClient; config: Config; clock: () => Date; out: (text: string) => void };

const CLI = { source: "cli" } as const;

/** Runs one programme command (argv starts with the command); returns the exit code. */
export async function runProgrammeCommand(argv: string[], deps: ProgrammeCliDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      programme: { type: "string" },
      group: { type: "string" },
      person: { type: "string" },
      name: { type: "string" },
      kelurahan: { type: "string" },
      code: { type: "string" },
      "label-id": { type: "string" },
      "label-en": { type: "string" },
      min: { type: "string" },
      max: { type: "string" },
      position: { type: "string" },
      required: { type: "string" },
      "reported-by": { type: "string" },
      aggregation: { type: "string" },
    },
  });
  const [command, sub, target, ...extra] = positionals;
  if (extra.length > 0) throw new ProgrammeUsageError(`unexpected argument: ${extra[0]}`);
  const service = { prisma: deps.prisma, clock: deps.clock, adminTelegramIds: deps.config.adminTelegramIds };
  const report = (what: string, result: ChangeResult) => {
    if (result.kind === "changed") deps.out(`${what}: done\n`);
    else if (result.kind === "unchanged") deps.out(`${what}: nothing to change\n`);
    else throw new ProgrammeUsageError(`${what}: ${result.kind === "invalid" ? `invalid (${result.issue})` : result.kind}`);
    return 0;
  };

  if (command === "programme" && sub === "list") return printAll(deps);
  if (sub === "deactivate" || sub === "reactivate") {
    if (!target) throw new ProgrammeUsageError(`${command} ${sub} needs a code`);
    const entity = switchable(command);
    const id = await idOf(deps.prisma, entity, target);
    return report(`${command} ${target} ${sub}d`, await setActive(service, CLI, entity, id, sub === "reactivate"));
  }
  if (command === "group" && sub === "add") {
    const programme = await deps.prisma.programme.findUnique({ where: { code: values.programme ?? "" }, select: { id: true } });
    if (!programme) throw new ProgrammeUsageError(`unknown programme code: ${values.programme ?? "(none)"} (see: npm run cli -- programme list)`);
    if (!values.name || !values.kelurahan) throw new ProgrammeUsageError("group add needs --name and --kelurahan");
    const result = await addGroup(service, CLI, { programmeId: programme.id, name: values.name, kelurahan: values.kelurahan, ...(values.code && { code: values.code }) });
    if (result.kind === "changed") {
      deps.out(`group ${result.code} added\n`);
      return 0;
    }
    return report("group add", result);
  }
  if (command === "group" && sub === "rename") {
    if (!target || !values.name) throw new ProgrammeUsageError("group rename needs <group-code> --name <name>");
    return report(`group ${target} renamed`, await renameGroup(service, CLI, await idOf(deps.prisma, "group", target), values.name));
  }
  if (command === "indicator" && sub === "set") {
    if (!target) throw new ProgrammeUsageError("indicator set needs <programme-code>/<indicator-code>");
    return report(`indicator ${target} changed`, await updateIndicator(service, CLI, await idOf(deps.prisma, "indicator", target), patchOf(values)));
  }
  if (command === "member" && (sub === "coordinator" || sub === "member" || sub === "remove")) {
    const group = await deps.prisma.group.findUnique({ where: { code: values.group ?? "" }, select: { id: true } });
    if (!group) throw new ProgrammeUsageError(`unknown group code: ${values.group ?? "(none)"}`);
    if (!values.person || !/^\d{1,9}$/.test(values.person)) throw new ProgrammeUsageError("--person <person-id> is required");
    const personId = Number(values.person);
    const result = sub === "remove" ? await removeMember(service, CLI, group.id, personId) : await setMemberRole(service, CLI, group.id, personId, sub);
    return report(`member ${personId} of ${values.group} ${sub === "remove" ? "removed" : `made ${sub}`}`, result);
  }
  throw new ProgrammeUsageError(`unknown command: ${[command, sub].filter(Boolean).join(" ")}`);
}

function switchable(command: string | undefined): Switchable {
  if (command === "group" || command === "programme" || command === "indicator" || command === "stakeholder") return command;
  throw new ProgrammeUsageError(`${command ?? ""} cannot be deactivated`);
}

async function idOf(prisma: PrismaClient, entity: Switchable, code: string): Promise<number> {
  let row: { id: number } | null;
  if (entity === "indicator") {
    const [programmeCode = "", indicatorCode = ""] = code.split("/");
    row = await prisma.indicator.findFirst({ where: { code: indicatorCode, programme: { code: programmeCode } }, select: { id: true } });
  } else if (entity === "group") row = await prisma.group.findUnique({ where: { code }, select: { id: true } });
  else if (entity === "programme") row = await prisma.programme.findUnique({ where: { code }, select: { id: true } });
  else row = await prisma.stakeholder.findUnique({ where: { code }, select: { id: true } });
  if (!row) throw new ProgrammeUsageError(`unknown ${entity} code: ${code} (see: npm run cli -- programme list)`);
  return row.id;
}

function patchOf(values: Record<string, string | boolean | undefined>): IndicatorPatch {
  const text = (key: string) => (typeof values[key] === "string" ? values[key] : undefined);
  const patch: IndicatorPatch = {};
  if (text("label-id") !== undefined) patch.labelId = text("label-id")!;
  if (text("label-en") !== undefined) patch.labelEn = text("label-en")!;
  if (text("min") !== undefined) patch.minValue = text("min")!;
  if (text("max") !== undefined) patch.maxValue = text("max")!;
  const position = text("position");
  if (position !== undefined) {
    if (!/^\d{1,3}$/.test(position)) throw new ProgrammeUsageError("--position must be a whole number");
    patch.position = Number(position);
  }
  const required = text("required");
  if (required !== undefined) {
    if (required !== "yes" && required !== "no") throw new ProgrammeUsageError("--required must be yes or no");
    patch.required = required === "yes";
  }
  const reportedBy = text("reported-by");
  if (reportedBy !== undefined) {
    if (reportedBy !== IndicatorReporter.member && reportedBy !== IndicatorReporter.group) throw new ProgrammeUsageError("--reported-by must be member or group");
    patch.reportedBy = reportedBy;
  }
  const aggregation = text("aggregation");
  if (aggregation !== undefined) {
    const known = Object.values(IndicatorAggregation).find((a) => a === aggregation);
    if (!known) throw new ProgrammeUsageError("--aggregation must be sum, latest or max");
    patch.aggregation = known;
  }
  return patch;
}

async function printAll(deps: ProgrammeCliDeps): Promise<number> {
  const off = (active: boolean) => (active ? "" : "  [inactive]");
  const lines: string[] = [];
  for (const p of await listProgrammes(deps)) {
    lines.push(`${p.code}  ${p.name}${off(p.active)}`);
    for (const g of p.groups) lines.push(`  group ${g.code}  ${g.name} (${g.kelurahan})${off(g.active)}`);
    for (const i of p.indicators) {
      const kind = `${i.reportedBy}/${i.aggregation}${i.required ? ", required" : ""}`;
      lines.push(`  indicator ${p.code}/${i.code}  ${i.labelId} [${i.unit}, ${i.minValue.toFixed()}–${i.maxValue.toFixed()}, ${kind}, #${i.position}]${off(i.active)}`);
    }
  }
  lines.push("", "stakeholder institutions:");
  for (const s of await listStakeholders(deps)) lines.push(`  ${s.code}  ${s.institution}${off(s.active)}`);
  deps.out(`${lines.join("\n")}\n`);
  return 0;
}
