// /kelola driven through the real bot (in process) against the local Bot API server: staff
// deactivate and reactivate a group and make a member coordinator; a member may not; staff
// do not see programmes and indicators, admins do and change an indicator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage } from "../../src/dev/bot-api-server.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";

let rig: InProcessBot;
const labels = (m: BotMessage) => (m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup.inline_keyboard.flat().map((b) => b.text) : []);

beforeAll(async () => {
  rig = await startInProcessBot({ label: "programme-bot", env: { ADMIN_TELEGRAM_IDS: "9600009" } });
});
afterAll(() => rig?.close());

describe("/kelola", () => {
  it("staff deactivate and reactivate a group and make a member its coordinator; each change is audited", async () => {
    const { user: staff, personId: staffId } = await addKnownPerson(rig, 9_600_001, "Staf CSR", { staff: true });
    const { personId: ani } = await addKnownPerson(rig, 9_600_002, "Ani", { groups: ["proklim-muara-rapak"] });
    const group = await rig.db.prisma.group.findUniqueOrThrow({ where: { code: "proklim-muara-rapak" } });

    staff.say("/kelola");
    const menu = await staff.expectReply("Apa yang mau dikelola?");
    expect(labels(menu)).toEqual(["Kelompok", "Pemangku kepentingan", "Selesai"]);
    staff.press("Kelompok");
    await staff.expectReply("Pilih kelompok:");
    staff.press(group.name);
    await staff.expectReply(`Kelompok ${group.name} (${group.kelurahan}), kode proklim-muara-rapak — aktif`);
    staff.press("Nonaktifkan");
    await staff.expectReply("Tersimpan. Perubahan ini tercatat.");
    expect((await rig.db.prisma.group.findUniqueOrThrow({ where: { id: group.id } })).active).toBe(false);

    await staff.expectReply("Apa yang mau dikelola?");
    staff.press("Kelompok");
    await staff.expectReply("Pilih kelompok:");
    staff.press(`${group.name} (nonaktif)`);
    await staff.expectReply("— nonaktif");
    staff.press("Aktifkan lagi");
    await staff.expectReply("Tersimpan.");

    await staff.expectReply("Apa yang mau dikelola?");
    staff.press("Kelompok");
    await staff.expectReply("Pilih kelompok:");
    staff.press(group.name);
    await staff.expectReply("Kelompok");
    staff.press("Anggota");
    await staff.expectReply("Pilih anggota:");
    staff.press("Ani");
    await staff.expectReply("Ani");
    staff.press("Jadikan ketua");
    await staff.expectReply("Tersimpan.");
    await staff.expectReply("Apa yang mau dikelola?");
    staff.press("Selesai");
    await staff.expectReply("Selesai. Semua perubahan sudah tercatat.");

    const membership = await rig.db.prisma.membership.findUniqueOrThrow({ where: { personId_groupId: { personId: ani, groupId: group.id } } });
    expect(membership.role).toBe("coordinator");
    const audit = await rig.db.prisma.auditEntry.findMany({ where: { actorId: staffId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.entity, a.action, a.source])).toEqual([
      ["group", "deactivate", "bot"],
      ["group", "reactivate", "bot"],
      ["membership", "make-coordinator", "bot"],
    ]);
  });

  it("a member may not; an admin from configuration changes an indicator", async () => {
    const { user: member } = await addKnownPerson(rig, 9_600_003, "Budi", { groups: ["proklim-muara-rapak"] });
    member.say("/kelola");
    await member.expectReply("Maaf, perintah ini hanya untuk petugas.");

    const { user: admin } = await addKnownPerson(rig, 9_600_009, "Admin", {});
    admin.say("/kelola");
    const menu = await admin.expectReply("Apa yang mau dikelola?");
    expect(labels(menu)).toEqual(["Kelompok", "Pemangku kepentingan", "Program", "Indikator", "Selesai"]);
    admin.press("Indikator");
    await admin.expectReply("Pilih program:");
    admin.press("Program Kampung Iklim (ProKlim)");
    await admin.expectReply("Pilih indikator:");
    admin.press("Lubang biopori");
    await admin.expectReply("Lubang biopori");
    admin.press("Ubah batas atas");
    await admin.expectReply("Tulis batas atas");
    admin.say("1.500");
    await admin.expectReply("Tersimpan.");
    const indicator = await rig.db.prisma.indicator.findFirstOrThrow({ where: { code: "lubang-biopori" } });
    expect(indicator.maxValue.toFixed()).toBe("1500");
    const [entry] = await rig.db.prisma.auditEntry.findMany({ where: { entity: "indicator", entityId: indicator.id } });
    expect(entry).toMatchObject({ action: "update", source: "bot", after: { maxValue: "1500" } });
  });
});
