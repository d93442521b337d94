/** Hostile units for the QA checks, each function giving about `size` characters. */
export declare const ADVERSARIAL: Readonly<Record<string, (size: number) => string>>;
/** A paragraph of about `size` characters full of tag pairs, crossed in the target; the two sides as Content. */
export declare function manyCodes(size: number): {
  source: import('../src/model/content.js').Content;
  target: import('../src/model/content.js').Content;
};
