import {
  phoneProgressNewer,
  progressInputOf,
  ProgressSaver,
  putLocalProgress,
  REMEMBER_EVERY_MS,
  startingPoint,
  unsentProgress,
  type LocalProgress,
  type ProgressInput,
  type SaverStart,
} from '../../../miniapp/src/packages/learning/utils/progress';

const KEY = { courseId: 'c1', chapterId: 'ch1' };

/** A saver on fakes: a network that can be switched off, the phone's storage, a hand-driven clock. */
function rig(start: SaverStart = { positionSeconds: 0, completed: false, synced: true }, maxSeconds?: number) {
  let clock = 1_000_000;
  let online = true;
  const sent: ProgressInput[] = [];
  const stored: LocalProgress[] = [];
  const pending: Array<() => void> = [];
  let hold = false;
  const saver = new ProgressSaver(
    KEY,
    {
      send: (input) => {
        sent.push(input);
        const answer = () => (online ? Promise.resolve({ ok: true }) : Promise.reject(new Error('offline')));
        if (!hold) return answer();
        return new Promise((resolve, reject) => pending.push(() => answer().then(resolve, reject)));
      },
      remember: (record) => stored.push(record),
      now: () => clock,
    },
    start,
    maxSeconds,
  );
  return {
    saver,
    sent,
    stored,
    tick: (ms: number) => (clock += ms),
    setOnline: (value: boolean) => (online = value),
    holdAnswers: (value: boolean) => (hold = value),
    release: () => pending.splice(0).forEach((go) => go()),
    lastStored: () => stored[stored.length - 1],
  };
}

describe('saving the place in a chapter (ProgressSaver)', () => {
  it('sends the newest whole-second position, and nothing when the server already has it', async () => {
    const r = rig();
    await expect(r.saver.save()).resolves.toBe(true);
    expect(r.sent).toHaveLength(0); // nothing new
    r.saver.track(12.7);
    await expect(r.saver.save()).resolves.toBe(true);
    expect(r.sent).toEqual([{ ...KEY, positionSeconds: 12, completed: false }]);
    await r.saver.save();
    expect(r.sent).toHaveLength(1);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 12, synced: true });
  });

  it('remembers the position on the phone every few seconds while playing, without a request', () => {
    const r = rig();
    r.saver.track(1);
    const first = r.stored.length;
    r.saver.track(2);
    r.saver.track(3);
    expect(r.stored.length).toBe(first); // within REMEMBER_EVERY_MS: not written again
    r.tick(REMEMBER_EVERY_MS);
    r.saver.track(8);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 8, synced: false });
    expect(r.sent).toHaveLength(0);
  });

  it('a failed save is quiet, keeps the place on the phone as unsent, and the next save sends it', async () => {
    const r = rig();
    r.setOnline(false);
    r.saver.track(30);
    await expect(r.saver.save()).resolves.toBe(false);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 30, synced: false });
    expect(r.saver.dirty).toBe(true);

    r.setOnline(true);
    r.saver.track(45);
    await expect(r.saver.save()).resolves.toBe(true);
    expect(r.sent.map((s) => s.positionSeconds)).toEqual([30, 45]);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 45, synced: true });
  });

  it('sends one request at a time; a save asked for meanwhile sends the newest position after', async () => {
    const r = rig();
    r.holdAnswers(true);
    r.saver.track(10);
    const first = r.saver.save();
    r.saver.track(20);
    const second = r.saver.save();
    expect(r.sent).toHaveLength(1);
    r.holdAnswers(false);
    r.release();
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
    expect(r.sent.map((s) => s.positionSeconds)).toEqual([10, 20]);
  });

  it('done stays done: after completing, later saves still say completed', async () => {
    const r = rig();
    r.saver.complete(60);
    await r.saver.save();
    r.saver.track(5); // played again from the start
    await r.saver.save();
    expect(r.sent).toEqual([
      { ...KEY, positionSeconds: 60, completed: true },
      { ...KEY, positionSeconds: 5, completed: true },
    ]);
  });

  it('after freeze, a player being torn down (reporting 0) does not overwrite the place', async () => {
    const r = rig();
    r.saver.track(42);
    r.saver.freeze();
    r.saver.track(0); // H5 stops and rewinds the audio on leaving
    await r.saver.save();
    expect(r.sent).toEqual([{ ...KEY, positionSeconds: 42, completed: false }]);
    r.saver.thaw(); // back on the page, playing again
    r.saver.track(50);
    await r.saver.save();
    expect(r.sent[1].positionSeconds).toBe(50);
  });

  it('never sends a position beyond the chapter’s length (the server would refuse every save)', async () => {
    const r = rig(undefined, 60);
    r.saver.track(61.5);
    await r.saver.save();
    r.saver.complete(63);
    await r.saver.save();
    expect(r.sent.map((s) => s.positionSeconds)).toEqual([60, 60]);
  });

  it('a file longer than its stated length: sends at most the stated length, but the phone keeps the real place', async () => {
    const r = rig(undefined, 60);
    r.saver.track(90.4, 120);
    await r.saver.save();
    expect(r.sent).toEqual([{ ...KEY, positionSeconds: 60, completed: false }]);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 90, durationSeconds: 120, limitSeconds: 60, synced: true });
    r.saver.track(95, 120); // the server already holds 60: nothing new to send
    expect(r.saver.dirty).toBe(false);
    // What a flush sends for a record kept on the phone is capped the same way.
    expect(progressInputOf({ ...r.lastStored(), synced: false })).toEqual({ ...KEY, positionSeconds: 60, completed: false });
  });

  it('stopped in the last seconds of the real file (no ended event): the chapter is completed', async () => {
    const r = rig(undefined, 60); // the lecturer typed 1:00; the file runs 2:00
    r.saver.track(58, 120);
    expect(r.saver.isCompleted).toBe(false); // near the stated end, but half way through the file
    r.saver.track(118, 120);
    expect(r.saver.isCompleted).toBe(true);
    expect(r.lastStored()).toMatchObject({ positionSeconds: 118, completed: true, synced: false }); // on the phone at once
    await r.saver.save();
    expect(r.sent).toEqual([{ ...KEY, positionSeconds: 60, completed: true }]);
  });

  it('an unsent start (kept on the phone last time) is dirty and goes out with the first save', async () => {
    const r = rig({ positionSeconds: 25, completed: false, synced: false });
    expect(r.saver.dirty).toBe(true);
    await r.saver.save();
    expect(r.sent).toEqual([{ ...KEY, positionSeconds: 25, completed: false }]);
  });
});

describe('where the player starts (startingPoint)', () => {
  const local = (positionSeconds: number, synced: boolean, completed = false, more: Partial<LocalProgress> = {}): LocalProgress => ({
    ...KEY,
    positionSeconds,
    completed,
    synced,
    at: 1,
    ...more,
  });

  it('resumes at the server’s position, or at 0 for a new chapter', () => {
    expect(startingPoint({ positionSeconds: 750, completed: false }, null, 1800)).toEqual({
      startAt: 750,
      positionSeconds: 750,
      completed: false,
      synced: true,
      durationSeconds: null,
    });
    expect(startingPoint(null, null, 1800)).toMatchObject({ startAt: 0, positionSeconds: 0, completed: false, synced: true });
  });

  it('prefers the phone’s record when the server never got it', () => {
    expect(startingPoint({ positionSeconds: 100, completed: false }, local(130, false), 1800)).toMatchObject({ startAt: 130, completed: false, synced: false });
    // A sent record: the server's may be newer (another phone).
    expect(startingPoint({ positionSeconds: 300, completed: false }, local(130, true), 1800).startAt).toBe(300);
    expect(startingPoint(null, local(40, true), 1800).startAt).toBe(40);
  });

  it('trusts the phone’s "completed" only while unsent: a sent one is the server’s to say', () => {
    // The server has no record of this reader for the chapter; the phone says done and sent.
    expect(startingPoint(null, local(8, true, true), 8)).toMatchObject({ completed: false, synced: true });
    expect(startingPoint({ positionSeconds: 3, completed: false }, local(3, true, true), 8)).toMatchObject({ completed: false, startAt: 3 });
    // Done on the phone and not sent yet: done, and the server is told.
    expect(startingPoint({ positionSeconds: 10, completed: false }, local(12, false, true), 1800)).toMatchObject({ startAt: 0, positionSeconds: 12, completed: true, synced: false });
  });

  it('plays a finished chapter from the beginning without telling the server anything new', () => {
    expect(startingPoint({ positionSeconds: 1800, completed: true }, null, 1800)).toEqual({
      startAt: 0,
      positionSeconds: 1800,
      completed: true,
      synced: true,
      durationSeconds: null,
    });
  });

  it('left in the last seconds of a file whose length the phone knows: completed, told with the place kept (not 0)', () => {
    const start = startingPoint({ positionSeconds: 118, completed: false }, local(118, true, false, { durationSeconds: 120 }), 120);
    expect(start).toEqual({ startAt: 0, positionSeconds: 118, completed: true, synced: false, durationSeconds: 120 });
  });

  it('near the end of only the stated length: resumes there, sends nothing (the stated length may be wrong)', () => {
    expect(startingPoint({ positionSeconds: 58, completed: false }, null, 60)).toMatchObject({ startAt: 58, positionSeconds: 58, completed: false, synced: true });
  });

  it('a file longer than stated resumes at the real place this phone kept, not at the capped one', () => {
    const kept = local(90, true, false, { durationSeconds: 120, limitSeconds: 60 });
    expect(startingPoint({ positionSeconds: 60, completed: false }, kept, 60)).toMatchObject({ startAt: 90, positionSeconds: 90, completed: false, synced: true });
    // Another phone went on since (the server holds something else): the server's place.
    expect(startingPoint({ positionSeconds: 30, completed: false }, kept, 60).startAt).toBe(30);
  });

  it('a saver started there sends nothing until the reader plays (no 0 overwriting the server’s place)', async () => {
    const r = rig(startingPoint({ positionSeconds: 1800, completed: true }, null, 1800), 1800);
    await r.saver.save();
    expect(r.sent).toHaveLength(0);
    const near = rig(startingPoint({ positionSeconds: 118, completed: false }, local(118, true, false, { durationSeconds: 120 }), 120), 120);
    await near.saver.save();
    expect(near.sent).toEqual([{ ...KEY, positionSeconds: 118, completed: true }]);
  });
});

describe('the course page’s view of progress (phoneProgressNewer)', () => {
  const record = (positionSeconds: number, at: number, synced: boolean, completed = false): LocalProgress => ({ ...KEY, positionSeconds, completed, at, synced });

  it('shows the phone’s place when the server does not have it yet', () => {
    expect(phoneProgressNewer({ positionSeconds: 2, completed: false }, record(6, 100, false), 500)).toEqual({ positionSeconds: 6, completed: false });
    expect(phoneProgressNewer(null, record(6, 100, false, true), 500)).toEqual({ positionSeconds: 6, completed: true });
  });

  it('shows a place sent after the page’s data was asked for (the answer may have missed it)', () => {
    expect(phoneProgressNewer({ positionSeconds: 2, completed: false }, record(6, 900, true), 500)).toEqual({ positionSeconds: 6, completed: false });
    expect(phoneProgressNewer({ positionSeconds: 2, completed: true }, record(6, 900, true), 500)).toEqual({ positionSeconds: 6, completed: true });
  });

  it('leaves the server’s when the phone’s was sent before the data was asked for, or there is none', () => {
    expect(phoneProgressNewer({ positionSeconds: 9, completed: false }, record(6, 100, true), 500)).toBeNull();
    expect(phoneProgressNewer({ positionSeconds: 9, completed: false }, null, 500)).toBeNull();
  });
});

describe('the phone’s book of records', () => {
  const record = (chapterId: string, at: number, synced: boolean): LocalProgress => ({ courseId: 'c', chapterId, positionSeconds: at, completed: false, at, synced });

  it('keeps one record per chapter, the newest', () => {
    let book = putLocalProgress(null, record('a', 1, false));
    book = putLocalProgress(book, record('a', 2, true));
    expect(Object.values(book)).toEqual([record('a', 2, true)]);
  });

  it('drops the oldest sent records beyond the limit, never an unsent one', () => {
    let book = putLocalProgress(null, record('unsent', 0, false), 3);
    for (let i = 1; i <= 5; i++) book = putLocalProgress(book, record(`s${i}`, i, true), 3);
    expect(Object.keys(book).sort()).toEqual(['s4', 's5', 'unsent']);
    expect(unsentProgress(book).map((r) => r.chapterId)).toEqual(['unsent']);
  });
});
