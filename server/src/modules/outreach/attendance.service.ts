import type { Viewer } from '../../auth/token';
import { canManageLecture } from '../../auth/policy';
import { forbidden, notFound } from '../../errors';
import { BookingStatus } from '../booking/booking-status';
import { BookingModel, type BookingDoc } from '../booking/booking.model';
import { CheckInMethod, CheckInModel, type CheckInDoc } from '../checkin/checkin.model';
import { FeedbackModel } from '../feedback/feedback.model';
import { LectureModel, type LectureDoc } from '../lecture/lecture.model';
import { toLecture } from '../lecture/lecture.type';
import { parseObjectId } from '../shared/object-id';
import { UserModel, type UserDoc } from '../user/user.model';
import { householdName, maskPhone } from '../user/user.type';
import { SEAT_HOLDING, tallyOutcomes, type RawFeedback } from './outcome.service';
import { figuresOfLecture } from './report.service';
import type { AttendanceEntry, LectureAttendance } from './report.type';

/**
 * A lecture's attendance for the drill-down: the booked households with their check-in times
 * (phones masked), the walk-ins, and the lecture's figures as the report counts them. Four reads
 * of raw records whatever the roster's length (bookings, their households, arrivals, feedback):
 * the figures are tallied from the same bookings and arrivals the list shows, so they agree with
 * it and cost no refresh of the stored outcomes (which would read those collections again).
 */
export async function lectureAttendance(viewer: Viewer, lectureId: string, now = new Date()): Promise<LectureAttendance> {
  const id = parseObjectId(lectureId, 'lectureId');
  const lecture = await LectureModel.findById(id).lean<LectureDoc>();
  if (!lecture) throw notFound('Lecture', lectureId);
  const shown = toLecture(lecture);
  if (!canManageLecture(viewer, shown)) throw forbidden('Only organizers of its county and its lecturer may see who came');

  const [bookings, arrivals, feedback] = await Promise.all([
    BookingModel.find({ lectureId: id, status: { $in: SEAT_HOLDING }, cancelledAt: null }).lean<BookingDoc[]>(),
    CheckInModel.find({ lectureId: id }).sort({ checkedInAt: 1 }).lean<CheckInDoc[]>(),
    FeedbackModel.find({ lectureId: id }, { lectureId: 1, rating: 1 }).lean<RawFeedback[]>(),
  ]);
  const [outcome] = tallyOutcomes([id], { bookings, arrivals, feedback }, now);
  const figures = figuresOfLecture(lecture, outcome, now);
  const users = new Map(
    (await UserModel.find({ _id: { $in: bookings.map((b) => b.userId) } }, { displayName: 1, phone: 1 }).lean<UserDoc[]>()).map((u) => [u._id.toHexString(), u]),
  );
  const arrivalOf = new Map(arrivals.filter((a) => a.bookingId).map((a) => [a.bookingId!.toHexString(), a]));

  const entries: AttendanceEntry[] = bookings.map((booking) => {
    const user = users.get(booking.userId.toHexString());
    const arrival = arrivalOf.get(booking._id.toHexString());
    return {
      bookingId: booking._id.toHexString(),
      householdName: householdName(user?.displayName),
      phone: user?.phone ? maskPhone(user.phone) : null,
      partySize: booking.partySize,
      status: arrival ? BookingStatus.CHECKED_IN : (booking.status as BookingStatus),
      checkedInAt: arrival?.checkedInAt ?? null,
      partyPresent: arrival?.partySize ?? null,
    };
  });
  // Who came first, first; those who did not come after them, by name.
  const arrivedAt = (entry: AttendanceEntry) => entry.checkedInAt?.getTime() ?? Number.POSITIVE_INFINITY;
  entries.sort((a, b) => arrivedAt(a) - arrivedAt(b) || a.householdName.localeCompare(b.householdName, 'zh-CN'));

  return {
    lecture: shown,
    entries,
    walkIns: arrivals
      .filter((a) => a.method === CheckInMethod.WALK_IN)
      .map((a) => ({ id: a._id, partySize: a.partySize, checkedInAt: a.checkedInAt, note: a.note ?? null })),
    figures,
  };
}
