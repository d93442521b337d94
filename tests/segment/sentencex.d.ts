// The sentencex package (a development dependency, for comparison) ships no types.
declare module 'sentencex' {
  export function segment(language: string, text: string): string[];
}
