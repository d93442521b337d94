import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Every element of a parsed ICU message, nested ones too (plural and select options, tag children), in order. */
export function* icuElements<E extends MessageFormatElement>(elements: readonly E[]): Generator<E> {
  for (const e of elements) {
    yield e;
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) yield* icuElements(option.value as E[]);
    else if (e.type === TYPE.tag) yield* icuElements(e.children as E[]);
  }
}
