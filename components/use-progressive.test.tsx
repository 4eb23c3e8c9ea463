import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_ITEMS, ITEMS_PER_FRAME, useProgressiveCount } from './use-progressive';

describe('useProgressiveCount', () => {
  it('shows a screenful at once and the rest a batch per frame, until every item is there', async () => {
    const frames: Array<() => void> = [];
    const schedule = (run: () => void) => frames.push(run);
    const List = ({ total }: { total: number }) => {
      const count = useProgressiveCount(total, schedule, () => undefined);
      return <ol>{Array.from({ length: count }, (_, i) => <li key={i}>{i}</li>)}</ol>;
    };
    const container = document.createElement('div');
    await act(async () => render(<List total={400} />, container));
    expect(container.querySelectorAll('li')).toHaveLength(FIRST_PAINT_ITEMS);
    await act(async () => frames.shift()!());
    expect(container.querySelectorAll('li')).toHaveLength(FIRST_PAINT_ITEMS + ITEMS_PER_FRAME);
    while (frames.length > 0) await act(async () => frames.shift()!());
    expect(container.querySelectorAll('li')).toHaveLength(400);
    // A short list is whole at once.
    await act(async () => render(<List total={5} />, container));
    expect(container.querySelectorAll('li')).toHaveLength(5);
    render(null, container);
  });
});
