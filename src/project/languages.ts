import { LocflowError } from '../errors.js';
import { intlCanonicalTag } from '../model/language.js';
import type { Project } from './project.js';

/** The languages a command works on: those asked for, each checked against the config. */
export function chooseLanguages(project: Project, requested: readonly string[] | undefined): string[] {
  if (!requested || requested.length === 0) return [...project.config.targetLanguages];
  return requested.map((tag) => {
    const canonical = intlCanonicalTag(tag);
    if (canonical === undefined)
      throw new LocflowError(`"${tag}" is not a valid language tag`, {
        hint: 'use a BCP 47 tag such as "es" or "fr-CA"',
      });
    if (!project.config.targetLanguages.includes(canonical)) {
      throw new LocflowError(`"${tag}" is not a target language of this project`, {
        file: project.configPath,
        hint: `targets: ${project.config.targetLanguages.join(', ')}; add it to targetLanguages to work on it`,
      });
    }
    return canonical;
  });
}
