import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { bestEffort } from "../../src/lib/best-effort.js";
import { createLogger } from "../../src/logger.js";

function recordingLogger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger(level, destination), lines };
}

describe("bestEffort", () => {
  it("gives the step's value when it succeeds, and logs nothing", async () => {
    const { log, lines } = recordingLogger("debug");
    expect(await bestEffort(Promise.resolve(42), log, "answer the press")).toBe(42);
    expect(lines).toEqual([]);
  });

  it("swallows a failure and logs it at debug with what failed", async () => {
    const { log, lines } = recordingLogger("debug");
    expect(await bestEffort(Promise.reject(new Error("query is too old")), log, "answer the press")).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, what: "answer the press", msg: "best-effort step failed", err: { message: "query is too old" } });
  });

  it("is silent at the usual info level", async () => {
    const { log, lines } = recordingLogger("info");
    await bestEffort(Promise.reject(new Error("gone")), log, "delete the old message");
    expect(lines).toEqual([]);
  });
});
