-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('active', 'left', 'unreachable', 'erased');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('staff', 'admin');

-- CreateEnum
CREATE TYPE "GroupRole" AS ENUM ('member', 'coordinator');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('active', 'left');

-- CreateEnum
CREATE TYPE "JoinRole" AS ENUM ('member', 'coordinator', 'stakeholder');

-- CreateTable
CREATE TABLE "programme" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "label_id" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "min_value" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "max_value" DECIMAL(20,4) NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "kelurahan" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stakeholder" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "telegram_id" BIGINT,
    "telegram_username" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'id',
    "status" "PersonStatus" NOT NULL DEFAULT 'active',
    "staff_role" "StaffRole",
    "stakeholder_id" INTEGER,
    "consent_at" TIMESTAMP(3),
    "consent_version" TEXT,
    "erased_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "role" "GroupRole" NOT NULL DEFAULT 'member',
    "status" "MembershipStatus" NOT NULL DEFAULT 'active',
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "left_at" TIMESTAMP(3),

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "join_code" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "role" "JoinRole" NOT NULL,
    "group_id" INTEGER,
    "stakeholder_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "max_uses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "revoked_at" TIMESTAMP(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "join_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" SERIAL NOT NULL,
    "group_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "week_start" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN DEFAULT true,
    "submitted_by_id" INTEGER NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMP(3),
    "photo_file_id" TEXT,
    "note" TEXT,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_value" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "report_value_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "programme_code_key" ON "programme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_programme_id_code_key" ON "indicator"("programme_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "group_code_key" ON "group"("code");

-- CreateIndex
CREATE UNIQUE INDEX "stakeholder_code_key" ON "stakeholder"("code");

-- CreateIndex
CREATE UNIQUE INDEX "person_telegram_id_key" ON "person"("telegram_id");

-- CreateIndex
CREATE INDEX "membership_group_id_status_idx" ON "membership"("group_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "membership_person_id_group_id_key" ON "membership"("person_id", "group_id");

-- CreateIndex
CREATE UNIQUE INDEX "join_code_code_key" ON "join_code"("code");

-- CreateIndex
CREATE INDEX "report_group_id_week_start_idx" ON "report"("group_id", "week_start");

-- CreateIndex
CREATE UNIQUE INDEX "report_group_id_member_id_week_start_current_key" ON "report"("group_id", "member_id", "week_start", "current");

-- CreateIndex
CREATE UNIQUE INDEX "report_group_id_member_id_week_start_version_key" ON "report"("group_id", "member_id", "week_start", "version");

-- CreateIndex
CREATE UNIQUE INDEX "report_value_report_id_indicator_id_key" ON "report_value"("report_id", "indicator_id");

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group" ADD CONSTRAINT "group_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_stakeholder_id_fkey" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_code" ADD CONSTRAINT "join_code_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_code" ADD CONSTRAINT "join_code_stakeholder_id_fkey" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_code" ADD CONSTRAINT "join_code_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_value" ADD CONSTRAINT "report_value_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_value" ADD CONSTRAINT "report_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
