import type { Feature, FeatureDeps } from "./feature.js";

/** The capabilities of the bot, in the order their handlers are tried. */
export function featureList(deps: FeatureDeps): Feature[] {
  void deps;
  return [];
}
