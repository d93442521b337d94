import { numberIn, optionalText, projectFile, type SettingsOf } from '../settings.js';

/** The translation memory's settings (the "tm" section): its file, and what counts as a fuzzy match worth offering. */
export const TM_SETTINGS = {
  path: projectFile('tm/project.db'),
  /** Where the memory lives when it is not the project's SQLite file (postgres://…); LOCFLOW_TM_URL wins over it. */
  url: optionalText(),
  /** Lowest fuzzy score (0–100) offered to translators. */
  fuzzyThreshold: numberIn(75, 1, 100),
  maxMatches: numberIn(3, 0, 20),
};

export type TmSettings = SettingsOf<typeof TM_SETTINGS>;
