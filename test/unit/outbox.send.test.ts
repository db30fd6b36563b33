import type { Api } from "grammy";
import { InputFile } from "grammy";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { CAPTION_LIMIT, sendRendered } from "../../src/outgoing/outbox.send.js";

type Call = { method: string; chatId: number; content: unknown; options: Record<string, unknown> };

function fakeApi(failPhoto = false): { api: Api; calls: Call[] } {
  const calls: Call[] = [];
  let id = 0;
  const api = {
    async sendMessage(chatId: number, text: string, options: Record<string, unknown> = {}) {
      calls.push({ method: "sendMessage", chatId, content: text, options });
      return { message_id: ++id };
    },
    async sendPhoto(chatId: number, photo: unknown, options: Record<string, unknown> = {}) {
      calls.push({ method: "sendPhoto", chatId, content: photo, options });
      if (failPhoto) throw new Error("upload failed");
      return { message_id: ++id };
    },
  } as unknown as Api;
  return { api, calls };
}

const log = pino({ level: "silent" });
const photo = { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), fileName: "chart.png", caption: "📈 Grafik" };

describe("sendRendered", () => {
  it("sends a short text as the photo's caption", async () => {
    const { api, calls } = fakeApi();
    const sent = await sendRendered(api, 5, { text: "Ringkasan", photo }, log);
    expect(sent.message_id).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "sendPhoto", chatId: 5, options: { caption: "Ringkasan" } });
    expect(calls[0]!.content).toBeInstanceOf(InputFile);
  });

  it("sends a text too long for a caption first, then the photo with its short caption; the text's id counts", async () => {
    const { api, calls } = fakeApi();
    const text = "x".repeat(CAPTION_LIMIT + 1);
    // the text's id is announced as soon as Telegram took the text, before the picture goes
    const accepted: Array<[number, number]> = [];
    const sent = await sendRendered(api, 5, { text, photo }, log, (id) => accepted.push([id, calls.length]));
    expect(calls.map((c) => [c.method, c.options.caption])).toEqual([["sendMessage", undefined], ["sendPhoto", "📈 Grafik"]]);
    expect(sent.message_id).toBe(1);
    expect(accepted).toEqual([[1, 1]]);
  });

  it("counts the message as sent when only the picture after the text fails (no second copy of the text)", async () => {
    const { api, calls } = fakeApi(true);
    const sent = await sendRendered(api, 5, { text: "x".repeat(2000), photo }, log);
    expect(sent.message_id).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it("lets a failing photo-with-caption fail the send (it is retried like any message)", async () => {
    const { api } = fakeApi(true);
    await expect(sendRendered(api, 5, { text: "short", photo }, log)).rejects.toThrow("upload failed");
  });

  it("sends plain text, and a known file_id as a photo", async () => {
    const { api, calls } = fakeApi();
    await sendRendered(api, 5, { text: "halo" }, log);
    await sendRendered(api, 5, { text: "foto", photoFileId: "AgAD" }, log);
    expect(calls.map((c) => [c.method, c.content])).toEqual([["sendMessage", "halo"], ["sendPhoto", "AgAD"]]);
  });
});
