/**
 * An error the user can act on: it names the file and place, says what is
 * wrong and what to do. The CLI prints it and exits with `exitCode`.
 */
export class LocflowError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, where: { file?: string; line?: number; column?: number; hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'LocflowError';
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.hint !== undefined) this.hint = where.hint;
    this.exitCode = where.exitCode ?? 2;
  }

  /** "file:line:col: message" and the hint on its own line. */
  format(): string {
    const place = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':');
    return `${place ? `${place}: ` : ''}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}
