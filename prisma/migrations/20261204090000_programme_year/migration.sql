-- CreateEnum
CREATE TYPE "IndicatorReporter" AS ENUM ('member', 'group');

-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('sum', 'latest', 'max');

-- CreateEnum
CREATE TYPE "MeetingInputTopic" AS ENUM ('achievements', 'obstacles', 'proposals', 'stakeholder_input');

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "asks_obstacles" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "aggregation" "IndicatorAggregation" NOT NULL DEFAULT 'sum',
ADD COLUMN     "reported_by" "IndicatorReporter" NOT NULL DEFAULT 'member';

-- AlterTable
ALTER TABLE "report" ADD COLUMN     "obstacle" TEXT,
ADD COLUMN     "save_key" TEXT;

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "input_requested_at" TIMESTAMP(3),
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "notes_at" TIMESTAMP(3),
ADD COLUMN     "notes_by_id" INTEGER;

-- CreateTable
CREATE TABLE "group_report" (
    "id" SERIAL NOT NULL,
    "group_id" INTEGER NOT NULL,
    "week_start" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN DEFAULT true,
    "submitted_by_id" INTEGER NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMP(3),
    "save_key" TEXT,

    CONSTRAINT "group_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_report_value" (
    "id" SERIAL NOT NULL,
    "group_report_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "group_report_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "group_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "set_by_id" INTEGER,
    "set_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "baseline" (
    "id" SERIAL NOT NULL,
    "group_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "set_by_id" INTEGER,
    "set_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,

    CONSTRAINT "baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_input" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "topic" "MeetingInputTopic" NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_input_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "source" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "group_report_save_key_key" ON "group_report"("save_key");

-- CreateIndex
CREATE INDEX "group_report_group_id_week_start_idx" ON "group_report"("group_id", "week_start");

-- CreateIndex
CREATE UNIQUE INDEX "group_report_group_id_week_start_current_key" ON "group_report"("group_id", "week_start", "current");

-- CreateIndex
CREATE UNIQUE INDEX "group_report_group_id_week_start_version_key" ON "group_report"("group_id", "week_start", "version");

-- CreateIndex
CREATE UNIQUE INDEX "group_report_value_group_report_id_indicator_id_key" ON "group_report_value"("group_report_id", "indicator_id");

-- CreateIndex
CREATE INDEX "target_year_idx" ON "target"("year");

-- CreateIndex
CREATE UNIQUE INDEX "target_group_id_indicator_id_year_key" ON "target"("group_id", "indicator_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "baseline_group_id_indicator_id_year_key" ON "baseline"("group_id", "indicator_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_input_meeting_id_person_id_topic_key" ON "meeting_input"("meeting_id", "person_id", "topic");

-- CreateIndex
CREATE INDEX "audit_entry_entity_entity_id_idx" ON "audit_entry"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "report_save_key_key" ON "report"("save_key");

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_notes_by_id_fkey" FOREIGN KEY ("notes_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_report_value" ADD CONSTRAINT "group_report_value_group_report_id_fkey" FOREIGN KEY ("group_report_id") REFERENCES "group_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_report_value" ADD CONSTRAINT "group_report_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_set_by_id_fkey" FOREIGN KEY ("set_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline" ADD CONSTRAINT "baseline_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline" ADD CONSTRAINT "baseline_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline" ADD CONSTRAINT "baseline_set_by_id_fkey" FOREIGN KEY ("set_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_input" ADD CONSTRAINT "meeting_input_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_input" ADD CONSTRAINT "meeting_input_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: the seeded KSB indicators are the group's own figures (one value per group and
-- week), and "relawan aktif" is a head count (the latest value in a period, not a sum).
UPDATE "indicator" AS i SET "reported_by" = 'group'
  FROM "programme" AS p
  WHERE i."programme_id" = p."id" AND p."code" = 'ksb'
    AND i."code" IN ('kegiatan-sosialisasi', 'peserta', 'simulasi-bencana', 'relawan-aktif');
UPDATE "indicator" AS i SET "aggregation" = 'latest'
  FROM "programme" AS p
  WHERE i."programme_id" = p."id" AND p."code" = 'ksb' AND i."code" = 'relawan-aktif';

-- Data: members' earlier answers to what are now group indicators become one group report
-- per group and week (the members' rows stay, as history; totals read group indicators from
-- group_report only). Flows keep the week's total as it was shown (the sum over the members'
-- current reports); a head count takes the answer of the report submitted last.
INSERT INTO "group_report" ("group_id", "week_start", "version", "current", "submitted_by_id", "submitted_at")
SELECT r."group_id", r."week_start", 1, true,
       (ARRAY_AGG(r."submitted_by_id" ORDER BY r."submitted_at" DESC, r."id" DESC))[1],
       MAX(r."submitted_at")
  FROM "report" AS r
  JOIN "report_value" AS v ON v."report_id" = r."id"
  JOIN "indicator" AS i ON i."id" = v."indicator_id" AND i."reported_by" = 'group'
 WHERE r."current" = true
 GROUP BY r."group_id", r."week_start";

INSERT INTO "group_report_value" ("group_report_id", "indicator_id", "value")
SELECT g."id", v."indicator_id",
       CASE WHEN i."aggregation" = 'sum' THEN SUM(v."value")
            WHEN i."aggregation" = 'max' THEN MAX(v."value")
            ELSE (ARRAY_AGG(v."value" ORDER BY r."submitted_at" DESC, r."id" DESC))[1] END
  FROM "report" AS r
  JOIN "report_value" AS v ON v."report_id" = r."id"
  JOIN "indicator" AS i ON i."id" = v."indicator_id" AND i."reported_by" = 'group'
  JOIN "group_report" AS g ON g."group_id" = r."group_id" AND g."week_start" = r."week_start" AND g."current" = true
 WHERE r."current" = true
 GROUP BY g."id", v."indicator_id", i."aggregation";
