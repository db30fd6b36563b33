import { Api, InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { dropEmptyKeyboardRows, emptyKeyboardRows } from "../../src/bot/keyboard-rows.js";

/** An Api whose calls end in a recorder instead of the network. */
function recordingApi() {
  const calls: Array<{ method: string; payload: unknown }> = [];
  const api = new Api("1:test", { apiRoot: "http://127.0.0.1:9" });
  api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: JSON.parse(JSON.stringify(payload)) });
    return { ok: true as const, result: true as never };
  });
  api.config.use(dropEmptyKeyboardRows); // installed last: runs first
  return { api, calls };
}

describe("inline keyboards without empty rows", () => {
  it("a keyboard built with .row() after its last button ends with an empty row (what grammY sends as is)", () => {
    const keyboard = new InlineKeyboard().text("A", "a").row().text("B", "b").row();
    expect(emptyKeyboardRows(keyboard)).toBe(1);
  });

  it("are sent without the empty rows, by every method that carries a keyboard", async () => {
    const { api, calls } = recordingApi();
    const keyboard = new InlineKeyboard().text("A", "a").row().row().text("B", "b").row();
    await api.sendMessage(1, "x", { reply_markup: keyboard });
    await api.editMessageText(1, 2, "y", { reply_markup: keyboard });
    await api.editMessageReplyMarkup(1, 2, { reply_markup: keyboard });
    for (const call of calls) {
      expect((call.payload as { reply_markup: unknown }).reply_markup).toEqual({ inline_keyboard: [[{ text: "A", callback_data: "a" }], [{ text: "B", callback_data: "b" }]] });
    }
    expect(calls).toHaveLength(3);
    // The builder itself is left as it was (it may be sent again).
    expect(keyboard.inline_keyboard).toHaveLength(4);
  });

  it("leave an emptied keyboard (closing it) and other payloads alone", async () => {
    const { api, calls } = recordingApi();
    await api.editMessageReplyMarkup(1, 2, { reply_markup: { inline_keyboard: [] } });
    await api.sendMessage(1, "x", { reply_markup: { keyboard: [[{ text: "Kirim nomor", request_contact: true }]], one_time_keyboard: true } });
    await api.sendMessage(1, "z");
    expect(calls.map((c) => c.payload)).toEqual([
      { chat_id: 1, message_id: 2, reply_markup: { inline_keyboard: [] } },
      { chat_id: 1, text: "x", reply_markup: { keyboard: [[{ text: "Kirim nomor", request_contact: true }]], one_time_keyboard: true } },
      { chat_id: 1, text: "z" },
    ]);
  });
});
