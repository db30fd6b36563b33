import { joinLink } from "./onboarding.rules.js";

/** qrcode (with its PNG encoder, ~10 MB) is loaded with the first QR code, not at every start. */
async function qrcode() {
  const { default: QRCode } = await import("qrcode");
  return QRCode;
}

/** A join link's QR code as an SVG (for the printable sheet) — the same image the bot's /tautan offers as PNG. */
export async function joinLinkQrSvg(botUsername: string, code: string): Promise<string> {
  return (await qrcode()).toString(joinLink(botUsername, code), { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

/** The same as a PNG, for Telegram. */
export async function joinLinkQrPng(botUsername: string, code: string): Promise<Buffer> {
  return (await qrcode()).toBuffer(joinLink(botUsername, code), { type: "png", errorCorrectionLevel: "M", margin: 2, width: 512 });
}
