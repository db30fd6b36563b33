import { onboardingFeature } from "../features/onboarding/onboarding.feature.js";
import { reportFeature } from "../features/report/report.feature.js";
import type { Feature, FeatureDeps } from "./feature.js";

/** The capabilities of the bot, in the order their handlers are tried. */
export function featureList(deps: FeatureDeps): Feature[] {
  return [onboardingFeature(deps), reportFeature(deps)];
}
