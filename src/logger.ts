import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Names, phone numbers and message texts must never be logged: callers
 * log ids only, and these paths are redacted as a second line of defence.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "lapor-kelompok" },
      redact: {
        paths: [
          "name",
          "phone",
          "text",
          "*.name",
          "*.phone",
          "*.first_name",
          "*.last_name",
          "*.username",
          "*.phone_number",
          "*.text",
          "token",
          "*.token",
        ],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
