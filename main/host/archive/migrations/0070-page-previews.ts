import type { Migration } from './types';

// A screen-sized picture of each paper's first page, drawn at import. A tablet opening a paper
// shows it at once, while pdf.js is still starting (its worker alone takes most of a second to
// start on a tablet); pdf.js's own drawing then takes its place. The page's size in PDF points
// (as displayed, rotation applied) comes with it, so the viewer lays the page out exactly where
// pdf.js will draw it. Password-protected papers get none: the picture would show what the
// password guards.
export const pagePreviews: Migration = {
  version: 70,
  name: 'page-previews',
  up(db) {
    db.exec(`
      CREATE TABLE document_previews (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        image BLOB NOT NULL,
        content_type TEXT NOT NULL,
        page_width REAL NOT NULL,
        page_height REAL NOT NULL
      ) STRICT;
    `);
  },
};
