#!/bin/sh
# The compose "backup" service (in the postgres image, whose pg_dump matches the server):
# once a day at BACKUP_AT (HH:MM, UTC), a pg_dump of the database in custom format with its
# manifest — the same FILE + FILE.manifest.json as `npm run cli -- backup create`, so
# `npm run cli -- backup restore FILE` checks it — into /backups/daily; Sundays' also into
# /backups/weekly; keeps the newest BACKUP_KEEP_DAILY (14) and BACKUP_KEEP_WEEKLY (8).
# Connection: the libpq variables PGHOST, PGUSER, PGPASSWORD, PGDATABASE.
# `backup-loop.sh once` makes one backup now and exits.
set -eu
BACKUP_AT="${BACKUP_AT:-02:30}"
KEEP_DAILY="${BACKUP_KEEP_DAILY:-14}"
KEEP_WEEKLY="${BACKUP_KEEP_WEEKLY:-8}"
DIR="${BACKUP_DIR:-/backups}"
mkdir -p "$DIR/daily" "$DIR/weekly"

backup_once() {
  stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
  file="$DIR/daily/lapor-kelompok-$stamp.dump"
  # The counts and the dump read one snapshot: the manifest says exactly what the dump holds.
  psql -X -q -v ON_ERROR_STOP=1 -v file="$file" <<'SQL'
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot() AS snap \gset
\setenv SNAPSHOT :snap
\setenv FILE :file
\! pg_dump --format=custom --no-owner --no-privileges --snapshot="$SNAPSHOT" --file="$FILE.part"
\t on
\a
\o :file.counts
SELECT json_build_object(
  'format', 'lapor-kelompok-backup/1',
  'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'database', current_database(),
  'migration', (SELECT max(migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL),
  'migrations', (SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL),
  'rowCounts', (SELECT json_object_agg(tablename, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', tablename), false, true, '')))[1]::text::bigint ORDER BY tablename)
                FROM pg_tables WHERE schemaname = 'public'));
\o
ROLLBACK;
SQL
  [ -s "$file.part" ] || { echo "backup: pg_dump wrote nothing" >&2; exit 1; }
  mv "$file.part" "$file"
  sha=$(sha256sum "$file" | cut -d' ' -f1)
  bytes=$(wc -c < "$file" | tr -d ' ')
  # The counts' JSON object, with the checksum and size added before its closing brace.
  sed -e "s/}\$/, \"sha256\" : \"$sha\", \"bytes\" : $bytes}/" "$file.counts" > "$file.manifest.json"
  rm -f "$file.counts"
  if [ "$(date -u +%u)" = 7 ]; then
    cp "$file" "$DIR/weekly/" && cp "$file.manifest.json" "$DIR/weekly/"
  fi
  prune "$DIR/daily" "$KEEP_DAILY"
  prune "$DIR/weekly" "$KEEP_WEEKLY"
  echo "backup: $file ($bytes bytes)"
}

# Keeps the newest $2 dumps (names sort by time) and their manifests.
prune() {
  ls -1 "$1"/*.dump 2>/dev/null | sort -r | tail -n +"$(($2 + 1))" | while read -r old; do
    rm -f "$old" "$old.manifest.json"
  done
}

if [ "${1:-}" = once ]; then
  backup_once
  exit 0
fi
while :; do
  now=$(date -u +%s)
  next=$(date -u -d "$(date -u +%Y-%m-%d) $BACKUP_AT" +%s)
  [ "$next" -gt "$now" ] || next=$((next + 86400))
  sleep $((next - now))
  backup_once || echo "backup: failed; next try tomorrow at $BACKUP_AT UTC" >&2
done
