import { join } from 'node:path';
import { EMPTY_GLOSSARY, loadGlossary } from '../qa/glossary.js';
import type { RunOptions } from '../qa/runner.js';
import type { Project } from './project.js';

/** The project's QA settings as the checks take them: its glossary read, severities, suppressions, check options. */
export function qaOptions(project: Project): RunOptions {
  const { qa, sourceLanguage } = project.config;
  return {
    glossary: qa.glossary ? loadGlossary(join(project.root, qa.glossary), sourceLanguage) : EMPTY_GLOSSARY,
    severities: qa.severity,
    suppress: qa.suppress,
    settings: qa.options,
  };
}
