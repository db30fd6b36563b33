import QRCode from "qrcode";
import { joinLink } from "./onboarding.rules.js";

/** A join link's QR code as an SVG (for the printable sheet) — the same image the bot's /tautan offers as PNG. */
export async function joinLinkQrSvg(botUsername: string, code: string): Promise<string> {
  return QRCode.toString(joinLink(botUsername, code), { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

/** The same as a PNG, for Telegram. */
export async function joinLinkQrPng(botUsername: string, code: string): Promise<Buffer> {
  return QRCode.toBuffer(joinLink(botUsername, code), { type: "png", errorCorrectionLevel: "M", margin: 2, width: 512 });
}
