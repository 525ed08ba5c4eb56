// Messages between the host and the PDF parse process (see parse-process.ts).

export interface ParseRequest {
  /** Matches the answer to the request (a process parses one file after another). */
  id: number;
  /** Absolute path of the uploaded file (still in the temp folder). */
  file: string;
  /** Width of the first-page thumbnail in pixels. */
  thumbnailWidth: number;
  /** Width of the first-page preview (shown while the viewer starts) in pixels; 0 for none. */
  previewWidth: number;
  /** Only the pictures (a stored paper imported without them): the page texts come back empty. */
  picturesOnly?: boolean;
}

/** Page 1 drawn at screen size, and the page's size in PDF points as displayed. */
export interface PagePreview {
  image: Uint8Array;
  contentType: 'image/webp';
  pageWidth: number;
  pageHeight: number;
}

export type ParseResult =
  | {
      ok: true;
      encrypted: false;
      pages: number;
      /** Title from the document's metadata, if it has one worth showing. */
      title: string | null;
      /** Text per page, index 0 = page 1. */
      text: string[];
      /** PNG of page 1, or null when it could not be rendered. */
      thumbnail: Uint8Array | null;
      /** Page 1 at screen size, or null when it could not be rendered (or none was asked for). */
      preview: PagePreview | null;
      /** Whether the file carries JavaScript (never run; recorded so viewers keep scripting off). */
      hasScripts: boolean;
    }
  | { ok: true; encrypted: true }
  | { ok: false; reason: 'corrupt' | 'not_pdf'; detail: string };

export interface ParseAnswer {
  id: number;
  result: ParseResult;
}
