import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enUS } from "date-fns/locale/en-US";
import { id } from "date-fns/locale/id";
import type { Language } from "../../bot/context.js";

/** "Selasa, 25 Januari 2022 09.00" / "Tuesday 25 January 2022 09:00", in the zone. */
export function formatDateTime(at: Date, lang: Language, zone: string): string {
  return lang === "en" ? format(at, "EEEE d MMMM yyyy HH:mm", { in: tz(zone), locale: enUS }) : format(at, "EEEE, d MMMM yyyy HH.mm", { in: tz(zone), locale: id });
}

/** bahan-fgd-2026-03-12-7.xlsx */
export function briefingFileName(meetingId: number, startsAt: Date): string {
  return `bahan-fgd-${startsAt.toISOString().slice(0, 10)}-${meetingId}.xlsx`;
}
