import { ArgsType, Field, ID, Int } from 'type-graphql';
import { VenueType } from '../venue/venue-type';

// Year, county and month are checked by the report service (`resolveOutreachScope`), which the
// CSV export shares, so both answer bad input with the same field names and messages.

@ArgsType()
export class OutreachReportArgs {
  @Field(() => Int, { description: 'A Beijing-time calendar year, 2021 .. this year + 1' })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'null: the city (city organizers and admins only)' })
  countyCode?: string | null;
}

@ArgsType()
export class OutreachLecturesArgs extends OutreachReportArgs {
  @Field(() => VenueType, { nullable: true })
  venueType?: VenueType | null;

  @Field(() => Int, { nullable: true, description: '1..12, Beijing time' })
  month?: number | null;
}

@ArgsType()
export class LectureAttendanceArgs {
  @Field(() => ID)
  lectureId!: string;
}
