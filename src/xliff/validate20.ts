import { childElements, localName, type XmlElement } from '../io/xml.js';

/**
 * The XLIFF 2 core constraints and processing requirements a file must meet before anything reads
 * its units: the ones the schema cannot express (unique ids, references that resolve, languages
 * that agree, state and editing hints that fit together) and the ones of its grammar (known
 * elements and attributes, required children). Each violation names the element, the attribute
 * and the place; check and import both refuse a file that has any.
 */

export interface Violation {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Core attributes (without a prefix) each core element may carry; xml:* are checked apart, prefixed ones are modules'. */
const CODE_ATTRS = ['canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dir', 'type', 'subType'];
const ATTRS: Readonly<Record<string, readonly string[]>> = {
  xliff: ['version', 'srcLang', 'trgLang'],
  file: ['id', 'canResegment', 'original', 'translate', 'srcDir', 'trgDir'],
  skeleton: ['href'],
  group: ['id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type'],
  unit: ['id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type'],
  segment: ['id', 'canResegment', 'state', 'subState'],
  ignorable: ['id'],
  notes: [],
  note: ['id', 'appliesTo', 'category', 'priority'],
  originalData: [],
  data: ['id', 'dir'],
  source: [],
  target: ['order'],
  cp: ['hex'],
  ph: ['id', 'dataRef', 'disp', 'equiv', 'subFlows', ...CODE_ATTRS.filter((a) => a !== 'canOverlap')],
  pc: [
    'id',
    'dataRefStart',
    'dataRefEnd',
    'dispStart',
    'dispEnd',
    'equivStart',
    'equivEnd',
    'subFlowsStart',
    'subFlowsEnd',
    ...CODE_ATTRS,
  ],
  sc: ['id', 'dataRef', 'disp', 'equiv', 'isolated', 'subFlows', ...CODE_ATTRS],
  ec: ['id', 'startRef', 'dataRef', 'disp', 'equiv', 'isolated', 'subFlows', ...CODE_ATTRS],
  mrk: ['id', 'translate', 'type', 'ref', 'value'],
  sm: ['id', 'translate', 'type', 'ref', 'value'],
  em: ['startRef'],
};
/** Core elements that may hold elements of other namespaces (modules and extensions). */
const EXTENSIBLE = new Set(['xliff', 'file', 'skeleton', 'group', 'unit', 'mrk', 'sm']);
/** The core children each structural element may have, in order of the grammar. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  xliff: ['file'],
  file: ['skeleton', 'notes', 'unit', 'group'],
  group: ['notes', 'unit', 'group'],
  unit: ['notes', 'originalData', 'segment', 'ignorable'],
  segment: ['source', 'target'],
  ignorable: ['source', 'target'],
  notes: ['note'],
  originalData: ['data'],
  data: ['cp'],
  note: [],
  skeleton: [],
  cp: [],
  ph: [],
  ec: [],
  sc: [],
  em: [],
};
const INLINE = ['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em'];
const VALUES: Readonly<Record<string, readonly string[]>> = {
  translate: ['yes', 'no'],
  canResegment: ['yes', 'no'],
  canCopy: ['yes', 'no'],
  canDelete: ['yes', 'no'],
  canOverlap: ['yes', 'no'],
  canReorder: ['yes', 'firstNo', 'no'],
  isolated: ['yes', 'no'],
  dir: ['ltr', 'rtl', 'auto'],
  srcDir: ['ltr', 'rtl', 'auto'],
  trgDir: ['ltr', 'rtl', 'auto'],
  state: ['initial', 'translated', 'reviewed', 'final'],
  appliesTo: ['source', 'target'],
  'xml:space': ['default', 'preserve'],
};
const CODE_TYPES = ['fmt', 'ui', 'quote', 'link', 'image', 'other'];
/** A prefixed value ("my:value"), as subState, subType and custom types must be. */
const PREFIXED = /^[A-Za-z_][\w.-]*:.+$/u;

interface Where {
  readonly unit?: string;
  readonly file?: string;
}

class Validator {
  readonly violations: Violation[] = [];
  private srcLang = '';
  private trgLang: string | undefined;

  report(el: XmlElement, message: string, where: Where = {}): void {
    const place =
      where.unit !== undefined
        ? ` in unit "${where.unit}"`
        : where.file !== undefined
          ? ` in file "${where.file}"`
          : '';
    this.violations.push({ message: `${message}${place}`, line: el.line, column: el.column });
  }

  run(root: XmlElement): void {
    this.attributes(root, {});
    this.srcLang = root.attrs.srcLang ?? '';
    this.trgLang = root.attrs.trgLang;
    if (!root.attrs.srcLang) this.report(root, '<xliff> has no srcLang attribute; it is required');
    if (!root.attrs.version) this.report(root, '<xliff> has no version attribute; it is required');
    const files = this.children(root, {});
    if (!files.length) this.report(root, '<xliff> has no <file>; at least one is required');
    this.unique(files, 'file', 'id', {});
    for (const file of files) this.file(file);
  }

  /** Core children of `el`, with unknown or misplaced ones reported. */
  private children(el: XmlElement, where: Where): XmlElement[] {
    const name = localName(el.name);
    const allowed = CHILDREN[name] ?? [];
    const out: XmlElement[] = [];
    let last = -1;
    for (const child of childElements(el)) {
      if (child.name.includes(':')) {
        if (!EXTENSIBLE.has(name))
          this.report(
            child,
            `<${child.name}> is not allowed inside <${el.name}>: only core elements may appear there`,
            where,
          );
        continue;
      }
      const at = allowed.indexOf(child.name);
      if (at < 0) {
        this.report(child, `<${child.name}> is not allowed inside <${el.name}>`, where);
        continue;
      }
      // Units and groups interleave, and so do segments and ignorables; everything else keeps the grammar's order.
      const rank = ['group', 'ignorable'].includes(child.name) ? at - 1 : at;
      if (rank < last)
        this.report(
          child,
          `<${child.name}> comes after <${allowed[last]}> inside <${el.name}>; the order is ${allowed.join(', ')}`,
          where,
        );
      last = Math.max(last, rank);
      out.push(child);
    }
    return out;
  }

  private attributes(el: XmlElement, where: Where): void {
    const name = localName(el.name);
    const known = ATTRS[name] ?? [];
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
      if (attr.startsWith('xml:')) {
        if (!['xml:lang', 'xml:space'].includes(attr))
          this.report(el, `<${el.name}> has the attribute ${attr}, which XLIFF does not define`, where);
        else if (attr === 'xml:lang' && !['source', 'target'].includes(name))
          this.report(el, `<${el.name}> may not carry xml:lang; only <source> and <target> do`, where);
        else if (attr === 'xml:space' && !['file', 'group', 'unit', 'source', 'target', 'data'].includes(name))
          this.report(el, `<${el.name}> may not carry xml:space`, where);
      } else if (!attr.includes(':') && !known.includes(attr)) {
        this.report(el, `<${el.name}> has the attribute ${attr}, which it may not carry in XLIFF 2`, where);
        continue;
      }
      const allowedValues = VALUES[attr];
      if (allowedValues && !allowedValues.includes(value))
        this.report(el, `<${el.name}> has ${attr}="${value}"; it must be one of ${allowedValues.join(', ')}`, where);
    }
  }

  private file(file: XmlElement): void {
    const where = { file: file.attrs.id ?? '' };
    this.attributes(file, where);
    if (!file.attrs.id) this.report(file, '<file> has no id attribute; it is required');
    const children = this.children(file, where);
    if (!children.some((c) => c.name === 'unit' || c.name === 'group'))
      this.report(file, '<file> has no <unit> or <group>; at least one is required', where);
    const units: XmlElement[] = [];
    const groups: XmlElement[] = [];
    const walk = (parent: XmlElement, kids: readonly XmlElement[]): void => {
      if (kids.filter((k) => k.name === 'notes').length > 1)
        this.report(parent, `<${parent.name}> has more than one <notes>`, where);
      for (const child of kids) {
        if (child.name === 'skeleton') this.skeleton(child, where);
        else if (child.name === 'notes') this.notes(child, where);
        else if (child.name === 'group') {
          groups.push(child);
          this.attributes(child, where);
          if (!child.attrs.id) this.report(child, '<group> has no id attribute; it is required', where);
          walk(child, this.children(child, where));
        } else if (child.name === 'unit') units.push(child);
      }
    };
    walk(file, children);
    if (children.filter((c) => c.name === 'skeleton').length > 1)
      this.report(file, '<file> has more than one <skeleton>', where);
    this.unique(groups, 'group', 'id', where);
    this.unique(units, 'unit', 'id', where);
    for (const unit of units) this.unit(unit, where);
  }

  private skeleton(el: XmlElement, where: Where): void {
    this.attributes(el, where);
    const hasContent = el.children.some((c) => typeof c !== 'string' || c.trim() !== '');
    if (el.attrs.href !== undefined && hasContent)
      this.report(el, '<skeleton> has both an href attribute and content; it must have one of them', where);
    if (el.attrs.href === undefined && !hasContent)
      this.report(el, '<skeleton> has neither an href attribute nor content; it must have one of them', where);
  }

  private notes(el: XmlElement, where: Where): void {
    this.attributes(el, where);
    const notes = this.children(el, where);
    if (!notes.length) this.report(el, '<notes> has no <note>; at least one is required', where);
    for (const note of notes) {
      this.attributes(note, where);
      const p = note.attrs.priority;
      if (p !== undefined && !/^(?:[1-9]|10)$/u.test(p))
        this.report(note, `<note> has priority="${p}"; it must be a whole number from 1 to 10`, where);
      this.children(note, where);
    }
    this.unique(
      notes.filter((n) => n.attrs.id !== undefined),
      'note',
      'id',
      where,
    );
  }

  private unit(unit: XmlElement, fileWhere: Where): void {
    const where = { unit: unit.attrs.id ?? '' };
    this.attributes(unit, fileWhere);
    if (!unit.attrs.id) this.report(unit, '<unit> has no id attribute; it is required', fileWhere);
    const children = this.children(unit, where);
    if (children.filter((c) => c.name === 'notes').length > 1)
      this.report(unit, '<unit> has more than one <notes>', where);
    if (children.filter((c) => c.name === 'originalData').length > 1)
      this.report(unit, '<unit> has more than one <originalData>', where);
    if (!children.some((c) => c.name === 'segment'))
      this.report(unit, '<unit> has no <segment>; at least one is required', where);
    for (const n of children.filter((c) => c.name === 'notes')) this.notes(n, where);

    const data = new Set<string>();
    for (const od of children.filter((c) => c.name === 'originalData')) {
      this.attributes(od, where);
      const items = this.children(od, where);
      if (!items.length) this.report(od, '<originalData> has no <data>; at least one is required', where);
      for (const d of items) {
        this.attributes(d, where);
        if (!d.attrs.id) this.report(d, '<data> has no id attribute; it is required', where);
        else if (data.has(d.attrs.id))
          this.report(
            d,
            `<data> id="${d.attrs.id}" is used twice; ids of <data> must be unique in their <originalData>`,
            where,
          );
        else data.add(d.attrs.id);
        for (const cp of this.children(d, where)) this.cp(cp, where);
      }
    }

    const parts = children.filter((c) => c.name === 'segment' || c.name === 'ignorable');
    this.unique(
      parts.filter((p) => p.attrs.id !== undefined),
      'segment or ignorable',
      'id',
      where,
    );
    const partIds = new Set(parts.map((p) => p.attrs.id).filter((id): id is string => id !== undefined));
    const source = new Codes(this, where, data, partIds, 'source');
    const target = new Codes(this, where, data, partIds, 'target');
    const orders: Array<{ el: XmlElement; order: number }> = [];
    for (const part of parts) {
      this.attributes(part, where);
      if (part.attrs.subState !== undefined && part.attrs.state === undefined)
        this.report(
          part,
          `<${part.name}> has subState="${part.attrs.subState}" but no state; subState requires state`,
          where,
        );
      if (part.attrs.subState !== undefined && !PREFIXED.test(part.attrs.subState))
        this.report(part, `<${part.name}> has subState="${part.attrs.subState}"; it must be prefix:value`, where);
      const kids = this.children(part, where);
      const sources = kids.filter((k) => k.name === 'source');
      const targets = kids.filter((k) => k.name === 'target');
      if (sources.length !== 1)
        this.report(part, `<${part.name}> has ${sources.length} <source> elements; it must have exactly one`, where);
      if (targets.length > 1)
        this.report(part, `<${part.name}> has ${targets.length} <target> elements; it may have one`, where);
      // trgLang is required with targets, but real tools (Angular) leave it out: the language then comes from elsewhere.
      for (const s of sources) this.content(s, source, this.srcLang, 'srcLang', where);
      for (const t of targets) {
        this.content(t, target, this.trgLang, 'trgLang', where);
        if (t.attrs.order !== undefined) {
          const order = /^[1-9]\d*$/u.test(t.attrs.order) ? Number(t.attrs.order) : NaN;
          if (Number.isNaN(order) || order > parts.length)
            this.report(
              t,
              `<target> has order="${t.attrs.order}"; it must be a position from 1 to ${parts.length}`,
              where,
            );
          else orders.push({ el: t, order });
        }
      }
    }
    const seenOrders = new Set<number>();
    for (const { el, order } of orders) {
      if (seenOrders.has(order))
        this.report(el, `<target> order="${order}" is used twice in the unit; each position may be taken once`, where);
      seenOrders.add(order);
    }
    source.finish();
    target.finish(source);
    if (parts.some((p) => childElements(p, 'target').length)) source.compareTo(target);
  }

  private content(el: XmlElement, codes: Codes, lang: string | undefined, langAttr: string, where: Where): void {
    this.attributes(el, where);
    const declared = el.attrs['xml:lang'];
    if (declared !== undefined && lang !== undefined && declared.toLowerCase() !== lang.toLowerCase())
      this.report(
        el,
        `<${el.name}> has xml:lang="${declared}", but <xliff> has ${langAttr}="${lang}"; they must be the same`,
        where,
      );
    codes.walk(el);
  }

  cp(el: XmlElement, where: Where): void {
    this.attributes(el, where);
    const hex = el.attrs.hex;
    if (hex === undefined) this.report(el, '<cp> has no hex attribute; it is required', where);
    else if (!/^[0-9A-Fa-f]{1,6}$/u.test(hex) || Number.parseInt(hex, 16) > 0x10ffff)
      this.report(el, `<cp> has hex="${hex}", which is not a Unicode code point`, where);
  }

  attrs(el: XmlElement, where: Where): void {
    this.attributes(el, where);
  }

  unique(els: readonly XmlElement[], what: string, attr: string, where: Where): void {
    const seen = new Set<string>();
    for (const el of els) {
      const id = el.attrs[attr];
      if (id === undefined) continue;
      if (seen.has(id))
        this.report(el, `<${el.name}> ${attr}="${id}" is used twice; ids of ${what} elements must be unique`, where);
      seen.add(id);
    }
  }
}

interface Code {
  readonly el: XmlElement;
  readonly kind: string;
}

/** The inline codes and markers of one side (source or target) of a unit, and the rules between them. */
class Codes {
  readonly byId = new Map<string, Code>();
  private readonly openSc = new Map<string, XmlElement>();
  private readonly openSm = new Set<string>();
  private readonly copyOfs: XmlElement[] = [];

  constructor(
    private readonly v: Validator,
    private readonly where: Where,
    private readonly data: ReadonlySet<string>,
    private readonly partIds: ReadonlySet<string>,
    private readonly side: string,
  ) {}

  walk(parent: XmlElement): void {
    for (const el of childElements(parent)) {
      const name = el.name;
      if (!INLINE.includes(name)) {
        this.v.report(el, `<${name}> is not allowed inside <${parent.name}>`, this.where);
        continue;
      }
      this.v.attrs(el, this.where);
      if (name === 'cp') {
        this.v.cp(el, this.where);
        continue;
      }
      this.refs(el);
      if (name === 'ec') this.ec(el);
      else if (name === 'em') this.em(el);
      else this.register(el);
      if (['ph', 'sc', 'ec', 'em', 'sm'].includes(name) && childElements(el).length)
        this.v.report(el, `<${name}> must be empty`, this.where);
      if (name === 'pc' || name === 'mrk') this.walk(el);
    }
  }

  private register(el: XmlElement): void {
    const id = el.attrs.id;
    if (id === undefined) {
      this.v.report(el, `<${el.name}> has no id attribute; it is required`, this.where);
      return;
    }
    if (this.byId.has(id) || this.partIds.has(id))
      this.v.report(
        el,
        `<${el.name}> id="${id}" is used twice in the ${this.side}; ids of segments, ignorables, codes and markers must be unique in a unit`,
        this.where,
      );
    else this.byId.set(id, { el, kind: el.name });
    if (el.name === 'sc' && el.attrs.isolated !== 'yes') this.openSc.set(id, el);
    if (el.name === 'sm') this.openSm.add(id);
    if (['ph', 'pc', 'sc', 'ec'].includes(el.name)) this.codeRules(el);
    if (el.name === 'mrk' || el.name === 'sm') this.markerRules(el);
  }

  private ec(el: XmlElement): void {
    if (el.attrs.isolated === 'yes') {
      if (el.attrs.startRef !== undefined)
        this.v.report(el, '<ec isolated="yes"> has a startRef; an isolated <ec> has an id instead', this.where);
      this.register(el);
      return;
    }
    const ref = el.attrs.startRef;
    if (ref === undefined) {
      this.v.report(el, '<ec> has no startRef; a non-isolated <ec> must name its <sc>', this.where);
      return;
    }
    if (el.attrs.id !== undefined)
      this.v.report(el, '<ec> has an id and a startRef; only an isolated <ec> has an id', this.where);
    if (!this.openSc.has(ref))
      this.v.report(
        el,
        `<ec> has startRef="${ref}", but no <sc id="${ref}"> comes before it in the unit's ${this.side}`,
        this.where,
      );
    this.openSc.delete(ref);
    this.codeRules(el);
  }

  private em(el: XmlElement): void {
    const ref = el.attrs.startRef;
    if (ref === undefined) this.v.report(el, '<em> has no startRef; it is required', this.where);
    else if (!this.openSm.delete(ref))
      this.v.report(
        el,
        `<em> has startRef="${ref}", but no open <sm id="${ref}"> comes before it in the unit's ${this.side}`,
        this.where,
      );
  }

  private refs(el: XmlElement): void {
    for (const attr of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
      const ref = el.attrs[attr];
      if (ref !== undefined && !this.data.has(ref))
        this.v.report(el, `<${el.name}> has ${attr}="${ref}", but the unit has no <data id="${ref}">`, this.where);
    }
    if (el.attrs.copyOf !== undefined) this.copyOfs.push(el);
  }

  private codeRules(el: XmlElement): void {
    const a = el.attrs;
    if (a.type !== undefined && !CODE_TYPES.includes(a.type))
      this.v.report(el, `<${el.name}> has type="${a.type}"; it must be one of ${CODE_TYPES.join(', ')}`, this.where);
    if (a.subType !== undefined) {
      if (a.type === undefined)
        this.v.report(el, `<${el.name}> has subType="${a.subType}" but no type; subType requires type`, this.where);
      if (!PREFIXED.test(a.subType))
        this.v.report(el, `<${el.name}> has subType="${a.subType}"; it must be prefix:value`, this.where);
      else if (a.subType.startsWith('xlf:')) this.xlfSubType(el, a.subType, a.type);
    }
    const reorder = a.canReorder ?? 'yes';
    if (reorder !== 'yes' && ((a.canCopy ?? 'yes') !== 'no' || (a.canDelete ?? 'yes') !== 'no'))
      this.v.report(
        el,
        `<${el.name}> has canReorder="${reorder}", which requires canCopy="no" and canDelete="no"`,
        this.where,
      );
    if (a.dataRef !== undefined && a.copyOf !== undefined)
      this.v.report(
        el,
        `<${el.name}> has both dataRef and copyOf; a copy takes its data from the original`,
        this.where,
      );
  }

  private xlfSubType(el: XmlElement, subType: string, type: string | undefined): void {
    const fmt = ['xlf:lb', 'xlf:pb', 'xlf:b', 'xlf:i', 'xlf:u'];
    if (fmt.includes(subType) && type !== 'fmt')
      this.v.report(el, `<${el.name}> has subType="${subType}", which requires type="fmt"`, this.where);
    else if (subType === 'xlf:var' && type !== 'ui')
      this.v.report(el, `<${el.name}> has subType="xlf:var", which requires type="ui"`, this.where);
    else if (![...fmt, 'xlf:var'].includes(subType))
      this.v.report(el, `<${el.name}> has subType="${subType}", which XLIFF does not define`, this.where);
  }

  private markerRules(el: XmlElement): void {
    const type = el.attrs.type;
    if (type !== undefined && !['generic', 'comment', 'term'].includes(type) && !PREFIXED.test(type))
      this.v.report(
        el,
        `<${el.name}> has type="${type}"; it must be generic, comment, term or prefix:value`,
        this.where,
      );
    if (type === 'comment' && el.attrs.value === undefined && el.attrs.ref === undefined)
      this.v.report(
        el,
        `<${el.name} type="comment"> has neither value nor ref; a comment needs one of them`,
        this.where,
      );
    if (type === 'comment' && el.attrs.value !== undefined && el.attrs.ref !== undefined)
      this.v.report(el, `<${el.name} type="comment"> has both value and ref; it must have one of them`, this.where);
  }

  /** Each copyOf names a code of the same kind in the source or this side; each <sc> not isolated found its <ec>. */
  finish(source: Codes = this): void {
    for (const [id, el] of this.openSc)
      this.v.report(
        el,
        `<sc id="${id}"> has no <ec startRef="${id}"> after it in the unit's ${this.side}; mark it isolated="yes" if its end is elsewhere`,
        this.where,
      );
    for (const el of this.copyOfs) {
      const id = el.attrs.copyOf ?? '';
      const original = this.byId.get(id) ?? source.byId.get(id);
      if (!original)
        this.v.report(el, `<${el.name}> has copyOf="${id}", but no code with that id is in the unit`, this.where);
      else if (original.kind !== el.name)
        this.v.report(
          el,
          `<${el.name}> has copyOf="${id}", which names a <${original.kind}>; a copy is of the same kind`,
          this.where,
        );
    }
  }

  /** The target keeps every code the source says may not be deleted, and adds only codes it may copy. */
  compareTo(target: Codes): void {
    for (const [id, { el }] of this.byId) {
      if (!['ph', 'pc', 'sc', 'ec'].includes(el.name)) continue;
      if (el.attrs.canDelete === 'no' && !target.byId.has(id))
        this.v.report(el, `<${el.name} id="${id}"> has canDelete="no", but the target does not have it`, this.where);
      const other = target.byId.get(id);
      if (other && other.kind !== el.name && !(el.name === 'pc' || other.kind === 'pc'))
        this.v.report(
          other.el,
          `<${other.kind} id="${id}"> in the target is a <${el.name}> in the source; a code keeps its kind`,
          this.where,
        );
    }
    for (const [id, { el }] of target.byId) {
      if (!['ph', 'pc', 'sc', 'ec'].includes(el.name) || this.byId.has(id)) continue;
      if (el.attrs.copyOf === undefined) continue;
      const original = this.byId.get(el.attrs.copyOf);
      if (original && original.el.attrs.canCopy === 'no')
        this.v.report(el, `<${el.name}> copies "${el.attrs.copyOf}", which has canCopy="no" in the source`, this.where);
    }
  }
}

/** Every violation of the XLIFF 2 core constraints in a parsed file, in document order. */
export function validateXliff20(root: XmlElement): Violation[] {
  const v = new Validator();
  v.run(root);
  return [...v.violations].sort((a, b) => a.line - b.line || a.column - b.column);
}
