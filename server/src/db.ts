import mongoose, { type ConnectOptions } from 'mongoose';
import { ArchivedSeatCountModel, BookingCancellationModel, BookingModel, SeatClaimModel } from './modules/booking/booking.model';
import { CheckInModel } from './modules/checkin/checkin.model';
import { CountyModel } from './modules/county/county.model';
import { LectureModel } from './modules/lecture/lecture.model';
import { LectureMessageModel } from './modules/lecture/lecture-message.model';
import { LecturerModel } from './modules/lecturer/lecturer.model';
import { OutboxAttemptModel, OutboxModel } from './modules/notification/outbox.model';
import { UserModel } from './modules/user/user.model';
import { VenueModel } from './modules/venue/venue.model';
import { ReviewDecisionModel } from './modules/review/review.model';
import { CourseModel } from './modules/course/course.model';
import { CertificateModel, ChapterProgressModel } from './modules/learning/learning.model';
import { FeedbackModel } from './modules/feedback/feedback.model';
import { OutreachTargetModel } from './modules/outreach/target.model';
import { LectureOutcomeModel, OutreachChangeModel } from './modules/outreach/lecture-outcome.model';
import { AuditEventModel } from './modules/audit/audit.model';

// One model per line, so features add theirs without touching each other's lines.
export const models = [
  AuditEventModel,
  BookingModel,
  BookingCancellationModel,
  CheckInModel,
  CountyModel,
  CourseModel,
  CertificateModel,
  ChapterProgressModel,
  FeedbackModel,
  LectureMessageModel,
  LectureModel,
  LecturerModel,
  OutboxAttemptModel,
  OutboxModel,
  OutreachTargetModel,
  LectureOutcomeModel,
  OutreachChangeModel,
  ReviewDecisionModel,
  SeatClaimModel,
  ArchivedSeatCountModel,
  UserModel,
  VenueModel,
];

/**
 * How the driver behaves when the engine goes away, so a request fails within seconds with a
 * clear, retryable error (errors.ts: 「服务暂时不可用，请稍后再试」) and the same process recovers by
 * itself when the engine is back. Measured with FerretDB stopped under a running server: the first
 * query fails at once (MongoNetworkError, connection refused), later ones after the selection timeout.
 * - `serverSelectionTimeoutMS: 3000` (driver default 30 s): how long a query waits for a reachable
 *   engine before failing (MongoServerSelectionError). Long enough to ride out an engine restart or
 *   a replica-set election, short enough that a household is not left staring at a spinner and
 *   requests do not pile up in memory during an outage.
 * - `heartbeatFrequencyMS: 5000` (default 10 s): the background check notices a dead engine, and
 *   its return, within 5 s even when no request comes, so logs and `/healthz` follow reality; a
 *   query waiting for selection asks for an immediate check, so recovery is quicker still. The
 *   cost is one small `hello` every 5 s.
 * - `bufferCommands: false`: mongoose 9 sends queries straight to the driver after a dropped
 *   connection anyway, but would park them for `bufferTimeoutMS` (10 s) while the connection is
 *   closed or not yet open (a job still running during shutdown); failing at once is better.
 * The driver reconnects on its own; nothing here restarts the process.
 */
export const DRIVER_OPTIONS: ConnectOptions = {
  bufferCommands: false,
  serverSelectionTimeoutMS: 3000,
  heartbeatFrequencyMS: 5000,
};

/**
 * Connects and builds indexes once, at start. Indexes are made here rather than lazily by mongoose
 * because later invariants (one booking per seat) live in unique indexes and must exist before the
 * first request.
 */
export async function connectDatabase(uri: string, options: ConnectOptions = {}): Promise<typeof mongoose> {
  mongoose.set('autoIndex', false);
  mongoose.set('autoCreate', false);
  await mongoose.connect(uri, { ...DRIVER_OPTIONS, ...options });
  await Promise.all(models.map((model) => model.createIndexes()));
  return mongoose;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export interface DatabaseHealth {
  ok: boolean;
  state: string;
  engine?: string;
  version?: string;
  error?: string;
}

let engineInfo: { engine: string; version: string } | undefined;

/** Pings the database; FerretDB says who it is in `buildInfo` (asked once), MongoDB does not. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const state = mongoose.STATES[mongoose.connection.readyState] as string;
  const db = mongoose.connection.db;
  if (!db) return { ok: false, state };
  try {
    await withTimeout(db.admin().ping(), timeoutMs);
    if (!engineInfo) {
      const info = await withTimeout(db.admin().buildInfo(), timeoutMs);
      engineInfo = { engine: info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}` : 'MongoDB', version: info.version };
    }
    return { ok: true, state, ...engineInfo };
  } catch (error) {
    return { ok: false, state, error: (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
