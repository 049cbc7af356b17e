import type { Logger } from '../../logger';
import { runPeriodically } from '../shared/periodic';
import { beijingDateTime } from '../shared/beijing-time';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel, type BookingDoc } from '../booking/booking.model';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { UserModel, type UserDoc } from '../user/user.model';
import { VenueModel, type VenueDoc } from '../venue/venue.model';
import { isDuplicateKeyError } from '../shared/mongo-errors';
import { WechatSendError, type SubscribeMessage, type WechatClient } from '../../wechat/wechat.client';
import { NOTICE_KINDS, OutboxAttemptModel, OutboxKind, OutboxModel, OutboxState, type OutboxDoc } from './outbox.model';

export interface MessageTemplates {
  /** Subscribe-message template for "booking confirmed / promoted from the waiting list". */
  booking?: string;
  /** Template for the 24 h and 2 h reminders. */
  reminder?: string;
  /** Template for notices: review results, cancelled lectures, lecturers' messages. */
  notice?: string;
}

export interface DeliveryDeps {
  wechat: WechatClient;
  templates: MessageTemplates;
  logger: Logger;
}

export const MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min, 4 min between attempts. */
export const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);
/** An attempt claimed this long ago without an outcome crashed mid-send; it is not repeated. */
const CRASHED_ATTEMPT_MS = 10 * 60 * 1000;

export interface DeliveryReport {
  sent: number;
  logged: number;
  retried: number;
  dropped: number;
}

const NOTES: Partial<Record<OutboxKind, (partySize: number) => string>> = {
  [OutboxKind.BOOKING_CONFIRMED]: (n) => `预约成功，已为您预留${n}个座位`,
  [OutboxKind.WAITLIST_PROMOTED]: (n) => `候补成功，已为您预留${n}个座位`,
  [OutboxKind.REMINDER_24H]: () => '讲座明天开始，请带好入场券',
  [OutboxKind.REMINDER_2H]: () => '讲座两小时后开始，请准时到场',
};

/** Beijing time, as the message is read in China whatever the server's zone. */
export const beijingTime = beijingDateTime;

/** WeChat's `thing` fields hold at most 20 characters. */
export const thing = (text: string) => (Array.from(text).length > 20 ? `${Array.from(text).slice(0, 19).join('')}…` : text);

export function composeMessage(kind: OutboxKind, booking: BookingDoc, lecture: LectureDoc, venue: VenueDoc | null): Record<string, string> {
  return {
    thing1: thing(lecture.title),
    time2: beijingTime(lecture.startsAt),
    thing3: thing(venue?.name ?? '详见讲座页面'),
    thing4: thing(NOTES[kind]?.(booking.partySize) ?? ''),
  };
}

/**
 * Sends the messages that are due. Each attempt is claimed by a unique insert first, so however
 * many workers run, an attempt is made once; a message is never sent twice, retried with backoff
 * when WeChat answers "busy", and dropped when its booking no longer holds seats.
 */
export async function deliverDue(deps: DeliveryDeps, now = new Date(), limit = 50): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, logged: 0, retried: 0, dropped: 0 };
  const due = await OutboxModel.find({ state: OutboxState.PENDING, dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).lean<OutboxDoc[]>();
  for (const entry of due) {
    const attempt = entry.attempts + 1;
    try {
      await OutboxAttemptModel.create({ _id: `${entry._id}#${attempt}`, claimedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const claim = await OutboxAttemptModel.findById(`${entry._id}#${attempt}`).lean<{ claimedAt: Date }>();
      if (claim && now.getTime() - claim.claimedAt.getTime() > CRASHED_ATTEMPT_MS) {
        await settle(entry, OutboxState.DROPPED, { lastError: 'an attempt crashed mid-send; not repeated' });
        report.dropped++;
      }
      continue; // another worker has this attempt
    }
    await OutboxModel.updateOne({ _id: entry._id }, { $set: { attempts: attempt } });
    report[await deliverOne(deps, entry, attempt, now)]++;
  }
  return report;
}

async function settle(entry: OutboxDoc, state: OutboxState, fields: Record<string, unknown> = {}): Promise<void> {
  await OutboxModel.updateOne({ _id: entry._id }, { $set: { state, ...fields } });
}

async function deliverOne(deps: DeliveryDeps, entry: OutboxDoc, attempt: number, now: Date): Promise<keyof DeliveryReport> {
  if (NOTICE_KINDS.includes(entry.kind as OutboxKind)) return deliverNotice(deps, entry, attempt, now);
  const booking = await BookingModel.findById(entry.bookingId).lean<BookingDoc>();
  if (!booking || booking.cancelledAt || booking.status !== BookingStatus.CONFIRMED) {
    await settle(entry, OutboxState.DROPPED, { lastError: 'booking no longer holds seats' });
    return 'dropped';
  }
  const [lecture, user] = await Promise.all([
    LectureModel.findById(booking.lectureId).lean<LectureDoc>(),
    UserModel.findById(booking.userId).lean<UserDoc>(),
  ]);
  if (!lecture || !user) {
    await settle(entry, OutboxState.DROPPED, { lastError: 'lecture or user is gone' });
    return 'dropped';
  }
  const venue = await VenueModel.findById(lecture.venueId).lean<VenueDoc>();
  const isReminder = entry.kind === OutboxKind.REMINDER_24H || entry.kind === OutboxKind.REMINDER_2H;
  const templateId = isReminder ? deps.templates.reminder : deps.templates.booking;
  const message = {
    toOpenId: user.openId,
    templateId: templateId ?? '',
    page: `pages/ticket/index?id=${booking._id.toHexString()}`,
    data: composeMessage(entry.kind as OutboxKind, booking, lecture, venue),
  };
  return send(deps, entry, attempt, now, message);
}

async function deliverNotice(deps: DeliveryDeps, entry: OutboxDoc, attempt: number, now: Date): Promise<keyof DeliveryReport> {
  const user = await UserModel.findById(entry.userId).lean<UserDoc>();
  if (!user) {
    await settle(entry, OutboxState.DROPPED, { lastError: 'user is gone' });
    return 'dropped';
  }
  const message = {
    toOpenId: user.openId,
    templateId: deps.templates.notice ?? '',
    page: entry.page ?? 'pages/index/index',
    data: (entry.data ?? {}) as Record<string, string>,
  };
  return send(deps, entry, attempt, now, message);
}

async function send(deps: DeliveryDeps, entry: OutboxDoc, attempt: number, now: Date, message: SubscribeMessage): Promise<keyof DeliveryReport> {
  const templateId = message.templateId;
  if (!deps.wechat.configured || !templateId) {
    deps.logger.info({ event: entry._id, message }, 'subscribe message (not sent: no WeChat credentials or template)');
    await settle(entry, OutboxState.SENT, { sentAt: now, lastError: 'logged only' });
    return 'logged';
  }
  try {
    await deps.wechat.sendSubscribeMessage(message);
    await settle(entry, OutboxState.SENT, { sentAt: now });
    return 'sent';
  } catch (error) {
    const retryable = !(error instanceof WechatSendError) || error.retryable;
    const reason = (error as Error).message;
    if (retryable && attempt < MAX_ATTEMPTS) {
      await OutboxModel.updateOne({ _id: entry._id }, { $set: { dueAt: new Date(now.getTime() + backoffMs(attempt)), lastError: reason } });
      return 'retried';
    }
    deps.logger.warn({ event: entry._id, reason }, 'subscribe message dropped');
    await settle(entry, OutboxState.DROPPED, { lastError: reason });
    return 'dropped';
  }
}

/** Runs `deliverDue` every `intervalMs` in the background; returns a stop function. */
export function startDeliveryWorker(deps: DeliveryDeps, intervalMs: number): () => void {
  const deliver = async () => {
    const report = await deliverDue(deps);
    if (report.sent + report.logged + report.retried + report.dropped > 0) deps.logger.info({ ...report }, 'delivered messages');
  };
  return runPeriodically('message delivery', deliver, intervalMs, deps.logger);
}
