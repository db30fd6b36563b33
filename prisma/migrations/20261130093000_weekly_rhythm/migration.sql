-- CreateEnum
CREATE TYPE "PrivacyEventKind" AS ENUM ('erased', 'consent_withdrawn', 'reminders_off', 'reminders_on');

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "achievement_en" TEXT,
ADD COLUMN     "achievement_id" TEXT;

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "reminders_off" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "outgoing_message" ADD COLUMN     "announcement_id" INTEGER;

-- CreateTable
CREATE TABLE "privacy_event" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "kind" "PrivacyEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "privacy_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "photo_file_id" TEXT,
    "audience" JSONB NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reported_at" TIMESTAMP(3),

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "privacy_event_person_id_idx" ON "privacy_event"("person_id");

-- CreateIndex
CREATE INDEX "outgoing_message_announcement_id_idx" ON "outgoing_message"("announcement_id");

-- AddForeignKey
ALTER TABLE "outgoing_message" ADD CONSTRAINT "outgoing_message_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "privacy_event" ADD CONSTRAINT "privacy_event_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
