/** `text` as a regular expression's source that matches it literally (every pattern syntax character escaped). */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
