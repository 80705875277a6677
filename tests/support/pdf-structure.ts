import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A tagged PDF's structure as a screen reader walks it (pdfjs `getStructTree`): every element in
 * reading order, one line each, indented by depth, with the text of its own marked content
 * (`Note: 1 By the end...`). A link's annotation shows as `[annotation]`.
 */

interface StructNode {
  role?: string;
  type?: 'content' | 'annotation' | 'object';
  id?: string;
  alt?: string;
  lang?: string;
  children?: StructNode[];
}

interface MarkedItem {
  type?: string;
  id?: string;
  str?: string;
  hasEOL?: boolean;
}

export interface PdfStructure {
  /** One line per element: `  `.repeat(depth) + `Role: text`. */
  outline: string[];
  /** Roles only, in reading order (depth-first). */
  roles: string[];
}

export async function pdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const outline: string[] = [];
  const roles: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const texts = new Map<string, string>();
      const open: string[] = [];
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as MarkedItem[]) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
        else if (item.type === 'endMarkedContent') open.pop();
        else if (item.str !== undefined && open.at(-1)) {
          const id = open.at(-1)!;
          texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
        }
      }
      const walk = (node: StructNode, depth: number) => {
        if (!node.role) return;
        const own = (node.children ?? [])
          .map((c) => (c.type === 'content' ? (texts.get(c.id!) ?? '') : c.type === 'annotation' ? '[annotation]' : ''))
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        outline.push(`${'  '.repeat(depth)}${node.role}${own ? `: ${own}` : ''}`);
        roles.push(node.role);
        for (const child of node.children ?? []) walk(child, depth + 1);
      };
      const root = (await page.getStructTree()) as StructNode | null;
      for (const child of root?.children ?? []) walk(child, 0);
    }
  } finally {
    await pdf.destroy();
  }
  return { outline, roles };
}
