// The viewer renders one page at a time: the page in view first, then the one after it, then the
// one before; a render taken out of the queue before it started never runs.
import { describe, expect, it } from 'vitest';
import { scheduleRender, setPageInView } from '../../renderer/src/features/viewer/render-scheduler';

describe('page render scheduler', () => {
  it('runs one render at a time, nearest to the page in view first, ahead before behind', async () => {
    setPageInView(5);
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const done: Array<Promise<void>> = [];
    const job = (page: number) =>
      new Promise<void>((finished) => {
        scheduleRender(page, async () => {
          running++;
          most = Math.max(most, running);
          order.push(page);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          finished();
        });
      });
    for (const page of [4, 6, 5]) done.push(job(page));
    const dropped = scheduleRender(9, async () => {
      order.push(9);
    });
    dropped();
    await Promise.all(done);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([5, 6, 4]);
    expect(most).toBe(1);
  });
});
