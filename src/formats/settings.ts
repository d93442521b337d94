import { regexps, strings } from '../settings.js';

/** The keys and defaults the text and Markdown formats read from the configuration's "text" section. */

/** Lines that are site furniture rather than article text. */
export const DEFAULT_BOILERPLATE: readonly RegExp[] = [
  /^powered by\b/iu,
  /^(?:sign up|subscribe)\b.{0,80}$/iu,
  /^(?:copyright\b|©)/iu,
  /^all rights reserved\b/iu,
];

/** Labels that introduce a link to another story ("Live updates: …"). */
export const DEFAULT_RELATED: readonly string[] = [
  'live updates',
  'live',
  'read more',
  'read also',
  'also read',
  'related',
  'more',
  'see also',
  'watch',
  'listen',
  'follow',
];

export const TEXT_ARTICLE_SETTINGS = {
  boilerplate: regexps(
    DEFAULT_BOILERPLATE.map((r) => r.source),
    'iu',
  ),
  relatedLabels: strings(DEFAULT_RELATED),
};

export const MARKDOWN_SETTINGS = { frontMatter: strings(['title', 'description', 'summary']) };
