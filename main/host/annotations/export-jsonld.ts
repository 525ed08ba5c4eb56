// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export: one
// AnnotationCollection per paper. Targets name the page with a PDF fragment selector (RFC 8118
// "page=N&viewrect=l,t,w,h", refined by an SvgSelector for the exact shape in user space), so any
// Web Annotation consumer can place them; replies are annotations whose target is the note.
import type { Annotation, NoteReply } from '../../../shared/annotations/model';
import { NOTE_ICON_SIZE, boundsOf } from '../../../shared/annotations/model';
import { inkPoints } from '../../../shared/annotations/ink-points';
import type { AnnotationLayerContent } from './export-pdf';

export interface JsonLdContext {
  /** The paper's URL (its /file address); annotation ids are made from it. */
  source: string;
  title: string;
  /** Page heights in points, for the view rectangle's top-left origin (RFC 8118). */
  pageHeight: (page: number) => number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const fmt = (v: number) => (Math.round(v * 100) / 100).toString();

function svgFor(a: Annotation): string {
  const s = `stroke="${a.style.color}" stroke-width="${fmt(a.style.width)}" fill="none"`;
  switch (a.kind) {
    case 'ink':
      return `<svg xmlns="http://www.w3.org/2000/svg"><polyline ${s} points="${inkPoints(a.points)
        .map(([x, y]) => `${fmt(x)},${fmt(y)}`)
        .join(' ')}"/></svg>`;
    case 'highlight':
      return `<svg xmlns="http://www.w3.org/2000/svg">${a.quads
        .map(
          (q) =>
            `<polygon fill="${a.style.color}" points="${fmt(q[0])},${fmt(q[1])} ${fmt(q[2])},${fmt(q[3])} ${fmt(q[6])},${fmt(q[7])} ${fmt(q[4])},${fmt(q[5])}"/>`,
        )
        .join('')}</svg>`;
    case 'note':
      return `<svg xmlns="http://www.w3.org/2000/svg"><rect x="${fmt(a.at[0])}" y="${fmt(a.at[1] - NOTE_ICON_SIZE)}" width="${NOTE_ICON_SIZE}" height="${NOTE_ICON_SIZE}"/></svg>`;
    case 'shape':
      return a.shape === 'rect'
        ? `<svg xmlns="http://www.w3.org/2000/svg"><rect ${s} x="${fmt(Math.min(a.from[0], a.to[0]))}" y="${fmt(Math.min(a.from[1], a.to[1]))}" width="${fmt(Math.abs(a.to[0] - a.from[0]))}" height="${fmt(Math.abs(a.to[1] - a.from[1]))}"/></svg>`
        : `<svg xmlns="http://www.w3.org/2000/svg"><line ${s} x1="${fmt(a.from[0])}" y1="${fmt(a.from[1])}" x2="${fmt(a.to[0])}" y2="${fmt(a.to[1])}" marker-end="arrow"/></svg>`;
  }
}

const motivation: Record<Annotation['kind'], string> = {
  ink: 'highlighting',
  highlight: 'highlighting',
  note: 'commenting',
  shape: 'highlighting',
};

export function annotationsToJsonLd(
  layers: readonly { layer: 'shared' | 'mine'; content: AnnotationLayerContent }[],
  ctx: JsonLdContext,
) {
  const idOf = (id: string) => `${ctx.source}#annotation-${encodeURIComponent(id)}`;
  const items: unknown[] = [];
  for (const { layer, content } of layers) {
    for (const a of content.annotations) {
      const [x1, y1, x2, y2] = boundsOf(a);
      const top = ctx.pageHeight(a.page) - y2;
      const text = a.kind === 'note' || a.kind === 'highlight' ? a.text : '';
      items.push({
        id: idOf(a.id),
        type: 'Annotation',
        motivation:
          a.kind === 'highlight' && a.mode !== 'highlight' ? 'editing' : motivation[a.kind],
        creator: { id: `urn:phonghop:user:${a.author}`, type: 'Person', name: a.authorName },
        created: iso(a.createdAt),
        modified: iso(a.updatedAt),
        audience: layer === 'shared' ? 'shared' : 'private',
        ...(text
          ? { body: { type: 'TextualBody', value: text, format: 'text/plain', language: 'vi' } }
          : {}),
        target: {
          source: ctx.source,
          selector: {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc8118',
            value: `page=${a.page}&viewrect=${fmt(x1)},${fmt(top)},${fmt(x2 - x1)},${fmt(y2 - y1)}`,
            refinedBy: { type: 'SvgSelector', value: svgFor(a) },
          },
        },
        'phonghop:kind': a.kind,
        'phonghop:style': a.style,
        'phonghop:documentVersion': a.documentVersion,
      });
      for (const r of content.replies.get(a.id) ?? []) items.push(replyItem(r, idOf));
    }
  }
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { phonghop: 'urn:phonghop:annotation:' }],
    id: `${ctx.source}#annotations`,
    type: 'AnnotationCollection',
    label: ctx.title,
    total: items.length,
    items,
  };
}

function replyItem(r: NoteReply, idOf: (id: string) => string) {
  return {
    id: idOf(r.id),
    type: 'Annotation',
    motivation: 'replying',
    creator: { id: `urn:phonghop:user:${r.author}`, type: 'Person', name: r.authorName },
    created: iso(r.createdAt),
    body: { type: 'TextualBody', value: r.text, format: 'text/plain', language: 'vi' },
    target: idOf(r.annotationId),
  };
}
