/**
 * The text of an uncompressed pdfkit PDF (`compress: false`), one string per text-showing
 * operator. pdfkit writes the standard fonts' text as hex strings inside TJ arrays, e.g.
 * `[<496e766f696365> 0] TJ`; numbers between the strings are kerning, not text.
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const shown: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    const hexes = [...match[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!);
    shown.push(hexes.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
  }
  return shown;
}
