// Work the app needs soon but not to show its first screen (loading the other pages' code,
// installing the offline app shell) waits until the page has loaded, a few seconds have passed
// and the browser is idle: on a two-core tablet it would otherwise compete with the first page
// being shown (a paper opened by its address is on screen in under a second).
const SETTLE_MS = 4000;

/** Runs `run` once the app has started and the browser is idle. */
export function afterStart(run: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : run();
  if (document.readyState === 'complete') setTimeout(idle, SETTLE_MS);
  else window.addEventListener('load', () => setTimeout(idle, SETTLE_MS), { once: true });
}
