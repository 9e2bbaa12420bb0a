/** Reading exported XML back in tests, with xmlbuilder2's parser (namespace-aware DOM). */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NAR_NS } from '../../src/main/services/export/newsml.ts';

interface ElementLike {
  readonly nodeType: number;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface ParsedXml {
  /** Every element with this local name and namespace, in document order. */
  all(localName: string, namespace?: string): ElementLike[];
  one(localName: string, namespace?: string): ElementLike;
  /** Local names of an element's child elements, in order. */
  childNames(localName: string, namespace?: string): string[];
  root: ElementLike;
}

const asElement = (node: XMLBuilder): ElementLike => node.node as unknown as ElementLike;

export function parseXml(xml: string): ParsedXml {
  const doc = create(xml);
  const all = (localName: string, namespace = NAR_NS) =>
    doc
      .filter((n) => {
        const el = asElement(n);
        return el.nodeType === 1 && el.localName === localName && el.namespaceURI === namespace;
      }, false, true)
      .map(asElement);
  const one = (localName: string, namespace = NAR_NS) => {
    const found = all(localName, namespace);
    if (found.length !== 1) throw new Error(`Expected one <${localName}>, found ${found.length}`);
    return found[0];
  };
  const childNames = (localName: string, namespace = NAR_NS) => {
    const target = one(localName, namespace);
    const parent = doc.find((n) => asElement(n) === target, false, true);
    return (parent?.filter((n) => asElement(n).nodeType === 1) ?? []).map((n) => asElement(n).localName);
  };
  return { all, one, childNames, root: asElement(doc.root()) };
}
