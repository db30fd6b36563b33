import { onboardingFeature } from "../features/onboarding/onboarding.feature.js";
import { reportFeature } from "../features/report/report.feature.js";
import { meetingFeature } from "../features/meeting/meeting.feature.js";
import { meetingStaffFeature } from "../features/meeting/meeting.staff.feature.js";
import { reminderFeature } from "../features/reminder/reminder.feature.js";
import { announcementFeature } from "../features/announcement/announcement.feature.js";
import { privacyFeature } from "../features/privacy/privacy.feature.js";
import { achievementFeature } from "../features/achievement/achievement.feature.js";
import { exportFeature } from "../features/export/export.feature.js";
import { summaryFeature } from "../features/summary/summary.feature.js";
import { targetFeature } from "../features/target/target.feature.js";
import { meetingInputFeature } from "../features/meeting/meeting.input.feature.js";
import { consoleFeature } from "../features/console/console.feature.js";
import { programmeFeature } from "../features/programme/programme.feature.js";
import type { Feature, FeatureDeps } from "./feature.js";

/** The capabilities of the bot, in the order their handlers are tried. */
export function featureList(deps: FeatureDeps): Feature[] {
  return [onboardingFeature(deps), reportFeature(deps), meetingFeature(deps), meetingStaffFeature(deps), reminderFeature(deps), announcementFeature(deps), privacyFeature(deps), achievementFeature(deps), exportFeature(deps), summaryFeature(deps), targetFeature(deps), meetingInputFeature(deps), consoleFeature(deps), programmeFeature(deps)];
}
