// GET /meetings/:m/export: the complete record of one meeting as a verifiable ZIP package.
//   manifest.json            format, schema version, meeting, audit head, every file's SHA-256
//   meeting.json             meeting, agenda, participants
//   papers/<id>.pdf          each paper as uploaded (content-addressed store)
//   annotations/<id>.jsonld  the shared annotation layer, W3C Web Annotation (JSON-LD)
//   annotated/<id>.pdf       the paper with the shared layer as PDF annotations
//   ballots.json             ballots with their results (named ballots: who chose what)
//   attendance.json          who was present or absent
//   audit.json               the meeting's hash chain and its verification
//   minutes/…                the minutes PDF (signed once signed) and its signatures
//   users.json               people the records refer to (no credentials)
//   records/<table>.jsonl    the meeting's rows of every archive table, for import on another host
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services';
import { HOST_VERSION } from '../version';
import { PACKAGE_FORMAT, PACKAGE_SCHEMA_VERSION } from '../../../shared/api/schemas/archive';
import type { Manifest } from '../../../shared/api/schemas/archive';
import { createPackageWriter } from './package-writer';
import { encodeRow, meetingRows, meetingTables } from './records';
import { minutesFiles, paperFiles, sharedAnnotations } from './parts';

/** Annotated copies are built in memory by pdf-lib; papers above this size are left out of that part. */
const MAX_ANNOTATED_PDF_BYTES = 100 * 1024 * 1024;

export interface ExportStream {
  stream: NodeJS.ReadableStream;
  /** Sum of the papers' sizes plus a margin: what a progress bar can count against. */
  estimatedBytes: number;
  filename: string;
}

export function exportMeeting(services: Services, meetingId: string): ExportStream {
  const { db } = services;
  const meeting = services.meetings.get(meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} not found`);
  const w = createPackageWriter();
  const notIncluded: string[] = [];
  const contents: Record<string, number> = {};

  w.addJson('meeting.json', 'meeting', {
    meeting: { ...meeting, createdBy: undefined },
    agenda: services.meetings.agenda(meetingId),
    participants: services.meetings.participants(meetingId),
  });

  const tables = meetingTables(db);
  const userIds = new Set<string>();
  for (const t of tables) {
    for (const col of t.userColumns) {
      const rows = db
        .prepare<{ m: string }, { u: string | null }>(
          `SELECT DISTINCT "${col}" AS u FROM "${t.name}" WHERE ${t.where}`,
        )
        .all({ m: meetingId });
      for (const r of rows) if (r.u) userIds.add(r.u);
    }
  }
  for (const r of db
    .prepare<[string], { u: string }>(
      'SELECT DISTINCT actor_id AS u FROM audit_events WHERE meeting_id = ? AND actor_id IS NOT NULL',
    )
    .all(meetingId))
    userIds.add(r.u);
  const users = [...userIds]
    .map((id) => services.users.get(id))
    .filter((u) => u !== undefined)
    .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  w.addJson('users.json', 'users', users, 'People the records refer to (no credentials).');

  for (const t of tables) {
    const count = db
      .prepare<{ m: string }, { n: number }>(
        `SELECT count(*) AS n FROM "${t.name}" WHERE ${t.where}`,
      )
      .get({ m: meetingId })!.n;
    if (count === 0) continue;
    contents[`records.${t.name}`] = count;
    w.addStream(
      `records/${t.name}.jsonl`,
      'records',
      async function* rows() {
        for (const page of meetingRows(db, t, meetingId))
          yield page.map((r) => `${encodeRow(r)}\n`).join('');
      },
      { compress: true },
    );
  }

  // Papers, as stored.
  const papers = paperFiles(services, meetingId);
  let estimatedBytes = 1024 * 1024;
  for (const p of papers) {
    if (!fs.existsSync(p.file)) {
      notIncluded.push(`papers/${p.id}.pdf: the stored file is missing`);
      continue;
    }
    estimatedBytes += p.size;
    w.addStream(
      `papers/${p.id}.pdf`,
      'paper',
      () => fs.createReadStream(p.file, { highWaterMark: 256 * 1024 }),
      {
        compress: false,
        description: `${p.title} (v${p.version}${p.confidential ? ', confidential' : ''})`,
      },
    );
  }
  contents.papers = papers.length;

  // Shared annotation layer: W3C Web Annotation and annotated PDFs (only where there are annotations).
  let annotated = 0;
  const annotationsDone = (async () => {
    for (const p of papers) {
      if (!fs.existsSync(p.file)) continue;
      const result = await sharedAnnotations(services, p, MAX_ANNOTATED_PDF_BYTES);
      if (!result) continue;
      annotated++;
      w.addJson(`annotations/${p.id}.jsonld`, 'annotations', result.jsonld);
      if (result.pdf)
        w.addBuffer(`annotated/${p.id}.pdf`, 'annotated-paper', Buffer.from(result.pdf));
      else notIncluded.push(`annotated/${p.id}.pdf: ${result.pdfSkipped ?? 'not produced'}`);
    }
  })();

  // Ballots and results, attendance: readable summaries (the full rows are in records/).
  const ballotCols = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('ballots')")
      .all()
      .map((r) => r.name),
  );
  if (ballotCols.has('meeting_id')) {
    const ballots = db
      .prepare<[string], Record<string, unknown>>(
        'SELECT * FROM ballots WHERE meeting_id = ? ORDER BY created_at',
      )
      .all(meetingId);
    const tallies = db.prepare<[string], { option_index: number; votes: number }>(
      'SELECT option_index, votes FROM ballot_tallies WHERE ballot_id = ? ORDER BY option_index',
    );
    const choices = db.prepare<[string], { username: string; option_index: number; at: string }>(
      'SELECT u.username, c.option_index, c.at FROM ballot_choices c JOIN users u ON u.id = c.user_id WHERE c.ballot_id = ? ORDER BY u.username',
    );
    const parse = (v: unknown) => {
      try {
        return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
      } catch {
        return v;
      }
    };
    w.addJson(
      'ballots.json',
      'ballots',
      ballots.map((b) => ({
        ...b,
        options: parse(b.options),
        result: parse(b.result),
        tallies: tallies.all(String(b.id)),
        // A secret ballot stores no link between voter and choice; nothing to export there.
        choices: b.secret ? null : choices.all(String(b.id)),
      })),
    );
    contents.ballots = ballots.length;
  } else notIncluded.push('ballots.json: this host has no ballots');
  const attendanceCols = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('attendance')")
    .all();
  if (attendanceCols.length > 0) {
    const rows = db
      .prepare<[string], Record<string, unknown>>(
        `SELECT u.username, u.display_name AS displayName, a.status, a.reason, a.at FROM attendance a
         JOIN users u ON u.id = a.user_id WHERE a.meeting_id = ? ORDER BY u.display_name`,
      )
      .all(meetingId);
    w.addJson('attendance.json', 'attendance', rows);
    contents.attendance = rows.length;
  } else notIncluded.push('attendance.json: this host has no attendance records');

  const audit = services.audit.verify(meetingId);
  w.addStream(
    'audit.json',
    'audit',
    async function* chain() {
      yield `{"verification":${JSON.stringify(audit)},"events":[\n`;
      let after = 0;
      let first = true;
      for (;;) {
        // Up to the head named in the manifest: events appended while streaming wait for the next export.
        const events = services.audit
          .list(meetingId, after, 500)
          .filter((e) => e.seq <= audit.count);
        if (events.length === 0) break;
        yield events.map((e, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(e)}`).join('');
        first = false;
        after = events[events.length - 1]!.seq;
      }
      yield '\n]}\n';
    },
    { compress: true },
  );
  contents.auditEvents = audit.count;

  const minutes = minutesFiles(services, meetingId);
  for (const f of minutes.files) {
    if (f.file)
      w.addStream(f.path, f.kind, () => fs.createReadStream(f.file!), { compress: false });
    else if (f.data) w.addBuffer(f.path, f.kind, f.data);
  }
  notIncluded.push(...minutes.notIncluded);
  contents.minutes = minutes.files.length;

  const done = (async () => {
    await annotationsDone;
    contents.annotatedPapers = annotated;
    await w.finish((files): Manifest => ({
      format: PACKAGE_FORMAT,
      schemaVersion: PACKAGE_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      generator: { app: 'phong-hop-khong-giay', version: HOST_VERSION },
      meeting: {
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt,
        organization: meeting.organization,
      },
      audit: { head: audit.head, count: audit.count },
      contents,
      notIncluded,
      files,
    }));
  })();
  done.catch((err: unknown) => {
    services.log.error({ err, meetingId }, 'export failed');
    w.abort(err instanceof Error ? err : new Error(String(err)));
  });

  const safeTitle = meeting.title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-|-$/g, '');
  return {
    stream: w.output,
    estimatedBytes,
    filename: `${path.basename(safeTitle || 'cuoc-hop')}-${meeting.id.slice(0, 8)}.zip`,
  };
}
