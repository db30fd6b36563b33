// The baseline of `npm run bench`: a bare grammY bot under @grammyjs/runner that answers every
// text with the same text. No database, no Redis, no middleware: what the harness and the
// Bot API round trips cost on their own. Run as a child process by bench/report.bench.ts.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const token = process.env.BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) {
  process.stderr.write("echo-bot needs BOT_TOKEN and TELEGRAM_API_ROOT\n");
  process.exit(78);
}

const log = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

const bot = new Bot(token, { client: { apiRoot } });
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));

await bot.init();
await bot.api.deleteWebhook();
const runner = run(bot);
log("bot running (long polling)");

const stop = async () => {
  if (runner.isRunning()) await runner.stop();
  while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  log("stopped");
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
