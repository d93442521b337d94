/**
 * Counts the Intl.DateTimeFormat objects made while it is installed: a written-out table must spare a run the
 * Intl formats it replaces. `restore()` puts the real constructor back (call it in a `finally`).
 */
export function countDateFormats(): { readonly made: number; restore(): void } {
  const original = Intl.DateTimeFormat;
  let made = 0;
  const counting = new Proxy(original, {
    construct: (target, args: unknown[]) => {
      made++;
      return Reflect.construct(target, args) as object;
    },
  });
  Object.defineProperty(Intl, 'DateTimeFormat', { value: counting, configurable: true, writable: true });
  return {
    get made() {
      return made;
    },
    restore: () =>
      Object.defineProperty(Intl, 'DateTimeFormat', { value: original, configurable: true, writable: true }),
  };
}
