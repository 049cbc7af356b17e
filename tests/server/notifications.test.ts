import 'reflect-metadata';
import mongoose from 'mongoose';
import { createLogger } from '../../server/src/logger';
import { backoffMs, deliverDue, type DeliveryDeps } from '../../server/src/modules/notification/delivery.worker';
import { WechatClient } from '../../server/src/wechat/wechat.client';
import { BOOK, CANCEL, insertLecture, newKey, signIn } from '../helpers/booking';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { startTestServer, type TestServer } from '../helpers/server';
import { postGraphQL } from '../helpers/graphql';
import { startServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait';

const HOUR = 3600 * 1000;

describe('confirmations and reminders through WeChat subscribe messages', () => {
  let wechat: FakeWechat;
  let server: TestServer;
  let deps: DeliveryDeps;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    const wechatConfig = { apiBase: wechat.baseUrl, appId: wechat.appId, appSecret: wechat.appSecret, templates: { booking: 'tpl-booking', reminder: 'tpl-reminder' } };
    server = await startTestServer({ label: 'notify', seed: false, config: { wechat: wechatConfig } });
    deps = { wechat: new WechatClient(wechatConfig), templates: wechatConfig.templates, logger: createLogger('silent') };
  });
  afterAll(async () => {
    await server.close();
    await wechat.close();
  });

  const outbox = (bookingId: string) => mongoose.connection.db!.collection('outbox').find({ bookingId: new mongoose.Types.ObjectId(bookingId) }).sort({ dueAt: 1 }).toArray();

  async function bookAt(openId: string, startsAt: Date) {
    const lectureId = await insertLecture({ startsAt, endsAt: new Date(startsAt.getTime() + 1.5 * HOUR), title: '好家风伴我成长——闽北家训故事分享' });
    const token = await signIn(server, openId);
    const booking = (await server.graphql(BOOK, { input: { lectureId, partySize: 2, idempotencyKey: newKey() } }, token)).data.bookLecture;
    return { booking, token, startsAt };
  }

  it('tells the household once that seats are held, even with two workers at once', async () => {
    const { booking } = await bookAt('o-notify-1', new Date(Date.now() + 7 * 24 * HOUR));
    const queued = await outbox(booking.id);
    expect(queued.map((o) => o.kind)).toEqual(['BOOKING_CONFIRMED', 'REMINDER_24H', 'REMINDER_2H']);

    const before = wechat.sent.length;
    await Promise.all([deliverDue(deps), deliverDue(deps)]);
    const mine = wechat.sent.slice(before).filter((m) => m.page.endsWith(booking.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ touser: 'dev:o-notify-1', template_id: 'tpl-booking' });
    expect(mine[0].data.thing4.value).toBe('预约成功，已为您预留2个座位');
    expect(Array.from(mine[0].data.thing1.value).length).toBeLessThanOrEqual(20);
    await deliverDue(deps);
    expect(wechat.sent.filter((m) => m.page.endsWith(booking.id))).toHaveLength(1);
  });

  it('sends each reminder at its hour and not before', async () => {
    const { booking, startsAt } = await bookAt('o-notify-2', new Date(Date.now() + 3 * 24 * HOUR));
    await deliverDue(deps);
    const sentFor = () => wechat.sent.filter((m) => m.page.endsWith(booking.id)).map((m) => m.data.thing4.value);
    expect(sentFor()).toEqual(['预约成功，已为您预留2个座位']);
    await deliverDue(deps, new Date(startsAt.getTime() - 24 * HOUR - 60_000));
    expect(sentFor()).toHaveLength(1);
    await deliverDue(deps, new Date(startsAt.getTime() - 24 * HOUR + 60_000));
    expect(sentFor()).toEqual(['预约成功，已为您预留2个座位', '讲座明天开始，请带好入场券']);
    await deliverDue(deps, new Date(startsAt.getTime() - 2 * HOUR + 60_000));
    expect(sentFor().at(-1)).toBe('讲座两小时后开始，请准时到场');
    expect(wechat.sent.filter((m) => m.page.endsWith(booking.id)).at(-1)!.template_id).toBe('tpl-reminder');
  });

  it('retries with backoff while WeChat is busy, and gives up on a refusal', async () => {
    const { booking } = await bookAt('o-notify-3', new Date(Date.now() + 5 * 24 * HOUR));
    wechat.failNextSends(45011, 45011);
    const now = Date.now();
    expect((await deliverDue(deps, new Date(now))).retried).toBeGreaterThanOrEqual(1);
    const [confirmation] = await outbox(booking.id);
    expect(confirmation).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(confirmation.dueAt.getTime()).toBe(now + backoffMs(1));
    await deliverDue(deps, new Date(now + backoffMs(1) - 1000)); // not yet due again
    expect((await outbox(booking.id))[0].attempts).toBe(1);
    await deliverDue(deps, new Date(now + backoffMs(1)));
    await deliverDue(deps, new Date(now + backoffMs(1) + backoffMs(2)));
    expect((await outbox(booking.id))[0]).toMatchObject({ state: 'SENT', attempts: 3 });
    expect(wechat.sent.filter((m) => m.page.endsWith(booking.id))).toHaveLength(1);

    const refused = await bookAt('o-notify-4', new Date(Date.now() + 5 * 24 * HOUR));
    wechat.failNextSends(43101); // the user did not subscribe
    await deliverDue(deps);
    expect((await outbox(refused.booking.id))[0]).toMatchObject({ state: 'DROPPED', attempts: 1 });
  });

  it('sends nothing more for a cancelled booking', async () => {
    const { booking, token } = await bookAt('o-notify-5', new Date(Date.now() + 4 * 24 * HOUR));
    await deliverDue(deps);
    await server.graphql(CANCEL, { id: booking.id }, token);
    expect((await outbox(booking.id)).map((o) => o.state)).toEqual(['SENT', 'DROPPED', 'DROPPED']);
    await deliverDue(deps, new Date(Date.now() + 4 * 24 * HOUR));
    expect(wechat.sent.filter((m) => m.page.endsWith(booking.id))).toHaveLength(1);
  });

  it('without WeChat credentials logs the message instead of sending it', async () => {
    const { booking } = await bookAt('o-notify-6', new Date(Date.now() + 6 * 24 * HOUR));
    const lines: string[] = [];
    const logger = createLogger('info');
    const quiet = { ...deps, wechat: new WechatClient({ apiBase: wechat.baseUrl, templates: {} }), logger: Object.assign(Object.create(logger), { info: (obj: object, msg: string) => lines.push(`${msg} ${JSON.stringify(obj)}`) }) };
    const before = wechat.calls.length;
    await deliverDue(quiet);
    expect(wechat.calls.length).toBe(before);
    expect(lines.some((l) => l.includes('not sent') && l.includes(booking.id))).toBe(true);
    expect((await outbox(booking.id))[0].state).toBe('SENT');
  });

  it('tells the mini program which templates to ask the user to subscribe to', async () => {
    expect((await server.graphql('{ subscriptionTemplateIds }')).data.subscriptionTemplateIds).toEqual(['tpl-booking', 'tpl-reminder']);
  });
});

describe('the server as deployed', () => {
  it('delivers a booking confirmation by itself, through its background worker', async () => {
    const wechat = await startFakeWechat();
    const server = await startServerProcess('deliveryworker', {
      env: {
        SEED_IF_EMPTY: 'false',
        WECHAT_API_BASE: wechat.baseUrl,
        WECHAT_APP_ID: wechat.appId,
        WECHAT_APP_SECRET: wechat.appSecret,
        WECHAT_TEMPLATE_BOOKING: 'tpl-booking',
        DELIVERY_INTERVAL_SECONDS: '0.2',
      },
    });
    const connection = await mongoose.createConnection(server.database.uri, { dbName: server.database.dbName }).asPromise();
    try {
      const lectureId = new mongoose.Types.ObjectId();
      const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
      await connection.collection('lectures').insertOne({
        _id: lectureId, title: '亲子沟通的小窍门', summary: '学会倾听孩子。', startsAt, endsAt: new Date(startsAt.getTime() + HOUR),
        venueId: new mongoose.Types.ObjectId(), lecturerId: new mongoose.Types.ObjectId(), capacity: 10, maxPartySize: 2,
        status: 'PUBLISHED', tags: [], venueType: 'SCHOOL', countyCode: '350702',
      });
      const signedIn = await postGraphQL(server.url, `mutation { signInWithWechat(code: "ok:o-worker") { token } }`);
      const booked = await postGraphQL(server.url, BOOK, { input: { lectureId: lectureId.toHexString(), partySize: 1, idempotencyKey: newKey() } }, signedIn.data.signInWithWechat.token);
      const id = booked.data.bookLecture.id;
      await waitFor(() => wechat.sent.some((m) => m.page === `pages/ticket/index?id=${id}`), 'the confirmation to reach WeChat');
      expect(wechat.sent.find((m) => m.page.endsWith(id))).toMatchObject({ touser: 'o-worker', template_id: 'tpl-booking' });
    } finally {
      await connection.close();
      await server.stop();
      await wechat.close();
    }
  });
});
