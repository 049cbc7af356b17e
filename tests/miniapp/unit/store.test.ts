import { createStore } from '../../../miniapp/src/services/store';

describe('the observable store behind the session and preferences', () => {
  it('loads lazily, once, and tells subscribers about changes', () => {
    const load = jest.fn(() => 1);
    const store = createStore(load);
    expect(load).not.toHaveBeenCalled();
    const seen: number[] = [];
    const unsubscribe = store.subscribe((value) => seen.push(value));
    expect(store.get()).toBe(1);
    store.set(2);
    store.set((n) => n + 1);
    store.set(3); // unchanged: nobody is told
    unsubscribe();
    store.set(4);
    expect(seen).toEqual([2, 3]);
    expect(store.get()).toBe(4);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
