import type { PhotoSize, Sticker } from "grammy/types";
import type { BotApiState } from "./bot-api-state.js";
import type { StoredFile } from "./bot-api-types.js";
import type { RequestParams, UploadedFile } from "./multipart.js";
import { ApiError } from "./traffic.js";

/** Files the bot or users sent: stored whole, so tests can compare bytes and bots download them. */

const MIME_TYPES: Record<string, string> = {
  csv: "text/csv", txt: "text/plain", pdf: "application/pdf", json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip: "application/zip",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif",
};

export function mimeTypeOf(filename: string, fallback = "application/octet-stream"): string {
  const ext = filename.split(".").pop()?.toLowerCase() ?? "";
  return MIME_TYPES[ext] ?? fallback;
}

/** Stores bytes as a Telegram file (`folder` is the file_path's directory: photos, documents …). */
export function storeFile(state: BotApiState, folder: string, upload: UploadedFile | { url: string }): StoredFile {
  const n = state.nextCounter();
  const name = "url" in upload ? (upload.url.split("/").pop() ?? "file") : upload.filename;
  const ext = name.includes(".") ? name.split(".").pop() : folder === "photos" ? "jpg" : "dat";
  const file: StoredFile = {
    file_id: `${folder.slice(0, 3).toUpperCase()}AgADfile${n}x${Math.random().toString(36).slice(2, 10)}`,
    file_unique_id: `AQADu${n}`,
    file_path: `${folder}/file_${n}.${ext}`,
    file_name: name,
    mime_type: "url" in upload ? mimeTypeOf(name) : mimeTypeOf(name, upload.mimeType),
    bytes: "url" in upload ? Buffer.alloc(0) : upload.bytes,
    ...("url" in upload && { url: upload.url }),
  };
  state.files.set(file.file_id, file);
  return file;
}

/** A Telegram-like size ladder: a thumbnail and the full picture, same bytes. */
export function photoSizes(state: BotApiState, file: StoredFile): PhotoSize[] {
  const thumb = storeFile(state, "photos", { filename: `thumb_${file.file_name ?? "photo.jpg"}`, mimeType: file.mime_type, bytes: file.bytes });
  return [
    { file_id: thumb.file_id, file_unique_id: thumb.file_unique_id, width: 90, height: 68, file_size: thumb.bytes.length },
    { file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1280, height: 960, file_size: file.bytes.length },
  ];
}

/** A file parameter: an upload (attach:// or a part named like the parameter), a URL, or a file_id. */
export function inputFile(state: BotApiState, p: RequestParams, key: string, folder: string): StoredFile {
  const v = p.fields[key];
  const part = typeof v === "string" && v.startsWith("attach://") ? p.files.get(v.slice(9)) : p.files.get(key);
  if (part) return storeFile(state, folder, part);
  if (typeof v === "string" && /^https?:\/\//.test(v)) return storeFile(state, folder, { url: v });
  if (typeof v === "string" && v !== "") {
    const known = state.files.get(v);
    if (!known) throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    return known;
  }
  throw new ApiError(400, `Bad Request: there is no ${key} in the request`);
}

export function stickerOf(file: StoredFile, emoji?: string): Sticker {
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    ...(emoji !== undefined && { emoji }),
  };
}

export function documentOf(file: StoredFile) {
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.bytes.length,
    mime_type: file.mime_type,
    ...(file.file_name !== undefined && { file_name: file.file_name }),
  };
}
