/** Hostile units for the QA checks, each function giving about `size` characters. */
export declare const ADVERSARIAL: Readonly<Record<string, (size: number) => string>>;
