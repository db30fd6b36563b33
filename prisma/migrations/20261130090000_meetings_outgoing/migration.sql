-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateEnum
CREATE TYPE "RsvpAnswer" AS ENUM ('yes', 'no', 'maybe');

-- CreateEnum
CREATE TYPE "CheckInMethod" AS ENUM ('code', 'button', 'staff');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'sent', 'failed', 'unreachable', 'skipped');

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "unreachable_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "agenda" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'scheduled',
    "audience" JSONB NOT NULL,
    "check_in_code" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "group_id" INTEGER,
    "stakeholder_id" INTEGER,
    "answer" "RsvpAnswer",
    "answered_at" TIMESTAMP(3),
    "reason" TEXT,
    "checked_in_at" TIMESTAMP(3),
    "check_in_method" "CheckInMethod",
    "checked_in_by_id" INTEGER,
    "message_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_message" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    "meeting_id" INTEGER,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "telegram_message_id" INTEGER,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outgoing_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_starts_at_idx" ON "meeting"("starts_at");

-- CreateIndex
CREATE INDEX "invitation_meeting_id_answer_idx" ON "invitation"("meeting_id", "answer");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_meeting_id_person_id_key" ON "invitation"("meeting_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_message_key_key" ON "outgoing_message"("key");

-- CreateIndex
CREATE INDEX "outgoing_message_meeting_id_purpose_idx" ON "outgoing_message"("meeting_id", "purpose");

-- CreateIndex
CREATE INDEX "outgoing_message_person_id_idx" ON "outgoing_message"("person_id");

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_stakeholder_id_fkey" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_message" ADD CONSTRAINT "outgoing_message_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_message" ADD CONSTRAINT "outgoing_message_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
