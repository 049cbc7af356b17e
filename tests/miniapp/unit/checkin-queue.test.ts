/**
 * The door check-in queue of the mini program (miniapp/src/services/checkin-queue.ts), in Node:
 * scans are kept, a repeated pending ticket is not queued twice, the server's answers settle the
 * entries, a failed sync leaves everything pending, and replaying a queue answers the same.
 *
 * The "server" here is a small stand-in with the contract's semantics (one answer per scan,
 * answered again the same way for a clientScanId it has seen); the real server is exercised by
 * tests/e2e/checkin.test.ts.
 */
import {
  addScan,
  applyResults,
  createCheckInQueue,
  dismissScan,
  hasPending,
  pendingBatch,
  pruneSettled,
  scanNamedBy,
  toScanInput,
  type CheckInResult,
  type QueuedScan,
} from '../../../miniapp/src/services/checkin-queue';
import {
  cachedDeskFor,
  doorStillOpen,
  formatTypedCode,
  lectureQueueView,
  parsePhoneTail,
  parseTicketCode,
  pendingScanNote,
  withCachedDesk,
} from '../../../miniapp/src/components/CheckInSyncBar/door';
import type { OfflineScanInput } from '../../../miniapp/src/gql/graphql';

const LECTURE = 'lecture-1';
const USER = 'lecturer-1';
const T0 = new Date('2026-05-16T06:00:00Z'); // 14:00 in Nanping

/** Tickets the stand-in server knows: short code → household. */
const TICKETS: Record<string, { bookingId: string; householdName: string; partySize: number }> = {
  'K7Q2-9XMA': { bookingId: 'b1', householdName: '王奶奶', partySize: 3 },
  '2B3C-4D5E': { bookingId: 'b2', householdName: '李爷爷', partySize: 2 },
};

class NetworkDown extends Error {
  code = 'NETWORK_ERROR';
}

/** syncCheckIns as the contract describes it: idempotent per clientScanId and per booking. */
function fakeServer() {
  const answers = new Map<string, CheckInResult>();
  const checkedIn = new Map<string, string>(); // bookingId → checkedInAt
  const requests: OfflineScanInput[][] = [];
  let down = false;
  async function send(scans: OfflineScanInput[]): Promise<CheckInResult[]> {
    requests.push(scans);
    if (down) throw new NetworkDown('offline');
    return scans.map((scan) => {
      const seen = answers.get(scan.clientScanId);
      if (seen) return seen;
      const base = { clientScanId: scan.clientScanId, errorCode: null, bookingId: null, householdName: null, partySize: null, partyPresent: null, checkedInAt: null };
      let answer: CheckInResult;
      if (scan.walkInPartySize) {
        answer = { ...base, outcome: 'WALK_IN_RECORDED', message: '已登记', partyPresent: scan.walkInPartySize, checkedInAt: scan.scannedAt };
      } else {
        const ticket = scan.code ? TICKETS[scan.code] : undefined;
        if (!ticket || scan.lectureId !== LECTURE) {
          answer = { ...base, outcome: 'REJECTED', message: '这不是本场讲座的入场券', errorCode: 'NOT_FOUND' };
        } else if (checkedIn.has(ticket.bookingId)) {
          answer = { ...base, outcome: 'ALREADY_CHECKED_IN', message: '已于 14:00 签到', bookingId: ticket.bookingId, householdName: ticket.householdName, partySize: ticket.partySize, checkedInAt: checkedIn.get(ticket.bookingId)! };
        } else {
          checkedIn.set(ticket.bookingId, scan.scannedAt);
          answer = { ...base, outcome: 'CHECKED_IN', message: '签到成功', bookingId: ticket.bookingId, householdName: ticket.householdName, partySize: ticket.partySize, partyPresent: scan.partyPresent ?? ticket.partySize, checkedInAt: scan.scannedAt };
        }
      }
      answers.set(scan.clientScanId, answer);
      return answer;
    });
  }
  return {
    send,
    requests,
    checkedIn,
    setDown(value: boolean) {
      down = value;
    },
  };
}

/** A queue over an in-memory "storage" that survives re-creating the queue (an app restart). */
function deviceQueue(server: ReturnType<typeof fakeServer>, storage: { value: unknown } = { value: null }) {
  let clock = T0.getTime();
  let ids = 0;
  const queue = createCheckInQueue({
    load: () => storage.value,
    save: (entries) => {
      storage.value = JSON.parse(JSON.stringify(entries)); // as Taro storage would: a copy
    },
    send: server.send,
    now: () => new Date((clock += 1000)),
    newId: () => `scan-${++ids}`,
  });
  return { queue, storage };
}

const states = (entries: QueuedScan[]) => entries.map((e) => [e.code ?? e.bookingId ?? `walk-in ${e.walkInPartySize}`, e.state]);

describe('ticket codes as the lecturer types them', () => {
  it('normalises a short code: lower case, no dash, spaces, O for 0 and I/L for 1', () => {
    expect(parseTicketCode('K7Q2-9XMA')).toEqual({ ok: true, code: 'K7Q2-9XMA' });
    expect(parseTicketCode('k7q29xma')).toEqual({ ok: true, code: 'K7Q2-9XMA' });
    expect(parseTicketCode('  k7q2 9xma ')).toEqual({ ok: true, code: 'K7Q2-9XMA' });
    expect(parseTicketCode('k7q-29xma')).toEqual({ ok: true, code: 'K7Q2-9XMA' });
    expect(parseTicketCode('O1L2-I3AB')).toEqual({ ok: true, code: '0112-13AB' });
  });

  it('keeps a pasted or scanned QR ticket exactly as it is (it is signed)', () => {
    const jws = 'eyJhbGciOiJIUzI1NiIsInR5cCI6InRpY2tldCJ9.eyJsZWMiOiJhYmMifQ.Sig-_value';
    expect(parseTicketCode(` ${jws}\n`)).toEqual({ ok: true, code: jws });
    expect(formatTypedCode(jws)).toBe(jws);
  });

  it('refuses what cannot be a ticket, saying what a code looks like', () => {
    for (const bad of ['', '   ', 'K7Q2-9XM', 'K7Q2-9XMAB', 'K7Q2-9XM!', 'UUUU-UUUU']) {
      const parsed = parseTicketCode(bad);
      expect(parsed.ok).toBe(false);
    }
    expect(parseTicketCode('K7Q2')).toEqual({ ok: false, message: '入场码是 8 位字母和数字，例如 K7Q2-9XMA' });
  });

  it('shows a code back in the box as it is typed, dash in place', () => {
    expect(formatTypedCode('k7q')).toBe('K7Q');
    expect(formatTypedCode('k7q29')).toBe('K7Q2-9');
    expect(formatTypedCode('k7q2-9xma')).toBe('K7Q2-9XMA');
    expect(formatTypedCode('k7q29xmaextra')).toBe('K7Q2-9XMA');
  });

  it('takes exactly four digits as a phone tail', () => {
    expect(parsePhoneTail('5678')).toBe('5678');
    expect(parsePhoneTail(' 5678 ')).toBe('5678');
    expect(parsePhoneTail('567')).toBeNull();
    expect(parsePhoneTail('56789')).toBeNull();
    expect(parsePhoneTail('56a8')).toBeNull();
  });
});

describe('the queue as pure functions', () => {
  it('adds scans with their own id and time; a pending ticket scanned again is the same entry', () => {
    let { entries, entry, duplicate } = addScan([], { lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'a', T0);
    expect(duplicate).toBe(false);
    expect(entry).toMatchObject({ clientScanId: 'a', lectureId: LECTURE, userId: USER, code: 'K7Q2-9XMA', state: 'pending', scannedAt: T0.toISOString() });

    const again = addScan(entries, { lectureId: LECTURE, code: 'K7Q2-9XMA', partyPresent: 5 }, USER, 'b', T0);
    expect(again.duplicate).toBe(true);
    expect(again.entry.clientScanId).toBe('a');
    expect(again.entries).toHaveLength(1);

    // Another lecture, a booking picked from the roster, and walk-ins are entries of their own.
    ({ entries } = addScan(entries, { lectureId: 'other', code: 'K7Q2-9XMA' }, USER, 'c', T0));
    ({ entries } = addScan(entries, { lectureId: LECTURE, bookingId: 'b2', label: '李爷爷' }, USER, 'd', T0));
    expect(addScan(entries, { lectureId: LECTURE, bookingId: 'b2' }, USER, 'e', T0).duplicate).toBe(true);
    ({ entries } = addScan(entries, { lectureId: LECTURE, walkInPartySize: 2 }, USER, 'f', T0));
    ({ entries } = addScan(entries, { lectureId: LECTURE, walkInPartySize: 2 }, USER, 'g', T0));
    expect(entries.map((e) => e.clientScanId)).toEqual(['a', 'c', 'd', 'f', 'g']);
    expect(toScanInput(entries[3])).toEqual({ clientScanId: 'f', lectureId: LECTURE, scannedAt: T0.toISOString(), walkInPartySize: 2 });
    expect(toScanInput(entries[2])).toEqual({ clientScanId: 'd', lectureId: LECTURE, scannedAt: T0.toISOString(), bookingId: 'b2' });
  });

  it('queues a ticket again once it has been answered: the server decides whether it still holds', () => {
    const { entries } = addScan([], { lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'a', T0);
    const answered = applyResults(entries, [{ clientScanId: 'a', outcome: 'CHECKED_IN', message: '签到成功' } as CheckInResult], T0);
    const again = addScan(answered, { lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'b', T0);
    expect(again.duplicate).toBe(false);
    expect(again.entries).toHaveLength(2);
  });

  it('sends oldest first, in batches of at most 100, only the scanning account’s', () => {
    let entries: QueuedScan[] = [];
    for (let i = 0; i < 130; i++) {
      const at = new Date(T0.getTime() + (130 - i) * 1000); // added newest first
      entries = addScan(entries, { lectureId: LECTURE, walkInPartySize: 1 }, i === 0 ? 'someone-else' : USER, `s${i}`, at).entries;
    }
    const batch = pendingBatch(entries, USER);
    expect(batch).toHaveLength(100);
    expect(batch[0].clientScanId).toBe('s129');
    expect(batch.some((e) => e.userId !== USER)).toBe(false);
  });

  it('a refusal stays until dismissed, for three days at most; pending entries stay however old', () => {
    let { entries } = addScan([], { lectureId: LECTURE, code: 'ZZZZ-ZZZZ' }, USER, 'a', T0);
    entries = addScan(entries, { lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'b', T0).entries;
    entries = applyResults(entries, [{ clientScanId: 'a', outcome: 'REJECTED', message: '这不是本场讲座的入场券', errorCode: 'NOT_FOUND' } as CheckInResult], T0);
    const days = (n: number) => new Date(T0.getTime() + n * 24 * 3600_000);
    expect(pruneSettled(entries, days(2)).map((e) => e.state)).toEqual(['refused', 'pending']);
    expect(pruneSettled(entries, days(3.5)).map((e) => e.state)).toEqual(['pending']);
    expect(pruneSettled(entries, days(30)).map((e) => e.state)).toEqual(['pending']);
    expect(dismissScan(entries, 'b')).toHaveLength(2);
    expect(dismissScan(entries, 'a').map((e) => e.clientScanId)).toEqual(['b']);
  });

  it('an old refusal is gone when the app opens again, before anything is sent', () => {
    let { entries } = addScan([], { lectureId: LECTURE, code: 'ZZZZ-ZZZZ' }, USER, 'a', T0);
    entries = applyResults(entries, [{ clientScanId: 'a', outcome: 'REJECTED', message: '这不是本场讲座的入场券', errorCode: 'NOT_FOUND' } as CheckInResult], T0);
    entries = addScan(entries, { lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'b', T0).entries;
    const storage = { value: entries as unknown };
    const fourDaysLater = createCheckInQueue({ load: () => storage.value, save: () => undefined, send: async () => [], now: () => new Date(T0.getTime() + 4 * 24 * 3600_000) });
    expect(fourDaysLater.store.get().map((e) => [e.clientScanId, e.state])).toEqual([['b', 'pending']]);
  });

  it('shows a lecture’s queue to the account signed in; another account’s waiting scans apart', () => {
    let entries: QueuedScan[] = [];
    const add = (request: Parameters<typeof addScan>[1], userId: string, id: string) => (entries = addScan(entries, request, userId, id, T0).entries);
    add({ lectureId: LECTURE, bookingId: 'b1', label: '王奶奶' }, 'colleague', 'theirs');
    add({ lectureId: LECTURE, code: 'ZZZZ-ZZZZ' }, 'colleague', 'their-refusal');
    add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER, 'mine');
    add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER, 'my-refusal');
    add({ lectureId: 'other', code: 'K7Q2-9XMA' }, 'colleague', 'elsewhere');
    entries = applyResults(entries, [
      { clientScanId: 'their-refusal', outcome: 'REJECTED', message: '不是本场讲座的入场券', errorCode: 'NOT_FOUND' } as CheckInResult,
      { clientScanId: 'my-refusal', outcome: 'REJECTED', message: '不是本场讲座的入场券', errorCode: 'NOT_FOUND' } as CheckInResult,
    ], T0);
    const ids = (list: QueuedScan[]) => list.map((e) => e.clientScanId);
    const view = lectureQueueView(entries, LECTURE, USER);
    expect(ids(view.pending)).toEqual(['mine']);
    expect(ids(view.refused)).toEqual(['my-refusal']);
    expect(ids(view.othersPending)).toEqual(['theirs']);
    // The colleague's household is not "waiting" for this account: its row can be checked in.
    expect(view.pending.some((e) => e.bookingId === 'b1')).toBe(false);
    expect(hasPending(entries, USER)).toBe(true);
    expect(hasPending(entries, 'nobody')).toBe(false);
    expect(hasPending(entries, null)).toBe(false);
    // Signed out: everything waiting is someone else's.
    expect(ids(lectureQueueView(entries, LECTURE, null).othersPending)).toEqual(['theirs', 'mine']);
  });
});

describe('the door screen', () => {
  it('keeps the door open until a day after the end, as the server does', () => {
    const endsAt = T0.toISOString();
    expect(doorStillOpen(endsAt, new Date(T0.getTime() - 3600_000))).toBe(true);
    expect(doorStillOpen(endsAt, new Date(T0.getTime() + 3600_000))).toBe(true);
    expect(doorStillOpen(endsAt, new Date(T0.getTime() + 23.9 * 3600_000))).toBe(true);
    expect(doorStillOpen(endsAt, new Date(T0.getTime() + 24.1 * 3600_000))).toBe(false);
  });

  it('says why a scan still waits: no network, the server asking to try later, a lapsed sign-in', () => {
    expect(pendingScanNote({ duplicate: false, syncing: false, last: null })).toBe('网络恢复后会自动同步，不会重复计数。');
    expect(pendingScanNote({ duplicate: false, syncing: false, last: { status: 'offline', answered: 0 } })).toBe('网络恢复后会自动同步，不会重复计数。');
    expect(pendingScanNote({ duplicate: false, syncing: false, last: { status: 'failed', answered: 0, code: 'INTERNAL_SERVER_ERROR', message: '服务器暂时无法处理，稍后会自动重试' } })).toBe(
      '服务器暂时无法处理，稍后会自动重试。已记在手机上，不会重复计数。',
    );
    expect(pendingScanNote({ duplicate: false, syncing: false, last: { status: 'failed', answered: 0, code: 'UNAUTHENTICATED', message: '请先登录' } })).toContain('重新登录');
    expect(pendingScanNote({ duplicate: false, syncing: true, last: null })).toBe('正在送到服务器…');
    expect(pendingScanNote({ duplicate: true, syncing: false, last: null })).toContain('不会重复记录');
  });

  it('keeps door lists per account: another account never reads them, and writing for it drops them', () => {
    const deskA = { lecture: { id: 'l1' }, roster: { entries: [{ householdName: '王奶奶', phoneTail: '5678' }] } };
    let stored: unknown = withCachedDesk(null, USER, 'l1', deskA, 1, 3);
    expect(cachedDeskFor(stored, USER, 'l1')).toEqual(deskA);
    expect(cachedDeskFor(stored, 'someone-else', 'l1')).toBeNull();
    expect(cachedDeskFor(stored, null, 'l1')).toBeNull();
    expect(cachedDeskFor(stored, USER, 'l2')).toBeNull();
    // The last three lectures of the account only.
    for (const [i, id] of ['l2', 'l3', 'l4'].entries()) stored = withCachedDesk(stored, USER, id, { lecture: { id } }, 2 + i, 3);
    expect(Object.keys((stored as { desks: object }).desks).sort()).toEqual(['l2', 'l3', 'l4']);
    // Another account keeps its own list: the first account's are gone from the phone.
    stored = withCachedDesk(stored, 'someone-else', 'l9', { lecture: { id: 'l9' } }, 9, 3);
    expect(Object.keys((stored as { desks: object }).desks)).toEqual(['l9']);
    expect(cachedDeskFor(stored, USER, 'l4')).toBeNull();
    // What an older app kept (by lecture only, no account) is never read.
    expect(cachedDeskFor({ l1: { ...deskA, savedAt: 1 } }, USER, 'l1')).toBeNull();
  });
});

describe('syncing the queue', () => {
  it('online: a scan is answered at once and the entry says how', async () => {
    const server = fakeServer();
    const { queue } = deviceQueue(server);
    const { entry } = queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA', partyPresent: 2 }, USER);
    await expect(queue.sync(USER)).resolves.toEqual({ status: 'synced', answered: 1 });
    const [done] = queue.store.get();
    expect(done.clientScanId).toBe(entry.clientScanId);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ outcome: 'CHECKED_IN', householdName: '王奶奶', partySize: 3, partyPresent: 2 });

    // The same ticket again: a new entry, answered as already checked in, counting nothing twice.
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    await queue.sync(USER);
    expect(states(queue.store.get())).toEqual([
      ['K7Q2-9XMA', 'done'],
      ['K7Q2-9XMA', 'already'],
    ]);
    expect(queue.store.get()[1].result?.checkedInAt).toBe(done.result?.checkedInAt);
    expect(server.checkedIn.size).toBe(1);
  });

  it('offline: a failed sync leaves every scan pending (and kept in storage); the next one sends them', async () => {
    const server = fakeServer();
    const { queue, storage } = deviceQueue(server);
    server.setDown(true);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER);
    const repeat = queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    expect(repeat.duplicate).toBe(true);
    await expect(queue.sync(USER)).resolves.toEqual({ status: 'offline', answered: 0 });
    expect(states(queue.store.get())).toEqual([
      ['K7Q2-9XMA', 'pending'],
      ['2B3C-4D5E', 'pending'],
    ]);
    expect(states(storage.value as QueuedScan[])).toEqual(states(queue.store.get()));

    // The app is closed and opened again: the queue comes back from storage.
    const reopened = deviceQueue(server, storage).queue;
    expect(reopened.store.get()).toHaveLength(2);
    server.setDown(false);
    await expect(reopened.sync(USER)).resolves.toEqual({ status: 'synced', answered: 2 });
    expect(states(reopened.store.get())).toEqual([
      ['K7Q2-9XMA', 'done'],
      ['2B3C-4D5E', 'done'],
    ]);
    expect(server.checkedIn.size).toBe(2);
  });

  it('a refused ticket is reported with the server’s reason and does not hold up the others', async () => {
    const server = fakeServer();
    const { queue } = deviceQueue(server);
    queue.add({ lectureId: LECTURE, code: 'ZZZZ-ZZZZ' }, USER);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER);
    queue.add({ lectureId: LECTURE, walkInPartySize: 3 }, USER);
    await queue.sync(USER);
    const entries = queue.store.get();
    expect(states(entries)).toEqual([
      ['ZZZZ-ZZZZ', 'refused'],
      ['2B3C-4D5E', 'done'],
      ['walk-in 3', 'done'],
    ]);
    expect(entries[0].result).toMatchObject({ message: '这不是本场讲座的入场券', errorCode: 'NOT_FOUND' });
  });

  it('replaying is idempotent: answers lost on the way are asked again and come back the same', async () => {
    const server = fakeServer();
    const { queue } = deviceQueue(server);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER);

    // The server checks both in, but the answer never reaches the phone (the signal dropped).
    const lost = server.send;
    await lost(pendingBatch(queue.store.get(), USER).map(toScanInput));
    expect(server.checkedIn.size).toBe(2);
    expect(queue.store.get().every((e) => e.state === 'pending')).toBe(true);

    // The phone sends the same scans again: same ids, so the same answers, nothing counted twice.
    await queue.sync(USER);
    expect(states(queue.store.get())).toEqual([
      ['K7Q2-9XMA', 'done'],
      ['2B3C-4D5E', 'done'],
    ]);
    expect(server.checkedIn.size).toBe(2);
    const ids = server.requests.map((r) => r.map((s) => s.clientScanId));
    expect(ids[1]).toEqual(ids[0]);

    // Applying a late copy of the answers again changes nothing.
    const before = queue.store.get();
    const replayed = applyResults(before, await server.send(ids[0].map((clientScanId) => ({ clientScanId, lectureId: LECTURE, scannedAt: T0.toISOString() }))), new Date());
    expect(replayed).toEqual(before);
  });

  it('sends a long offline queue in batches of at most 100, out of order answers matched by id', async () => {
    const server = fakeServer();
    const reversing = { ...server, send: async (scans: OfflineScanInput[]) => (await server.send(scans)).reverse() };
    const { queue } = deviceQueue(reversing as typeof server);
    for (let i = 0; i < 230; i++) queue.add({ lectureId: LECTURE, walkInPartySize: 1 + (i % 3) }, USER);
    await expect(queue.sync(USER)).resolves.toEqual({ status: 'synced', answered: 230 });
    expect(server.requests.map((r) => r.length)).toEqual([100, 100, 30]);
    const walkIns = queue.store.get();
    expect(walkIns.filter((e) => e.state === 'pending')).toHaveLength(0);
    // Answers kept to a hundred for the 最近签到 list, the latest ones.
    expect(walkIns.length).toBeLessThanOrEqual(100);
  });

  it('a scan the request is refused for (scans.N named) is refused alone; a sign-out keeps all pending', async () => {
    const server = fakeServer();
    const picky = {
      ...server,
      async send(scans: OfflineScanInput[]) {
        const bad = scans.findIndex((s) => s.partyPresent === 0);
        if (bad >= 0) {
          throw Object.assign(new Error('输入有误，请检查后再试'), {
            code: 'BAD_USER_INPUT',
            errors: [{ message: 'Invalid value', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: `scans.${bad}.partyPresent`, messages: ['must be at least 1'] }] } }],
          });
        }
        return server.send(scans);
      },
    };
    const { queue } = deviceQueue(picky as typeof server);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E', partyPresent: 0 }, USER);
    queue.add({ lectureId: LECTURE, walkInPartySize: 1 }, USER);
    await queue.sync(USER);
    expect(states(queue.store.get())).toEqual([
      ['K7Q2-9XMA', 'done'],
      ['2B3C-4D5E', 'refused'],
      ['walk-in 1', 'done'],
    ]);

    const signedOut = deviceQueue({ ...server, send: async () => Promise.reject(Object.assign(new Error('请先登录'), { code: 'UNAUTHENTICATED' })) } as typeof server).queue;
    signedOut.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    await expect(signedOut.sync(USER)).resolves.toMatchObject({ status: 'failed', code: 'UNAUTHENTICATED' });
    expect(signedOut.store.get()[0].state).toBe('pending');
  });

  it('a request refused as a whole (an old app after a schema change) keeps every scan pending', async () => {
    const server = fakeServer();
    let schemaChanged = true;
    const newer = {
      ...server,
      async send(scans: OfflineScanInput[]) {
        if (!schemaChanged) return server.send(scans);
        // As graphql-js reports a value the schema no longer takes: one error per scan.
        throw Object.assign(new Error('输入有误，请检查后再试'), {
          code: 'BAD_USER_INPUT',
          errors: scans.map((_, i) => ({ message: `Variable "$scans" got invalid value at "scans[${i}]"; Field "partyPresent" is not defined by type "OfflineScanInput".`, extensions: { code: 'BAD_USER_INPUT' } })),
        });
      },
    };
    const { queue } = deviceQueue(newer as typeof server);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER);
    await expect(queue.sync(USER)).resolves.toMatchObject({ status: 'failed', code: 'BAD_USER_INPUT', message: expect.stringContaining('请更新小程序') });
    expect(states(queue.store.get())).toEqual([
      ['K7Q2-9XMA', 'pending'],
      ['2B3C-4D5E', 'pending'],
    ]);

    // Refused without naming anything at all: the same, even for a single scan.
    const { queue: single } = deviceQueue({ ...server, send: async () => Promise.reject(Object.assign(new Error('输入有误'), { code: 'BAD_USER_INPUT', errors: [] })) } as typeof server);
    single.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    await expect(single.sync(USER)).resolves.toMatchObject({ status: 'failed', code: 'BAD_USER_INPUT' });
    expect(states(single.store.get())).toEqual([['K7Q2-9XMA', 'pending']]);

    // The app updated (or the server mended): the same scans go through.
    schemaChanged = false;
    await expect(queue.sync(USER)).resolves.toEqual({ status: 'synced', answered: 2 });
    expect(server.checkedIn.size).toBe(2);
  });

  it('reads which scan a refused request names, only when it names some and not all', () => {
    const refused = (errors: unknown[]) => Object.assign(new Error('x'), { code: 'BAD_USER_INPUT', errors });
    expect(scanNamedBy(refused([{ extensions: { fields: [{ field: 'scans.2.partyPresent' }] } }]), 5)).toBe(2);
    expect(scanNamedBy(refused([{ message: 'Variable "$scans" got invalid value "x" at "scans[3].scannedAt"; bad date' }]), 5)).toBe(3);
    expect(scanNamedBy(refused([{ extensions: { fields: [{ field: 'scans' }] } }]), 5)).toBeNull(); // too many scans: the request's fault
    expect(scanNamedBy(refused([{ extensions: { fields: [{ field: 'scans.7.code' }] } }]), 5)).toBeNull(); // not in this batch
    expect(scanNamedBy(refused([{ message: 'at "scans[0]"' }, { message: 'at "scans[1]"' }]), 2)).toBeNull(); // every scan alike
    expect(scanNamedBy(Object.assign(new Error('x'), { code: 'INTERNAL_SERVER_ERROR', errors: [{ message: 'scans[1]' }] }), 5)).toBeNull();
  });

  it('a scan the server could not judge just now (its own trouble) stays pending and is sent again', async () => {
    const server = fakeServer();
    let troubled = true;
    const flaky = {
      ...server,
      async send(scans: OfflineScanInput[]): Promise<CheckInResult[]> {
        if (!troubled) return server.send(scans);
        return scans.map((s) => ({ clientScanId: s.clientScanId, outcome: 'REJECTED', message: '暂时无法处理，稍后自动重试', errorCode: 'INTERNAL_SERVER_ERROR', bookingId: null, householdName: null, partySize: null, partyPresent: null, checkedInAt: null }));
      },
    };
    const { queue } = deviceQueue(flaky as typeof server);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    await expect(queue.sync(USER)).resolves.toMatchObject({ status: 'failed', answered: 0, code: 'INTERNAL_SERVER_ERROR' });
    expect(states(queue.store.get())).toEqual([['K7Q2-9XMA', 'pending']]);
    troubled = false;
    await expect(queue.sync(USER)).resolves.toEqual({ status: 'synced', answered: 1 });
    expect(states(queue.store.get())).toEqual([['K7Q2-9XMA', 'done']]);
  });

  it('one sync at a time: a second call joins the first, scans added meanwhile go in the next batch', async () => {
    const server = fakeServer();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = { ...server, send: async (scans: OfflineScanInput[]) => (await gate, server.send(scans)) };
    const { queue } = deviceQueue(slow as typeof server);
    queue.add({ lectureId: LECTURE, code: 'K7Q2-9XMA' }, USER);
    const first = queue.sync(USER);
    expect(queue.isSyncing()).toBe(true);
    queue.add({ lectureId: LECTURE, code: '2B3C-4D5E' }, USER);
    const second = queue.sync(USER);
    release();
    await expect(first).resolves.toEqual({ status: 'synced', answered: 2 });
    await expect(second).resolves.toEqual({ status: 'synced', answered: 2 });
    expect(server.requests.map((r) => r.map((s) => s.code))).toEqual([['K7Q2-9XMA'], ['2B3C-4D5E']]);
    expect(queue.isSyncing()).toBe(false);
  });
});
