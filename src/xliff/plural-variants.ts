/**
 * Xcode's plural variants: a .stringsdict entry exported as one trans-unit per form
 * ("/%d new messages:dict/messages:dict/one:dict/:string"), or a string catalog's ("%lld items|==|plural.one").
 */
const VARIANT = [
  /^\/(?<message>.*):dict\/(?<variable>[^/]*):dict\/(?<form>zero|one|two|few|many|other):dict\/:string$/u,
  /^(?<message>.*)\|==\|(?<variable>(?:[\w.]+\.)?)plural\.(?<form>zero|one|two|few|many|other)$/u,
];

export interface PluralVariant {
  /** The message the variants belong to ("%d new messages"). */
  readonly message: string;
  /** The plural variable of the message (stringsdict), or the device (string catalog); may be "". */
  readonly variable: string;
  /** The CLDR plural form: zero, one, two, few, many or other. */
  readonly form: string;
}

export function pluralVariant(id: string): PluralVariant | undefined {
  for (const pattern of VARIANT) {
    const g = pattern.exec(id)?.groups;
    if (g) return { message: g.message!, variable: g.variable!.replace(/\.$/u, ''), form: g.form! };
  }
  return undefined;
}

/** The id of another form of the plural variant `id`: its form part replaced. */
export function variantId(id: string, form: string): string {
  return id.replace(/(?<=\/)(?:zero|one|two|few|many|other)(?=:dict\/:string$)|(?<=plural\.)\w+$/u, form);
}

/**
 * How a person names a unit of Xcode's plural entries: a variant by its message and form ('"%d new messages",
 * form "one"'), the entry's format string ("%#@messages@") as the message's format; other ids: undefined.
 */
export function pluralEntryName(id: string): string | undefined {
  const variant = pluralVariant(id);
  if (variant) return `"${variant.message}", form "${variant.form}"`;
  const format = /^\/(.*):dict\/NSStringLocalizedFormatKey:dict\/:string$/u.exec(id);
  return format ? `"${format[1]}", format` : undefined;
}
