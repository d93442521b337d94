import type { Config } from '../config/config.js';

/** A project: its folder, its configuration file and what that file says (opened by load.ts). */
export interface Project {
  readonly root: string;
  readonly configPath: string;
  readonly config: Config;
}
