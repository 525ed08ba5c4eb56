import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../shared/api/schemas/minutes';
import { blocksText, draftBlocks } from '../../main/host/minutes/draft-blocks';
import { placeFromOrganization, vietnameseDate } from '../../main/host/minutes/render-minutes-pdf';

function el(
  name: string,
  children: Array<Y.XmlElement | Y.XmlText>,
  attrs: Record<string, string> = {},
): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.insert(0, children);
  return e;
}

describe('minutes draft → PDF blocks', () => {
  it('reads headings, marked text, nested lists and breaks the way Tiptap stores them', () => {
    const doc = new Y.Doc();
    const bold = new Y.XmlText();
    const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
    fragment.insert(0, [
      el('heading', [new Y.XmlText('I. Thành phần')], { level: '2' }),
      el('paragraph', [bold]),
      el('bulletList', [
        el('listItem', [
          el('paragraph', [new Y.XmlText('Lê Minh Đức')]),
          el('orderedList', [el('listItem', [el('paragraph', [new Y.XmlText('ý kiến 1')])])]),
        ]),
      ]),
      el('paragraph', [new Y.XmlText('dòng 1'), el('hardBreak', []), new Y.XmlText('dòng 2')]),
      el('horizontalRule', []),
    ]);
    bold.insert(0, 'Chủ trì: ');
    bold.insert(9, 'Nguyễn Văn Hùng', { bold: {} });
    const blocks = draftBlocks(doc);
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'item',
      'item',
      'paragraph',
      'rule',
    ]);
    expect(blocks[1]).toMatchObject({
      runs: [
        { text: 'Chủ trì: ', bold: false },
        { text: 'Nguyễn Văn Hùng', bold: true },
      ],
    });
    expect(blocks[2]).toMatchObject({ marker: '•', depth: 0 });
    expect(blocks[3]).toMatchObject({ marker: '1.', depth: 1 });
    expect(blocksText(blocks)).toContain('dòng 1\ndòng 2');
  });

  it('an empty draft has no text', () => {
    expect(blocksText(draftBlocks(new Y.Doc()))).toBe('');
  });

  it('dates in Vietnam time and the place from the agency name', () => {
    expect(vietnameseDate(new Date('2026-11-24T18:30:00Z'))).toEqual({
      day: 25,
      month: 11,
      year: 2026,
    });
    expect(placeFromOrganization('ỦY BAN NHÂN DÂN TỈNH ĐÀ NẴNG')).toBe('Đà Nẵng');
    expect(placeFromOrganization('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')).toBe('Hồ Chí Minh');
    expect(placeFromOrganization('Bộ Tài chính')).toBeNull();
  });
});
