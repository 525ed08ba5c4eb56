// While one page draws, the next page in line is prepared (its render started, drawing held), at
// most once and before it runs; a render taken out of the queue is never prepared afterwards.
import { describe, expect, it } from 'vitest';
import { scheduleRender, setPageInView } from '../../renderer/src/features/viewer/render-scheduler';

describe('page render scheduler, preparing the next page', () => {
  it('prepares the next page in line while the current one runs', async () => {
    setPageInView(10);
    const events: string[] = [];
    const done: Array<Promise<void>> = [];
    const job = (page: number) =>
      new Promise<void>((finished) => {
        scheduleRender(
          page,
          async () => {
            events.push(`run ${page}`);
            await new Promise((r) => setTimeout(r, 5));
            finished();
          },
          () => events.push(`prepare ${page}`),
        );
      });
    for (const page of [9, 11, 10]) done.push(job(page));
    const dropped = scheduleRender(
      12,
      async () => {
        events.push('run 12');
      },
      () => events.push('prepare 12'),
    );
    dropped();
    await Promise.all(done);
    expect(events).toEqual(['run 10', 'prepare 11', 'run 11', 'prepare 9', 'run 9']);
  });
});
