import { dirname, join } from 'node:path';
import { CONFIG_FILE, readConfig } from '../config/config.js';
import { loadFormats } from '../formats/registry.js';
import type { Project } from './project.js';
import { checkDocumentPaths, sourceDocuments, type SourceDocument } from './sources.js';

/**
 * Opens the project a configuration file describes. Missing sources and documents that would write the same
 * files are reported now, not halfway through a command.
 */
export async function loadProject(
  root: string,
  configPath = join(root, CONFIG_FILE),
  /** Told the sources as soon as they are listed, before they are checked (a command starting its work early). */
  listed?: (sources: readonly SourceDocument[]) => void,
): Promise<Project> {
  const config = await readConfig(configPath);
  const project = { root: dirname(configPath), configPath, config };
  const sources = sourceDocuments(project);
  listed?.(sources);
  checkDocumentPaths(project, sources);
  await loadFormats(sources.map((d) => d.file)); // only the parsers this project's files need
  return project;
}
