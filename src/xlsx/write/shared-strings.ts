/**
 * xl/sharedStrings.xml: every distinct cell text once, cells refer to it by index. Smaller files
 * than inline strings when text repeats (tiers, yes/no, headers), and the form every reader
 * handles. The table lives for the whole workbook; it is written after the sheets.
 */
import { SML_NS, XML_DECLARATION } from './namespaces';
import type { PartWriter } from './package-writer';
import { escapeText, escapeXstring, needsPreserve } from './xml-text';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  /** Index of a text already cleaned of forbidden characters. */
  add(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  async write(out: PartWriter): Promise<void> {
    out.write(`${XML_DECLARATION}<sst xmlns="${SML_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">`);
    for (let i = 0; i < this.texts.length; i++) {
      const t = this.texts[i];
      out.write(`<si><t${needsPreserve(t) ? ' xml:space="preserve"' : ''}>${escapeText(escapeXstring(t))}</t></si>`);
      if ((i & 4095) === 4095) await out.drain();
    }
    out.write('</sst>');
  }
}
