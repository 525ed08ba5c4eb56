// Where the viewer's open time goes: one signed-in navigation to a paper, then a timeline of the
// page's resources (bundle, session check, meeting, paper bytes, pdf.js worker), its long tasks
// (script parse/eval, rendering) and the viewer's User Timing marks, all relative to navigation
// start. Not a benchmark (one run, no comparison): run it to see what to fix.
//   npx tsx bench/viewer-open-profile.ts [renderer dir] [runs]
// PROFILE_FLIPS=0 skips the page flips; PROFILE_WINDOW=<mark>,<mark> adds the functions that ran
// between two User Timing marks (build with --minify false for readable names).
// Needs `npm run build:renderer` first (or a renderer built elsewhere, given as the first argument).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { CDPSession, Page } from '@playwright/test';
import { startTestHost } from '../tests/helpers/host';
import { sample } from '../tests/helpers/samples';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  RENDERER_DIR,
  demoMeeting,
  generatedPaper,
  signInWithToken,
  uploadPaper,
  ourFlip,
} from './viewer-bench-support';

interface Entry {
  name: string;
  type: string;
  start: number;
  end: number;
}

// Registered before any page script runs, so long tasks from the bundle's evaluation are kept.
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

const COLLECT = `(() => {
  const out = [];
  const nav = performance.getEntriesByType('navigation')[0];
  out.push({ name: 'document', type: 'navigation', start: nav.requestStart, end: nav.responseEnd });
  out.push({ name: 'DOMContentLoaded', type: 'navigation', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd });
  for (const r of performance.getEntriesByType('resource'))
    out.push({ name: r.name.replace(location.origin, ''), type: 'resource', start: r.startTime, end: r.responseEnd });
  for (const m of performance.getEntriesByType('mark'))
    out.push({ name: m.name, type: 'mark', start: m.startTime, end: m.startTime });
  for (const m of performance.getEntriesByType('measure'))
    out.push({ name: m.name, type: 'measure', start: m.startTime, end: m.startTime + m.duration });
  for (const t of window.__longTasks) out.push({ name: 'long task', type: 'task', start: t.start, end: t.end });
  return out.sort((a, b) => a.start - b.start);
})()`;

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Main-thread self time by script (and the top functions), from a CDP CPU profile. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByUrl = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const url =
      node.callFrame.url.replace(/^https?:\/\/[^/]+/, '') ||
      `(${node.callFrame.functionName || 'program'})`;
    selfByUrl.set(url, (selfByUrl.get(url) ?? 0) + dt);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber}`;
    selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('  main-thread self time by script (ms):');
  for (const [k, v] of top(selfByUrl, 8)) console.log(`    ${v.toFixed(0).padStart(6)}  ${k}`);
  console.log('  top functions (ms):');
  for (const [k, v] of top(selfByFn, 15))
    console.log(`    ${v.toFixed(0).padStart(6)}  ${k.slice(0, 100)}`);
}

const BUCKET_MS = 50;

/**
 * What the main thread ran in each 50 ms after navigation start (the busiest functions), for the
 * gaps the long-task list does not explain. Aligned by wall clock: a few ms off.
 */
function printTimeline(profile: CpuProfile, navOffsetMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<number, Map<string, number>>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    const at = t - navOffsetMs;
    if (!node || at < 0) return;
    const fn = node.callFrame.functionName || '(anonymous)';
    if (fn === '(idle)') return;
    const url = node.callFrame.url.replace(/^https?:\/\/[^/]+\/(assets\/)?/, '');
    const key = url ? `${fn} ${url}` : fn;
    const b = Math.floor(at / BUCKET_MS);
    const m = buckets.get(b) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    buckets.set(b, m);
  });
  console.log(`  busy main thread per ${BUCKET_MS} ms (ms busy: top functions):`);
  for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
    const busy = [...m.values()].reduce((a, v) => a + v, 0);
    const top = [...m].sort((x, y) => y[1] - x[1]).slice(0, 3);
    console.log(
      `    ${String(b * BUCKET_MS).padStart(5)}  ${busy.toFixed(0).padStart(3)}  ${top.map(([k, v]) => `${k.slice(0, 50)} ${v.toFixed(0)}`).join(' | ')}`,
    );
  }
}

/** Self and inclusive time by function between two moments (ms after navigation start). */
function windowTop(profile: CpuProfile, off: number, from: number, to: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const at = t - off;
    if (at < from || at > to) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = (nid: number) => {
      const n = byId.get(nid)!;
      return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
    };
    self.set(name(id), (self.get(name(id)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(cur);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  });
  console.log(`  window ${from.toFixed(0)}..${to.toFixed(0)} self:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`    ${v.toFixed(0).padStart(5)} ${k}`);
  console.log('  inclusive:');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45))
    console.log(`    ${v.toFixed(0).padStart(5)} ${k}`);
}

const FLIPS = Number(process.env.PROFILE_FLIPS ?? 30);

/** Flips FLIPS pages with the CPU profiler on; prints flip times and the main thread's work. */
async function profileFlips(page: Page, cdp: CDPSession): Promise<void> {
  await page.getByTestId('pdf-scroller').focus();
  await page.evaluate('performance.clearMeasures()');
  await cdp.send('Profiler.start');
  const flips: number[] = [];
  for (let n = 2; n <= FLIPS + 1; n++) flips.push(await ourFlip(page, n));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const sorted = [...flips].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(
    `  flips: p50 ${at(0.5)?.toFixed(0)} p95 ${at(0.95)?.toFixed(0)} ms; each: ${flips.map((f) => f.toFixed(0)).join(' ')}`,
  );
  const measures = (await page.evaluate(
    `performance.getEntriesByType('measure').map((m) => [m.name, m.duration])`,
  )) as Array<[string, number]>;
  const byKind = new Map<string, number[]>();
  for (const [name, d] of measures) {
    const kind = name.replace(/ \d+ /, ' ');
    byKind.set(kind, [...(byKind.get(kind) ?? []), d]);
  }
  for (const [kind, ds] of byKind) {
    const s = [...ds].sort((a, b) => a - b);
    console.log(
      `  ${kind}: n ${s.length}, median ${s[s.length >> 1]?.toFixed(0)} ms, max ${s[s.length - 1]?.toFixed(0)} ms`,
    );
  }
  printProfile(profile);
}

async function main(): Promise<void> {
  const rendererDir = path.resolve(process.argv[2] ?? RENDERER_DIR);
  const runs = Number(process.argv[3] ?? 3);
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(`No renderer in ${rendererDir}: npm run build:renderer`);
  const host = await startTestHost({ demo: true, rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const secretary = await host.login('thu-ky');
    const meetingId = await demoMeeting(host, secretary);
    const papers: Array<[string, string]> = [
      [
        'generated 500 p',
        await uploadPaper(host, secretary, meetingId, 'long.pdf', await generatedPaper(500)),
      ],
      [
        'freeculture',
        await uploadPaper(
          host,
          secretary,
          meetingId,
          'freeculture.pdf',
          new Uint8Array(fs.readFileSync(sample('freeculture.pdf'))),
        ),
      ],
    ];
    const delegate = await host.login('dai-bieu-1');
    for (const [label, id] of papers)
      for (let run = 1; run <= runs; run++) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          locale: 'vi-VN',
        });
        const page = await context.newPage();
        await signInWithToken(page, host, delegate);
        await page.addInitScript(OBSERVE_LONG_TASKS);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
        const profileStart = Date.now();
        await page.goto(`${host.url}/meetings/${meetingId}/documents/${id}`);
        await page
          .locator('.pdf-page[data-page-number="1"][data-painted="true"]')
          .waitFor({ timeout: 60_000 });
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        await page.waitForTimeout(300);
        const entries = (await page.evaluate(COLLECT)) as Entry[];
        console.log(`\n${label}, run ${run}`);
        for (const e of entries)
          console.log(
            `${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)}  ${e.type.padEnd(10)} ${e.name.slice(0, 90)}`,
          );
        printProfile(profile);
        const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
        printTimeline(profile, timeOrigin - profileStart);
        // PROFILE_WINDOW="<mark>,<mark>": what ran between two of the page's marks.
        const [from, to] = (process.env.PROFILE_WINDOW ?? '').split(',');
        const at = (name: string | undefined) => entries.find((e) => e.name === name)?.start;
        const w0 = at(from);
        const w1 = at(to);
        if (w0 !== undefined && w1 !== undefined)
          windowTop(profile, timeOrigin - profileStart, w0, w1);
        if (FLIPS > 0) await profileFlips(page, cdp);
        await context.close();
      }
  } finally {
    await browser.close();
    await host.stop(true);
  }
}

await main();
