// PostgreSQL or Redis going away for a while, end to end: the built bot reaches both through
// TCP proxies that this test cuts and restores. The member is told that their last step was
// not saved, nothing they were shown as saved is lost, and the bot carries on by itself once
// the service is back — without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberUser, reportsOf, skipPhotoAndNote, sleep, startE2E, startReport, type E2E } from "../support/e2e.js";
import { testRedisUrl } from "../support/db.js";
import { testServerUrl } from "../support/server.js";
import { hostPort, startTcpProxy, throughProxy, type TcpProxy } from "../support/tcp-proxy.js";

const MARIOJELA = "mariojela-margasari"; // liter (required), buah (required), rupiah (optional)

let e2e: E2E;
let database: TcpProxy;
let redis: TcpProxy;

beforeAll(async () => {
  database = await startTcpProxy(hostPort(testServerUrl(), 5432));
  redis = await startTcpProxy(hostPort(testRedisUrl(), 6379));
  e2e = await startE2E({
    label: "outage",
    firstUserId: 8_700_000_000,
    reach: { databaseUrl: (url) => throughProxy(url, database), redisUrl: throughProxy(testRedisUrl(), redis) },
  });
});

afterAll(async () => {
  await e2e?.close();
  await database?.close();
  await redis?.close();
});

describe.sequential("when a service goes away for a while", () => {
  it("PostgreSQL away at Simpan: the member is told it is not saved yet, presses Simpan again later, one report", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Wati" });
    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("12,5");
    await user.expectReply("(2/3) Lilin terjual");
    user.say("4");
    await user.expectReply("(3/3) Pendapatan");
    user.press("Lewati");
    await skipPhotoAndNote(user);
    await user.expectReply("Periksa dulu laporannya:");

    database.cut();
    user.press("Simpan");
    const notSaved = await user.expectReply("BELUM", 20_000);
    expect(notSaved.text).toMatch(/BELUM (tersimpan|diproses)/);
    expect(user.messages().some((m) => m.text?.startsWith("Tersimpan!"))).toBe(false);

    database.restore();
    await sleep(500);
    // the answers are still there: Simpan again (on the newest message that offers it)
    user.press("Simpan");
    const saved = await user.expectReply("Tersimpan!", 20_000);
    expect(saved.text).toContain("Jelantah terkumpul: 12,5 liter");
    const reports = await reportsOf(e2e.db, personId);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.values).toEqual({ "jelantah-terkumpul": "12.5", "lilin-terjual": "4" });
  }, 60_000);

  it("Redis away between two answers: the answer is refused kindly, nothing earlier is lost, the member carries on", async () => {
    const { user, personId } = await memberUser(e2e, MARIOJELA, { name: "Rukmini" });
    await startReport(user);
    await user.expectReply("(1/3) Jelantah terkumpul");
    user.say("7");
    await user.expectReply("(2/3) Lilin terjual");
    await sleep(300); // the answer's state is written

    redis.cut();
    user.say("3");
    const refused = await user.expectReply("BELUM diproses", 20_000);
    expect(refused.text).toContain("Silakan coba lagi");

    redis.restore();
    await sleep(1_500); // ioredis reconnects by itself
    user.say("3");
    await user.expectReply("(3/3) Pendapatan", 20_000);
    user.say("Rp 50.000");
    await skipPhotoAndNote(user);
    const summary = await user.expectReply("Periksa dulu laporannya:");
    expect(summary.text).toContain("• Jelantah terkumpul: 7 liter\n• Lilin terjual: 3 buah\n• Pendapatan: Rp 50.000");
    user.press("Simpan");
    await user.expectReply("Tersimpan!");
    const reports = await reportsOf(e2e.db, personId);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.values).toEqual({ "jelantah-terkumpul": "7", "lilin-terjual": "3", pendapatan: "50000" });
  }, 60_000);

  it("both back: the same bot process answers everyone as before", async () => {
    const { user } = await memberUser(e2e, MARIOJELA, { name: "Sumi" });
    user.say("/bantuan");
    await user.expectReply("/lapor");
  });
});
