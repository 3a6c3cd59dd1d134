/** A small element tree of an XML part (local names, no namespaces), for tests that read parts. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name ("barChart" for <c:barChart>). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const parser = new SaxesParser();
  const local = (n: string) => n.replace(/^.*:/, '');
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes as Record<string, string>)) attrs[local(k)] = v;
    const el: XmlElement = { name: local(node.name), attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root.children[0];
}

/** Children with this local name. */
export function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first element along a path of local names ("chart/title"). */
export function child(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const name of path.split('/')) cur = cur?.children.find((c) => c.name === name);
  return cur;
}

/** All descendants with this local name. */
export function descendants(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
