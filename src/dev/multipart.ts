import type { IncomingMessage } from "node:http";
import busboy from "busboy";

/** A file part of a multipart/form-data request. */
export interface UploadedFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** The parameters of one Bot API call, whichever way they were sent. */
export interface RequestParams {
  /** Field values: parsed JSON for a JSON body, strings otherwise. */
  fields: Record<string, unknown>;
  /** Uploaded files by part name (grammY names them randomly and refers to them as attach://name). */
  files: Map<string, UploadedFile>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Reads the parameters of a Bot API request like Telegram does: query string, then a JSON,
 * urlencoded or multipart body. Multipart goes through busboy because grammY writes
 * `filename=r.csv` unquoted, which stricter parsers (undici's formData) reject.
 */
export async function readRequestParams(req: IncomingMessage, query: URLSearchParams): Promise<RequestParams> {
  const fields: Record<string, unknown> = Object.fromEntries(query);
  const files = new Map<string, UploadedFile>();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    await readMultipart(req, fields, files);
    return { fields, files };
  }
  const body = await readBody(req);
  if (body.length === 0) return { fields, files };
  const text = body.toString("utf8");
  if (type.startsWith("application/x-www-form-urlencoded")) {
    Object.assign(fields, Object.fromEntries(new URLSearchParams(text)));
  } else {
    // JSON is the default, as for Telegram: clients often omit the content type.
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BodyError("Bad Request: can't parse JSON body");
    }
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(fields, parsed);
  }
  return { fields, files };
}

/** A request body that cannot be read; answered with 400. */
export class BodyError extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyError("Request Entity Too Large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function readMultipart(
  req: IncomingMessage,
  fields: Record<string, unknown>,
  files: Map<string, UploadedFile>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY_BYTES } });
    } catch (err) {
      reject(new BodyError(`Bad Request: ${(err as Error).message}`));
      return;
    }
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => reject(new BodyError("Request Entity Too Large")));
      stream.on("end", () => {
        files.set(name, { filename: info.filename ?? name, mimeType: info.mimeType, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("error", (err: Error) => reject(new BodyError(`Bad Request: ${err.message}`)));
    parser.on("close", () => resolve());
    req.pipe(parser);
  });
}
