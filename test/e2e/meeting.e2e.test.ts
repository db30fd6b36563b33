// Meetings end to end: the built bot (bot + queue workers in one process) against the local
// Bot API server; the test plays an admin, members and stakeholder persons. An invitation
// travels /undang → the outgoing queue → the invitee's chat; answers, re-sends, the move
// notice, check-in and the daftar hadir are checked in the chats AND in the database.
// The meeting starts in about 40 minutes (real time): check-in (from 1 h before) is open.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns/format";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage } from "../../src/dev/bot-api-server.js";
import { formatDateTime } from "../../src/lib/datetime.js";
import { buttons, failTestsOnBotErrors, forgeCallback, groupByCode, memberUser, stakeholderUser, startE2E, type E2E } from "../support/e2e.js";
import type { TelegramUser } from "../support/telegram-user.js";

const ZONE = "Asia/Makassar";
const ADMIN_ID = 8_400_000_001;
const TITLE = "FGD Evaluasi Program TJSL";
const PLACE = "Aula Kantor Kelurahan Margasari";
const AGENDA = "1. Capaian kelompok tahun ini\n2. Rencana tahun depan";
/** Waiting on the queue on a loaded machine. */
const QUEUE_MS = 30_000;

let e2e: E2E;
let admin: TelegramUser;
type Person = { user: TelegramUser; personId: number };
/** The six invitees (Dodi is a KSB member AND speaks for BPBD: one invitation), and two who are not invited. */
let ani: Person, budi: Person, citra: Person, dodi: Person, hendra: Person, endang: Person, fajar: Person, gunawan: Person;
let invitees: Record<string, Person>;

let meetingId = 0;
let code = "";
let startsAt: Date;
let invitation: Record<string, BotMessage> = {};

beforeAll(async () => {
  e2e = await startE2E({ label: "meeting", adminIds: [ADMIN_ID], firstUserId: 8_400_100_000 });
  admin = e2e.userWithId(ADMIN_ID, { firstName: "Petugas", lastName: "CSR" });
  const known = { knownChat: true };
  ani = await memberUser(e2e, "mariojela-margasari", { name: "Ani Rahmawati", ...known });
  budi = await memberUser(e2e, "mariojela-margasari", { name: "Budi Santoso", ...known });
  citra = await memberUser(e2e, "ksb-margasari", { name: "Citra Dewi", ...known });
  dodi = await memberUser(e2e, "ksb-margasari", { name: "Dodi Pratama", stakeholderCode: "bpbd-balikpapan", ...known });
  hendra = await stakeholderUser(e2e, "lurah-margasari", "Hendra Wijaya");
  endang = await stakeholderUser(e2e, "lpm-margasari", "Endang Susilawati");
  fajar = await memberUser(e2e, "proklim-muara-rapak", { name: "Fajar Nugroho", ...known });
  gunawan = await stakeholderUser(e2e, "kecamatan-balikpapan-barat", "Gunawan");
  invitees = { ani, budi, citra, dodi, hendra, endang };
});

afterAll(async () => {
  await e2e?.close();
});

failTestsOnBotErrors(() => e2e);

/** A start `minutes` from now, to the minute, and how staff type it ("30/11/2026 18.10", WITA). */
function startIn(minutes: number): { instant: Date; typed: string; shown: string } {
  const instant = new Date(Math.floor((Date.now() + minutes * 60_000) / 60_000) * 60_000);
  return { instant, typed: format(new TZDate(instant.getTime(), ZONE), "dd/MM/yyyy HH.mm"), shown: formatDateTime(instant, "id", ZONE) };
}

const labels = (m: BotMessage) => buttons(m).map((b) => b.text);
const textOf = (m: BotMessage) => m.text ?? m.caption ?? "";
const invitationsIn = (p: Person) => p.user.messages().filter((m) => textOf(m).startsWith("📩 Undangan rapat"));
const movedNoticesIn = (p: Person) => p.user.messages().filter((m) => textOf(m).startsWith("📅 Jadwal rapat berubah"));

/** Every outgoing message of the meeting with this purpose has left the queue (sent), and there are `count` of them. */
async function delivered(purpose: string, count: number): Promise<void> {
  await expect
    .poll(async () => (await e2e.db.prisma.outgoingMessage.findMany({ where: { meetingId, purpose } })).map((r) => r.status), { timeout: QUEUE_MS, interval: 200 })
    .toEqual(Array.from({ length: count }, () => "sent"));
}

const invitationOf = (p: Person, id = meetingId) => e2e.db.prisma.invitation.findUniqueOrThrow({ where: { meetingId_personId: { meetingId: id, personId: p.personId } } });

/** /rapat → the meeting's view. */
async function openMeeting(): Promise<BotMessage> {
  admin.say("/rapat");
  const list = await admin.expectReply("📋 Daftar rapat");
  const button = buttons(list).find((b) => b.data === `mst:view:${meetingId}`);
  if (!button) throw new Error(`no button for meeting ${meetingId} on: ${labels(list).join(" | ")}`);
  expect(button.text).toContain(TITLE);
  admin.press(button.data, list);
  return admin.expectReply(`📋 ${TITLE}`);
}

describe.sequential("meetings end to end", () => {
  it("refuses /undang to a member", async () => {
    ani.user.say("/undang");
    await ani.user.expectReply("Maaf, perintah ini hanya untuk petugas.");
    ani.user.say(TITLE);
    await ani.user.expectReply("Maaf, saya tidak mengerti pesan itu.");
    expect(await e2e.db.prisma.meeting.count()).toBe(0);
  });

  it("an admin creates a meeting for two groups and three stakeholders with /undang", async () => {
    const start = startIn(40);
    admin.say("/undang");
    await admin.expectReply("Baik, kita buat undangan rapat.");
    await admin.expectReply("Apa judul rapatnya?");
    admin.say(TITLE);
    await admin.expectReply("Kapan rapatnya?");
    admin.say(start.typed);
    const confirm = await admin.expectReply("Rapat pada:");
    expect(confirm.text).toBe(`Rapat pada:\n${start.shown}\n\nSudah benar?`);
    expect(start.shown).toMatch(/^[A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2} WITA$/);
    admin.press("Ya, benar", confirm);
    await admin.expectReply("Di mana tempatnya?");
    admin.say(PLACE);
    await admin.expectReply("Apa agendanya?");
    admin.say(AGENDA);

    const audience = await admin.expectReply("Siapa saja yang diundang?");
    // head-counts of people the bot can write to; Dodi counts in KSB Margasari and in BPBD
    expect(labels(audience)).toEqual(
      expect.arrayContaining(["Semua orang (8)", "Mariojela (2)", "KSB Margasari (2)", "ProKlim Muara Rapak (1)", "Semua pemangku kepentingan (4)", "Lanjut ➜ (0 orang)"]),
    );
    const toggle = async (label: string) => {
      admin.press(label, audience);
      await admin.expectEdit(audience, (m) => labels(m).includes(`✓ ${label}`));
    };
    await toggle("Mariojela (2)");
    await toggle("KSB Margasari (2)");
    admin.press("Pilih lembaga pemangku kepentingan…", audience);
    await admin.expectEdit(audience, (m) => labels(m).includes("Lurah Margasari (1)"));
    await toggle("Lurah Margasari (1)");
    await toggle("BPBD Kota Balikpapan (1)");
    await toggle("Ketua LPM Margasari (1)");
    admin.press("Kembali", audience);
    // 2 + 2 members and 3 stakeholder persons, Dodi once: 6
    await admin.expectEdit(audience, (m) => labels(m).includes("Lembaga dipilih: 3 — ubah…") && labels(m).includes("Lanjut ➜ (6 orang)"));
    admin.press("Lanjut ➜ (6 orang)", audience);

    await admin.expectReply("Begini undangan yang akan diterima setiap orang:");
    const preview = await admin.expectReply("📩 Undangan rapat");
    const expectedInvitation = [
      "📩 Undangan rapat",
      "",
      `Acara: ${TITLE}`,
      `Waktu: ${start.shown}`,
      `Tempat: ${PLACE}`,
      `Agenda:\n${AGENDA}`,
      "",
      "Apakah Anda bisa hadir? Tekan salah satu tombol di bawah.",
    ].join("\n");
    expect(preview.text).toBe(expectedInvitation);
    expect(labels(preview)).toEqual(["Hadir", "Tidak hadir", "Mungkin"]);
    const question = await admin.expectReply("Undangan di atas akan dikirim ke 6 orang:");
    expect(question.text).toContain("Mariojela, KSB Margasari, Lurah Margasari, Ketua LPM Margasari, BPBD Kota Balikpapan");
    expect(labels(question)).toEqual(["Kirim", "Ubah", "Batal"]);
    admin.press("Kirim", question);
    const done = await admin.expectReply(`Undangan "${TITLE}" sedang dikirim ke 6 orang.`);
    code = /Kode hadir rapat ini: ([A-Z0-9]{6})/.exec(done.text ?? "")?.[1] ?? "";
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    const meeting = await e2e.db.prisma.meeting.findFirstOrThrow({ include: { invitations: true } });
    meetingId = meeting.id;
    startsAt = meeting.startsAt;
    expect(meeting).toMatchObject({ title: TITLE, place: PLACE, agenda: AGENDA, status: "scheduled", checkInCode: code });
    expect(meeting.startsAt.toISOString()).toBe(start.instant.toISOString());
    const adminPerson = await e2e.db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    expect(meeting.createdById).toBe(adminPerson.id);
    const ksb = await groupByCode(e2e.db, "ksb-margasari");
    const byPerson = new Map(meeting.invitations.map((i) => [i.personId, i]));
    expect([...byPerson.keys()].sort((a, b) => a - b)).toEqual(Object.values(invitees).map((p) => p.personId).sort((a, b) => a - b));
    // invited as a KSB member and as BPBD's person: one invitation, tallied under the group
    expect(byPerson.get(dodi.personId)).toMatchObject({ groupId: ksb.id, stakeholderId: null, answer: null });
    expect(byPerson.get(hendra.personId)?.stakeholderId).not.toBeNull();
  });

  it("each invitee receives exactly one invitation through the queue; nobody else gets one", async () => {
    for (const [key, p] of Object.entries(invitees)) {
      invitation[key] = await p.user.expectReply("📩 Undangan rapat", QUEUE_MS);
      expect(labels(invitation[key]!)).toEqual(["Hadir", "Tidak hadir", "Mungkin"]);
    }
    await delivered("meeting-invite", 6);
    const rows = await e2e.db.prisma.outgoingMessage.findMany({ where: { meetingId, purpose: "meeting-invite" } });
    expect(rows.map((r) => r.key).sort()).toEqual(Object.values(invitees).map((p) => `invite-${meetingId}-${p.personId}`).sort());
    for (const [key, p] of Object.entries(invitees)) {
      expect(invitationsIn(p)).toHaveLength(1);
      expect(invitation[key]!.text).toBe(invitation.ani!.text);
      expect(rows.find((r) => r.personId === p.personId)?.telegramMessageId).toBe(invitation[key]!.message_id);
      expect((await invitationOf(p)).messageId).toBe(invitation[key]!.message_id);
    }
    expect(fajar.user.messages()).toEqual([]);
    expect(gunawan.user.messages()).toEqual([]);
  });

  it("invitees answer, change their answer, and give a reason for Tidak hadir", async () => {
    const answer = async (p: Person, key: string, label: string, thanks: string) => {
      const press = p.user.press(label, invitation[key]);
      expect((await p.user.callbackAnswer(press)).answer?.text).toContain(thanks);
      return p.user.expectEdit(invitation[key]!, (m) => textOf(m).includes(`Jawaban Anda: ${label}`));
    };
    const aniShown = await answer(ani, "ani", "Hadir", "Terima kasih! Tercatat: Hadir.");
    expect(labels(aniShown)).toEqual(["✓ Hadir", "Tidak hadir", "Mungkin"]);
    expect(aniShown.text).toContain("Jawaban masih bisa diubah sampai rapat dimulai.");
    await answer(hendra, "hendra", "Hadir", "Tercatat: Hadir.");
    await answer(citra, "citra", "Mungkin", "Tercatat: Mungkin.");

    // Budi says Hadir, then changes his mind and says why
    await answer(budi, "budi", "Hadir", "Tercatat: Hadir.");
    const firstAnsweredAt = (await invitationOf(budi)).answeredAt!;
    const declined = await answer(budi, "budi", "Tidak hadir", "Tercatat: Tidak hadir.");
    expect(labels(declined)).toEqual(["Hadir", "✓ Tidak hadir", "Mungkin", "✏️ Tulis alasan"]);
    budi.user.press("✏️ Tulis alasan", declined);
    await budi.user.expectReply("Boleh tahu alasan Anda tidak bisa hadir?");
    budi.user.say("Ada acara keluarga di Samarinda");
    await budi.user.expectReply("Terima kasih, alasan Anda sudah kami catat.");
    await budi.user.expectEdit(invitation.budi!, (m) => textOf(m).includes("Alasan: Ada acara keluarga di Samarinda"));

    const stored = await invitationOf(budi);
    expect(stored).toMatchObject({ answer: "no", reason: "Ada acara keluarga di Samarinda" });
    expect(stored.answeredAt!.getTime()).toBeGreaterThanOrEqual(firstAnsweredAt.getTime());
    expect(await invitationOf(ani)).toMatchObject({ answer: "yes", reason: null });
    expect(await invitationOf(hendra)).toMatchObject({ answer: "yes" });
    expect(await invitationOf(citra)).toMatchObject({ answer: "maybe" });
    expect(await invitationOf(dodi)).toMatchObject({ answer: null, answeredAt: null });
    expect((await invitationOf(ani)).answeredAt).toBeInstanceOf(Date);
  });

  it("refuses a forged answer button, another meeting's button and the staff buttons to a member", async () => {
    // another meeting Ani is invited to (tomorrow), made directly in the database
    const adminPerson = await e2e.db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    const mariojela = await groupByCode(e2e.db, "mariojela-margasari");
    const other = await e2e.db.prisma.meeting.create({
      data: {
        title: "Rapat Pengurus",
        startsAt: new Date(Date.now() + 26 * 3600_000),
        place: "Rumah Ketua",
        audience: { groupIds: [mariojela.id] },
        checkInCode: "QWERTY",
        createdById: adminPerson.id,
        invitations: { create: [{ personId: ani.personId, groupId: mariojela.id }] },
      },
      include: { invitations: true },
    });
    const aniOther = other.invitations[0]!;
    const aniHere = await invitationOf(ani);

    // Ani presses her own invitation of the other meeting on this meeting's message
    const foreign = forgeCallback(e2e.server, ani.user, invitation.ani!, `rsvp:${aniOther.id}:yes`, "forged-other-meeting");
    expect((await ani.user.callbackAnswer(foreign)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    // Budi presses Ani's invitation id on his own message
    const stolen = forgeCallback(e2e.server, budi.user, invitation.budi!, `rsvp:${aniHere.id}:no`, "forged-someone-else");
    expect((await budi.user.callbackAnswer(stolen)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    // data the bot never issues
    const made = forgeCallback(e2e.server, budi.user, invitation.budi!, `rsvp:${aniHere.id}:perhaps`, "forged-made-up");
    expect((await budi.user.callbackAnswer(made)).answer?.text).toBe("Tombol ini sudah tidak berlaku.");
    // the staff side's buttons
    const outgoingBefore = await e2e.db.prisma.outgoingMessage.count();
    for (const data of [`mst:resend-ok:${meetingId}:1`, `mst:cancel-ok:${meetingId}`, `mst:att:${meetingId}`]) {
      const press = forgeCallback(e2e.server, ani.user, invitation.ani!, data, `forged-${data}`);
      expect((await ani.user.callbackAnswer(press)).answer?.text).toBe("Maaf, perintah ini hanya untuk petugas.");
    }

    expect(await e2e.db.prisma.invitation.findUniqueOrThrow({ where: { id: aniOther.id } })).toMatchObject({ answer: null, answeredAt: null });
    expect(await invitationOf(ani)).toMatchObject({ answer: "yes" });
    expect(await invitationOf(budi)).toMatchObject({ answer: "no", reason: "Ada acara keluarga di Samarinda" });
    expect((await e2e.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("scheduled");
    expect(await e2e.db.prisma.outgoingMessage.count()).toBe(outgoingBefore);
    // no document went to the member, and the invitations are as they were
    expect(ani.user.messages().filter((m) => m.document)).toEqual([]);
    expect(invitationsIn(ani)).toHaveLength(1);
    expect(textOf(ani.user.messages().find((m) => m.message_id === invitation.ani!.message_id)!)).toContain("Jawaban Anda: Hadir");
  });

  it("staff see the tally in /rapat", async () => {
    const view = await openMeeting();
    const text = view.text ?? "";
    expect(text).toContain(`🗓 ${formatDateTime(startsAt, "id", ZONE)}`);
    expect(text).toContain(`📍 ${PLACE}`);
    expect(text).toMatch(/Status: check-in sedang dibuka \(sampai pukul \d{2}\.\d{2}\)/);
    expect(text).toContain(`🔑 Kode check-in: ${code}`);
    expect(text).toContain("Jawaban dari 6 orang yang diundang:\n✅ Hadir: 2\n❌ Tidak hadir: 1\n🤔 Mungkin: 1\n⏳ Belum menjawab: 2\n🙋 Sudah check-in: 0");
    expect(text).toContain("• Mariojela: 2 diundang — 1 hadir, 1 tidak hadir, 0 mungkin, 0 belum menjawab; 0 sudah check-in");
    expect(text).toContain("• KSB Margasari: 2 diundang — 0 hadir, 0 tidak hadir, 1 mungkin, 1 belum menjawab; 0 sudah check-in");
    expect(text).toContain("• Lurah Margasari: 1 diundang — 1 hadir, 0 tidak hadir, 0 mungkin, 0 belum menjawab; 0 sudah check-in");
    expect(text).toContain("• Ketua LPM Margasari: 1 diundang — 0 hadir, 0 tidak hadir, 0 mungkin, 1 belum menjawab; 0 sudah check-in");
    expect(text).not.toContain("BPBD");
    expect(text).toMatch(/Belum menjawab \(2\): (Dodi Pratama, Endang Susilawati|Endang Susilawati, Dodi Pratama)\n/);
    expect(text).toContain('Tidak hadir (1): Budi Santoso — "Ada acara keluarga di Samarinda"');
    expect(text).toContain("Pesan undangan: 6 terkirim, 0 menunggu giliran, 0 gagal, 0 tidak bisa dihubungi.");
    expect(labels(view)).toEqual([
      "🔁 Kirim ulang ke yang belum menjawab",
      "🕑 Ubah jadwal",
      "✖️ Batalkan rapat",
      "📄 Daftar hadir",
      "✍️ Tandai hadir",
      "💬 Minta masukan",
      "📊 Bahan FGD",
      "📝 Notulen",
      "🔄 Perbarui",
      "« Daftar rapat",
    ]);
  });

  it("re-sends the invitation to those who have not answered, and only to them", async () => {
    const countsBefore = Object.fromEntries(Object.entries(invitees).map(([k, p]) => [k, p.user.messages().length]));
    admin.press("🔁 Kirim ulang ke yang belum menjawab");
    const ask = await admin.expectReply(`Kirim ulang undangan "${TITLE}" ke 2 orang yang belum menjawab?`);
    admin.press("Ya, kirim ulang", ask);
    await admin.expectReply("Undangan dikirim ulang ke 2 orang.");

    const again = {
      dodi: await dodi.user.expectReply("📩 Undangan rapat", QUEUE_MS),
      endang: await endang.user.expectReply("📩 Undangan rapat", QUEUE_MS),
    };
    await delivered("meeting-invite", 8);
    const resent = await e2e.db.prisma.outgoingMessage.findMany({ where: { meetingId, key: { endsWith: "-r1" } } });
    expect(resent.map((r) => r.key).sort()).toEqual([`invite-${meetingId}-${dodi.personId}-r1`, `invite-${meetingId}-${endang.personId}-r1`].sort());
    expect(invitationsIn(dodi)).toHaveLength(2);
    expect(invitationsIn(endang)).toHaveLength(2);
    for (const key of ["ani", "budi", "citra", "hendra"]) {
      expect(invitee(key).user.messages(), key).toHaveLength(countsBefore[key]!);
      expect(invitationsIn(invitee(key)), key).toHaveLength(1);
    }
    expect(fajar.user.messages()).toEqual([]);
    expect(gunawan.user.messages()).toEqual([]);

    // Dodi answers on the second invitation
    const press = dodi.user.press("Hadir", again.dodi);
    expect((await dodi.user.callbackAnswer(press)).answer?.text).toBe("Terima kasih! Tercatat: Hadir.");
    await dodi.user.expectEdit(again.dodi, (m) => textOf(m).includes("Jawaban Anda: Hadir"));
    expect(await invitationOf(dodi)).toMatchObject({ answer: "yes" });
  });

  it("reschedules: every invitee is told the new time, with their answer kept", async () => {
    admin.press("« Kembali ke rapat");
    const view = await admin.expectReply(`📋 ${TITLE}`);
    expect(view.text).toContain("⏳ Belum menjawab: 1");
    const old = formatDateTime(startsAt, "id", ZONE);
    const moved = startIn(55);
    expect(moved.instant.getTime()).not.toBe(startsAt.getTime());
    admin.press("🕑 Ubah jadwal", view);
    await admin.expectReply(`Rapat "${TITLE}" sekarang dijadwalkan ${old}.`);
    admin.say(moved.typed);
    const confirm = await admin.expectReply(`Jadwal baru: ${moved.shown}`);
    expect(confirm.text).toContain(`(sebelumnya ${old})`);
    admin.press("Ya, ubah jadwal", confirm);
    await admin.expectReply(`Jadwal "${TITLE}" sudah diubah ke ${moved.shown}. Pemberitahuan sedang dikirim ke 6 orang.`);

    const meeting = await e2e.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.startsAt.toISOString()).toBe(moved.instant.toISOString());
    startsAt = meeting.startsAt;

    const expectedAnswer: Record<string, string> = { ani: "Hadir", budi: "Tidak hadir", citra: "Mungkin", dodi: "Hadir", hendra: "Hadir" };
    for (const [key, p] of Object.entries(invitees)) {
      const notice = await p.user.expectReply("📅 Jadwal rapat berubah — mohon perhatikan waktu yang baru", QUEUE_MS);
      expect(notice.text).toContain(`Waktu: ${moved.shown}`);
      if (expectedAnswer[key]) expect(notice.text, key).toContain(`Jawaban Anda: ${expectedAnswer[key]}`);
      else expect(notice.text).toContain("Apakah Anda bisa hadir?");
    }
    await delivered("meeting-rescheduled", 6);
    const rows = await e2e.db.prisma.outgoingMessage.findMany({ where: { meetingId, purpose: "meeting-rescheduled" } });
    const epoch = moved.instant.getTime() / 1000;
    expect(rows.map((r) => r.key).sort()).toEqual(Object.values(invitees).map((p) => `moved-${meetingId}-${p.personId}-${epoch}`).sort());
    for (const p of Object.values(invitees)) expect(movedNoticesIn(p)).toHaveLength(1);
    expect(budi.user.messages().find((m) => textOf(m).startsWith("📅"))?.text).toContain("Alasan: Ada acara keluarga di Samarinda");
    expect(fajar.user.messages()).toEqual([]);
    expect(gunawan.user.messages()).toEqual([]);

    // answers can change until the (new) start, also from the notice: Citra now says Hadir
    const notice = movedNoticesIn(citra)[0]!;
    const press = citra.user.press("Hadir", notice);
    expect((await citra.user.callbackAnswer(press)).answer?.text).toBe("Terima kasih! Tercatat: Hadir.");
    const edited = await citra.user.expectEdit(notice, (m) => textOf(m).includes("Jawaban Anda: Hadir"));
    expect(edited.text).toContain(`Waktu: ${moved.shown}`);
    expect(await invitationOf(citra)).toMatchObject({ answer: "yes" });
  });

  it("check-in with /hadir <code> and with the button; a wrong code or someone not invited is told so", async () => {
    ani.user.say(`/hadir ${code.toLowerCase()}`);
    await ani.user.expectReply(new RegExp(`^✅ Terima kasih! Kehadiran Anda di "${TITLE}" sudah tercatat pukul \\d{2}\\.\\d{2}\\.`));
    ani.user.say(`/hadir ${code}`);
    await ani.user.expectReply(`Kehadiran Anda di "${TITLE}" sudah tercatat sebelumnya`);

    citra.user.say("/hadir");
    const open = await citra.user.expectReply("Rapat yang sedang membuka check-in:");
    expect(open.text).toContain(`• ${TITLE} — ${formatDateTime(startsAt, "id", ZONE)}`);
    expect(labels(open)).toEqual(["✋ Saya hadir"]);
    citra.user.press("✋ Saya hadir", open);
    await citra.user.expectReply(`✅ Terima kasih! Kehadiran Anda di "${TITLE}" sudah tercatat pukul`);

    const wrong = code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    hendra.user.say(`/hadir ${wrong}`);
    await hendra.user.expectReply(`Kode "${wrong}" tidak cocok dengan rapat mana pun.`);
    fajar.user.say(`/hadir ${code}`);
    await fajar.user.expectReply(`Maaf, nama Anda tidak ada di daftar undangan "${TITLE}"`);
    const forged = forgeCallback(e2e.server, fajar.user, fajar.user.lastMessage!, `mci:${meetingId}`, "forged-check-in");
    await fajar.user.callbackAnswer(forged);
    await fajar.user.expectReply(`Maaf, nama Anda tidak ada di daftar undangan "${TITLE}"`);

    // staff mark Endang (no phone in the room) present by hand
    const view = await openMeeting();
    expect(view.text).toContain("🙋 Sudah check-in: 2");
    admin.press("✍️ Tandai hadir", view);
    const picker = await admin.expectReply(`✍️ Tandai hadir — ${TITLE}`);
    expect(labels(picker)).toEqual(expect.arrayContaining(["Endang Susilawati", "Budi Santoso", "Dodi Pratama", "Hendra Wijaya"]));
    expect(labels(picker)).not.toContain("Ani Rahmawati");
    const mark = admin.press("Endang Susilawati", picker);
    expect((await admin.callbackAnswer(mark)).answer?.text).toBe("✅ Endang Susilawati dicatat hadir.");

    expect(await invitationOf(ani)).toMatchObject({ checkInMethod: "code" });
    expect(await invitationOf(citra)).toMatchObject({ checkInMethod: "button" });
    const adminPerson = await e2e.db.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    expect(await invitationOf(endang)).toMatchObject({ checkInMethod: "staff", checkedInById: adminPerson.id });
    for (const p of [budi, dodi, hendra]) expect((await invitationOf(p)).checkedInAt).toBeNull();
    const fajarInvited = await e2e.db.prisma.invitation.count({ where: { personId: fajar.personId } });
    expect(fajarInvited).toBe(0);
  });

  it("sends the daftar hadir as XLSX and CSV with the right rows, and a recap", async () => {
    const wall = (d: Date | null) => (d ? new TZDate(d.getTime(), ZONE) : null);
    const view = await openMeeting();
    admin.press("📄 Daftar hadir", view);
    const fileBase = `daftar-hadir-${format(wall(startsAt)!, "yyyy-MM-dd")}-fgd-evaluasi-program-tjsl`;
    const xlsx = await admin.expectReply((m) => m.document?.file_name === `${fileBase}.xlsx`, 20_000);
    const csv = await admin.expectReply((m) => m.document?.file_name === `${fileBase}.csv`);
    const recap = await admin.expectReply(`Rekap "${TITLE}":`);
    expect(recap.text).toBe(
      [
        `Rekap "${TITLE}":`,
        "Diundang 6 · menjawab hadir 4 · datang 3",
        "",
        "• KSB Margasari: diundang 2, menjawab hadir 2, datang 1",
        "• Mariojela: diundang 2, menjawab hadir 1, datang 1",
        "• Ketua LPM Margasari: diundang 1, menjawab hadir 0, datang 1",
        "• Lurah Margasari: diundang 1, menjawab hadir 1, datang 0",
      ].join("\n"),
    );

    // what the database says, in the list's order: groups, then institutions, by name
    const order: Array<[Person, string, string]> = [
      [citra, "KSB Margasari", "Anggota"],
      [dodi, "KSB Margasari", "Anggota"],
      [ani, "Mariojela", "Anggota"],
      [budi, "Mariojela", "Anggota"],
      [endang, "Ketua LPM Margasari", "Pemangku kepentingan"],
      [hendra, "Lurah Margasari", "Pemangku kepentingan"],
    ];
    const answerWord = { yes: "Hadir", no: "Tidak hadir", maybe: "Mungkin" } as const;
    const methodWord = { code: "Kode", button: "Tombol", staff: "Dicatat petugas" } as const;
    const minute = (d: Date | null) => (d ? format(wall(d)!, "yyyy-MM-dd HH:mm") : "");
    const expected = await Promise.all(
      order.map(async ([p, affiliation, role], i) => {
        const inv = await invitationOf(p);
        const person = await e2e.db.prisma.person.findUniqueOrThrow({ where: { id: p.personId } });
        return {
          no: i + 1,
          name: person.name!,
          affiliation,
          role,
          answer: inv.answer ? answerWord[inv.answer] : "Belum menjawab",
          reason: inv.answer === "no" ? (inv.reason ?? "") : "",
          answeredAt: inv.answer ? minute(inv.answeredAt) : "",
          present: inv.checkedInAt ? "Ya" : "Tidak",
          checkedInAt: minute(inv.checkedInAt),
          method: inv.checkInMethod ? methodWord[inv.checkInMethod] : "",
        };
      }),
    );
    expect(expected.map((r) => [r.name, r.answer, r.present, r.method])).toEqual([
      ["Citra Dewi", "Hadir", "Ya", "Tombol"],
      ["Dodi Pratama", "Hadir", "Tidak", ""],
      ["Ani Rahmawati", "Hadir", "Ya", "Kode"],
      ["Budi Santoso", "Tidak hadir", "Tidak", ""],
      ["Endang Susilawati", "Belum menjawab", "Ya", "Dicatat petugas"],
      ["Hendra Wijaya", "Hadir", "Tidak", ""],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(e2e.server.file(xlsx.document!.file_id) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe(`Daftar hadir: ${TITLE}`);
    expect(sheet.getCell("A2").value).toBe(`${formatDateTime(startsAt, "id", ZONE)} — ${PLACE}`);
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      "No",
      "Nama",
      "Kelompok/Lembaga",
      "Peran",
      "Jawaban",
      "Alasan tidak hadir",
      "Waktu jawaban",
      "Hadir",
      "Waktu hadir",
      "Cara check-in",
    ]);
    // Excel dates hold the WITA wall time
    const cellTime = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16).replace("T", " ") : v === null || v === undefined ? "" : `not a date: ${String(v)}`);
    const rows = expected.map((_, i) => {
      const row = sheet.getRow(6 + i);
      const cell = (c: number) => row.getCell(c).value;
      return {
        no: cell(1),
        name: cell(2),
        affiliation: cell(3),
        role: cell(4),
        answer: cell(5),
        reason: cell(6) ?? "",
        answeredAt: cellTime(cell(7)),
        present: cell(8),
        checkedInAt: cellTime(cell(9)),
        method: cell(10) ?? "",
      };
    });
    expect(rows).toEqual(expected);
    expect(sheet.getRow(6 + expected.length).getCell(2).value ?? null).toBeNull();

    const text = e2e.server.file(csv.document!.file_id).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("No;Nama;Kelompok/Lembaga;Peran;Jawaban;Alasan tidak hadir;Waktu jawaban;Hadir;Waktu hadir;Cara check-in");
    expect(lines.slice(1, -1)).toEqual(
      expected.map((r) => [r.no, r.name, r.affiliation, r.role, r.answer, r.reason, r.answeredAt, r.present, r.checkedInAt, r.method].join(";")),
    );
    expect(expected.find((r) => r.name === "Budi Santoso")!.reason).toBe("Ada acara keluarga di Samarinda");
  });
});

function invitee(key: string): Person {
  const p = invitees[key];
  if (!p) throw new Error(`no invitee ${key}`);
  return p;
}
