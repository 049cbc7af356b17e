import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { toLecture } from '../lecture/lecture.type';
import { Role } from '../user/user-enums';
import { lectureAttendance } from './attendance.service';
import { LectureAttendanceArgs, OutreachLecturesArgs, OutreachReportArgs } from './report.input';
import { buildOutreachReport, listOutreachLectures, resolveOutreachScope } from './report.service';
import { LectureAttendance, OutreachLecture, OutreachReport } from './report.type';

@Resolver()
export class OutreachReportResolver {
  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Query(() => OutreachReport, {
    description: 'ORGANIZER/ADMIN. countyCode null: the city (city organizers and admins only); a county organizer must name their own county (or gets FORBIDDEN)',
  })
  outreachReport(@Args() { year, countyCode }: OutreachReportArgs, @Ctx() { viewer }: Context): Promise<OutreachReport> {
    return buildOutreachReport(resolveOutreachScope(viewer, year, countyCode));
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Query(() => [OutreachLecture], { description: 'Drill-down from any cell: the lectures behind it (held and upcoming), by start time. month 1..12' })
  async outreachLectures(@Args() { year, countyCode, venueType, month }: OutreachLecturesArgs, @Ctx() { viewer }: Context): Promise<OutreachLecture[]> {
    const rows = await listOutreachLectures(resolveOutreachScope(viewer, year, countyCode), { venueType, month });
    return rows.map((row) => ({ lecture: toLecture(row.lecture), figures: row.figures }));
  }

  @Authorized()
  @Query(() => LectureAttendance, { description: 'Organizers covering the lecture\'s county, and its lecturer' })
  lectureAttendance(@Args() { lectureId }: LectureAttendanceArgs, @Ctx() { viewer }: Context): Promise<LectureAttendance> {
    return lectureAttendance(viewer!, lectureId);
  }
}
