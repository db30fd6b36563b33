// `npm run cli -- backup …`: a dump of the database with its manifest, and its restore. Output in English (operators).
import path from "node:path";
import type { Config } from "./config.js";
import { BackupError, createBackup, manifestPathOf, restoreBackup } from "./ops/backup.js";

export const BACKUP_USAGE = `  backup create [--out FILE]
  backup restore FILE [--force]

backup create writes a pg_dump (custom format) of DATABASE_URL to FILE (default
lapor-kelompok-<time>.dump) and FILE.manifest.json (migration, rows per table, time, sha256).
backup restore loads FILE into DATABASE_URL, which must be an empty database (--force
replaces the contents of one that is not), and checks the rows against the manifest.
`;

export class BackupUsageError extends Error {}

export type BackupCliDeps = {
  config: Config;
  clock: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
};

export async function runBackupCommand(sub: string | undefined, rest: string[], values: { out?: string; force?: boolean }, deps: BackupCliDeps): Promise<number> {
  try {
    if (sub === "create") {
      if (rest.length > 0) throw new BackupUsageError(`unexpected argument: ${rest[0]}`);
      if (values.force) throw new BackupUsageError("--force is for backup restore");
      const stamp = deps.clock().toISOString().replace(/[:.]/g, "-");
      const file = path.resolve(values.out ?? `lapor-kelompok-${stamp}.dump`);
      const manifest = await createBackup({ databaseUrl: deps.config.databaseUrl, file, clock: deps.clock });
      const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
      deps.out(
        `Backup written: ${file} (${manifest.bytes} bytes)\n` +
          `Manifest: ${manifestPathOf(file)}: ${Object.keys(manifest.rowCounts).length} tables, ${rows} rows, migration ${manifest.migration ?? "none"}\n`,
      );
      return 0;
    }
    if (sub === "restore") {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0) throw new BackupUsageError("backup restore needs exactly one FILE");
      if (values.out !== undefined) throw new BackupUsageError("--out is for backup create");
      const result = await restoreBackup({ databaseUrl: deps.config.databaseUrl, file: path.resolve(file), force: values.force ?? false });
      const rows = Object.values(result.rowCounts).reduce((sum, n) => sum + n, 0);
      deps.out(`Restored ${file}: ${Object.keys(result.rowCounts).length} tables, ${rows} rows.\n`);
      if (!result.manifest) deps.out(`No manifest (${manifestPathOf(file)}): the rows were not checked.\n`);
      else if (result.mismatches.length > 0) {
        deps.err(`Rows differ from the manifest in: ${result.mismatches.join(", ")}\n`);
        return 1;
      } else deps.out(`Every table has the rows the manifest lists (backup of ${result.manifest.createdAt}, migration ${result.manifest.migration ?? "none"}).\n`);
      return 0;
    }
    throw new BackupUsageError(`unknown command: backup ${sub ?? ""}`.trim());
  } catch (error) {
    if (error instanceof BackupError) {
      deps.err(`Error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
