// Reports of ISO year 2021 whose totals are the seed document's own figures: Mariojela
// 789,5 liter jelantah and 255 lilin; Petratonik 434 kg maggot BSF and 174 kg kasgot —
// spread over several weeks and members, with noise that must NOT count (a replaced
// version, the weeks just before and after the ISO year).
import type { PrismaClient } from "../../src/db/client.js";
import { dbDate } from "../../src/lib/week.js";

export const STAFF_TG = 9_400_001;
export const SARI_TG = 9_400_010; // coordinator of Mariojela
export const ANI_TG = 9_400_011; // member of Mariojela
export const DEDI_TG = 9_400_020; // coordinator of Petratonik

/** `count` tenths-exact amounts that add up to `total` (in tenths), varied but deterministic. */
function spread(totalTenths: number, count: number, step: number): string[] {
  const values: number[] = [];
  for (let i = 0; i < count - 1; i++) values.push(step * 10 + ((i * 37) % 50) - 25);
  const last = totalTenths - values.reduce((a, b) => a + b, 0);
  if (last < 0) throw new Error("spread: last value negative");
  values.push(last);
  return values.map((tenths) => (tenths / 10).toFixed(1));
}

function mondays(first: string, count: number): string[] {
  const start = new Date(`${first}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

export type Fixture = Awaited<ReturnType<typeof seedReports2021>>;

export async function seedReports2021(prisma: PrismaClient) {
  const group = (code: string) => prisma.group.findUniqueOrThrow({ where: { code }, include: { programme: { include: { indicators: { orderBy: { position: "asc" } } } } } });
  const mariojela = await group("mariojela-margasari");
  const petratonik = await group("petratonik-karang-joang");
  const ind = (g: typeof mariojela, code: string) => g.programme.indicators.find((i) => i.code === code)!.id;

  const staff = await prisma.person.create({ data: { name: "Petugas CSR", telegramId: BigInt(STAFF_TG), staffRole: "staff" } });
  const person = (name: string, tg: number | null, groupId: number, role: "member" | "coordinator" = "member") =>
    prisma.person.create({ data: { name, telegramId: tg === null ? null : BigInt(tg), memberships: { create: { groupId, role } } } });
  const sari = await person("Ibu Sari", SARI_TG, mariojela.id, "coordinator");
  const ani = await person("Ani", ANI_TG, mariojela.id);
  const budi = await person("Budi; tanpa HP", null, mariojela.id);
  const citra = await person("Citra", null, mariojela.id);
  const dedi = await person("Dedi", DEDI_TG, petratonik.id, "coordinator");
  const eka = await person("Eka", null, petratonik.id);

  type Value = { indicatorId: number; value: string };
  const report = (groupId: number, memberId: number, week: string, values: Value[], opts: { by?: number; version?: number; current?: boolean | null; note?: string; at?: string } = {}) =>
    prisma.report.create({
      data: {
        groupId,
        memberId,
        weekStart: dbDate(week),
        submittedById: opts.by ?? memberId,
        version: opts.version ?? 1,
        current: opts.current === undefined ? true : opts.current,
        note: opts.note ?? null,
        submittedAt: new Date(opts.at ?? `${week}T02:15:30.000Z`),
        values: { create: values },
      },
    });

  // Mariojela: 4 members × 8 weeks spread over 2021 (the last in 2021-W52, Monday 27 Dec).
  const jelantah = ind(mariojela, "jelantah-terkumpul");
  const lilin = ind(mariojela, "lilin-terjual");
  const pendapatan = ind(mariojela, "pendapatan");
  const mWeeks = [...mondays("2021-01-04", 7), "2021-12-27"];
  const mMembers = [sari, ani, budi, citra];
  const jel = spread(7895, mWeeks.length * mMembers.length, 25);
  const lil = spread(2550, mWeeks.length * mMembers.length, 8).map((v) => String(Math.round(Number(v))));
  // Whole candles: fix the rounding in the last one so they still add up to 255.
  lil[lil.length - 1] = String(255 - lil.slice(0, -1).reduce((a, b) => a + Number(b), 0));
  let n = 0;
  for (const week of mWeeks) {
    for (const member of mMembers) {
      const values: Value[] = [
        { indicatorId: jelantah, value: jel[n]! },
        { indicatorId: lilin, value: lil[n]! },
      ];
      if (n % 3 === 0) values.push({ indicatorId: pendapatan, value: String(150000 + n * 1000) });
      await report(mariojela.id, member.id, week, values, {
        by: member.id === budi.id ? sari.id : member.id,
        version: week === "2021-01-04" && member.id === ani.id ? 2 : 1,
        note: n === 1 ? "Jelantah dari warung; sebagian kotor" : n === 2 ? "=1+1" : undefined,
      });
      n++;
    }
  }
  // Noise that must not count: Ani's replaced first version, and the weeks around ISO 2021.
  await report(mariojela.id, ani.id, "2021-01-04", [{ indicatorId: jelantah, value: "999" }, { indicatorId: lilin, value: "999" }], { current: null });
  await report(mariojela.id, ani.id, "2020-12-28", [{ indicatorId: jelantah, value: "100" }, { indicatorId: lilin, value: "10" }]);
  await report(mariojela.id, ani.id, "2022-01-03", [{ indicatorId: jelantah, value: "200" }, { indicatorId: lilin, value: "20" }]);

  // Petratonik: 2 members × 6 weeks.
  const maggot = ind(petratonik, "maggot-bsf");
  const kasgot = ind(petratonik, "kasgot");
  const telur = ind(petratonik, "telur");
  const pWeeks = mondays("2021-03-08", 6);
  const mag = spread(4340, 12, 36);
  const kas = spread(1740, 12, 14);
  n = 0;
  for (const week of pWeeks) {
    for (const member of [dedi, eka]) {
      await report(petratonik.id, member.id, week, [
        { indicatorId: maggot, value: mag[n]! },
        { indicatorId: kasgot, value: kas[n]! },
        { indicatorId: telur, value: "0" },
      ], { by: member.id === eka.id ? dedi.id : member.id });
      n++;
    }
  }

  // Citra erased her data afterwards: her figures stay, anonymous.
  await prisma.person.update({ where: { id: citra.id }, data: { name: null, status: "erased", erasedAt: new Date("2022-02-01T00:00:00Z") } });

  return { mariojela, petratonik, staff, sari, ani, budi, citra, dedi, eka, indicators: { jelantah, lilin, pendapatan, maggot, kasgot, telur } };
}
