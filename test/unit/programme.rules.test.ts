import { describe, expect, it } from "vitest";
import { applyIndicatorPatch, changedFields, cleanName, groupCodeFor, type IndicatorFields } from "../../src/features/programme/programme.rules.js";

const lilin: IndicatorFields = {
  labelId: "Lilin terjual", labelEn: "Candles sold", minValue: "0", maxValue: "5000", position: 2, required: true, reportedBy: "member", aggregation: "sum",
};

describe("programme change rules", () => {
  it("cleans names and refuses empty, command-like or overlong ones", () => {
    expect(cleanName("  Mariojela   Karang  Rejo ")).toBe("Mariojela Karang Rejo");
    expect(cleanName(" ")).toBeNull();
    expect(cleanName("/lapor")).toBeNull();
    expect(cleanName("x".repeat(121))).toBeNull();
  });

  it("makes a group code from the programme and the name", () => {
    expect(groupCodeFor("ksb", "Kampung Siaga Bencana Manggar")).toBe("ksb-kampung-siaga-bencana-manggar");
    expect(groupCodeFor("proklim", "Kelurahan Gunung Samarinda Baru — RT 05")).toBe("proklim-kelurahan-gunung-samarinda-baru-rt-05");
    expect(groupCodeFor("ksb", "!!!")).toBe("ksb-kelompok");
  });

  it("applies an indicator change: bounds read the Indonesian way and kept in order, kinds from the enums", () => {
    expect(applyIndicatorPatch(lilin, { maxValue: "1.250,5", required: false })).toEqual({ kind: "ok", next: { ...lilin, maxValue: "1250.5", required: false } });
    expect(applyIndicatorPatch(lilin, { minValue: "6000" })).toEqual({ kind: "invalid", issue: "bounds" });
    expect(applyIndicatorPatch(lilin, { maxValue: "-1" })).toEqual({ kind: "invalid", issue: "bounds" });
    expect(applyIndicatorPatch(lilin, { labelId: " " })).toEqual({ kind: "invalid", issue: "label" });
    expect(applyIndicatorPatch(lilin, { position: 1.5 })).toEqual({ kind: "invalid", issue: "position" });
    expect(applyIndicatorPatch(lilin, { aggregation: "average" as never })).toEqual({ kind: "invalid", issue: "aggregation" });
    expect(applyIndicatorPatch(lilin, {})).toEqual({ kind: "invalid", issue: "empty" });
  });

  it("keeps only what changed for the audit", () => {
    expect(changedFields(lilin, { ...lilin, required: false })).toEqual({ before: { required: true }, after: { required: false } });
    expect(changedFields(lilin, { ...lilin })).toBeNull();
  });
});
