// Export of a paper's annotations: the PDF with real annotation objects, and W3C Web Annotation
// JSON. The annotations themselves travel over sync (`annotations/<d>`, `notes/<d>/<user>`).
import { z } from 'zod';
import { defineCommands, inMeeting } from '../define';
import { Id } from '../schemas/common';

const D = z.object({ d: Id });

/** `layers=shared,mine` (default both): which layers to include. `mine` is the caller's private notes. */
export const LayersQuery = z.object({
  layers: z
    .string()
    .max(40)
    .optional()
    .transform((v, ctx) => {
      const parts = (v ?? 'shared,mine')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = parts.find((p) => p !== 'shared' && p !== 'mine');
      if (bad !== undefined || parts.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'layers must be shared, mine or both (comma separated)',
        });
        return z.NEVER;
      }
      return [...new Set(parts)] as Array<'shared' | 'mine'>;
    }),
});

/** A W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/). */
export const WebAnnotationCollection = z.looseObject({
  '@context': z.unknown(),
  type: z.literal('AnnotationCollection'),
  total: z.number(),
  items: z.array(z.looseObject({ id: z.string(), type: z.literal('Annotation') })),
});

export const annotationsCommands = defineCommands({
  exportAnnotatedPdf: {
    method: 'GET',
    path: '/documents/:d/annotated.pdf',
    access: inMeeting('d', 'participant'),
    params: D,
    query: LayersQuery,
    answer: 'binary',
  },
  exportWebAnnotations: {
    method: 'GET',
    path: '/documents/:d/annotations.jsonld',
    access: inMeeting('d', 'participant'),
    params: D,
    query: LayersQuery,
    answer: WebAnnotationCollection,
  },
});
