// /bahasa through the real bot: a double tap on a language button is one choice, not an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { addKnownPerson, startInProcessBot, type InProcessBot } from "../support/in-process-bot.js";
import type { TelegramUser } from "../support/telegram-user.js";

const i18n = createI18n();
let rig: InProcessBot;
let user: TelegramUser;
let personId: number;

beforeAll(async () => {
  rig = await startInProcessBot({ label: "language" });
  ({ user, personId } = await addKnownPerson(rig, 9_500_001, "Ani", { groups: ["mariojela-margasari"] }));
});

afterAll(async () => {
  await rig?.close();
});

describe("/bahasa", () => {
  it("takes a double tap on «English» as one choice: both presses answered, no error", async () => {
    user.say("/bahasa");
    const question = await user.expectReply(i18n.t("id", "language-choose"));
    // Two presses on the same message before the bot has handled the first, as a double tap makes them.
    const first = user.press("English", question);
    const second = user.press("English", question);
    await user.callbackAnswer(first);
    await user.callbackAnswer(second);
    // Updates of a chat are handled in order: once /bantuan is answered, any reply to the second press has come.
    user.say("/bantuan");
    await user.expectReply();
    const texts = user.messages().map((m) => m.text ?? "");
    expect(texts.filter((t) => t === i18n.t("en", "common-error") || t === i18n.t("id", "common-error"))).toEqual([]);
    expect(user.messages().find((m) => m.message_id === question.message_id)?.text).toBe(i18n.t("en", "language-changed"));
    expect((await rig.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).language).toBe("en");
  });

  it("takes a press on a /bahasa message that was deleted meanwhile as stale, without an error", async () => {
    user.say("/bahasa");
    const question = await user.expectReply(i18n.t("en", "language-choose"));
    const press = user.press("Bahasa Indonesia", question);
    rig.server.deleteBotMessage(user.id, question.message_id);
    await user.callbackAnswer(press);
    user.say("/bantuan");
    await user.expectReply();
    const after = user.messages().filter((m) => m.message_id > question.message_id);
    expect(after.map((m) => m.text ?? "").filter((t) => t === i18n.t("en", "common-error") || t === i18n.t("id", "common-error"))).toEqual([]);
  });
});
