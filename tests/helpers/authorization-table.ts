/**
 * The authorization table of the whole API: for every Query and Mutation field, what each kind of
 * caller gets. tests/server/authorization-table.test.ts asserts it against the served schema; the
 * mutation fuzzer (tests/server/fuzz-mutations.test.ts) takes from it a caller that passes each gate.
 */
export type Caller = 'anonymous' | 'parent' | 'owner' | 'otherLecturer' | 'countyOrganizer' | 'otherCountyOrganizer' | 'cityOrganizer' | 'admin';
export type SignedInCaller = Exclude<Caller, 'anonymous'>;
export type Outcome = 'P' | 'N' | 'F' | 'U';

export const CALLERS: Caller[] = ['anonymous', 'parent', 'owner', 'otherLecturer', 'countyOrganizer', 'otherCountyOrganizer', 'cityOrganizer', 'admin'];
export const COUNTY = '350702';
export const OTHER_COUNTY = '350781';

/**
 * Outcomes:
 *   P  passed the gate: data, or an error that is not about who is asking (BAD_USER_INPUT, CONFLICT)
 *   N  passed the gate but answered "none": null, or NOT_FOUND (the caller may not see the thing)
 *   F  FORBIDDEN (signed in, but not someone who may)
 *   U  UNAUTHENTICATED (signed out)
 *
 * THE TABLE. Columns: anonymous, parent, owner (the lecturer whose lecture/course it is),
 * another lecturer, the organizer of the thing's county, an organizer of another county, a city
 * organizer (no county), an admin. Things are in county 350702 and belong to `owner`; the
 * parent is the household that booked, attended and studied.
 */
// prettier-ignore
export const TABLE: Record<string, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                          anon parent owner other county other city admin
  // ---- queries
  auditEvents:               ['U', 'F', 'F', 'F', 'P', 'P', 'P', 'P'],
  booking:                   ['U', 'P', 'F', 'F', 'F', 'F', 'F', 'F'],
  certificate:               ['U', 'P', 'N', 'N', 'P', 'N', 'P', 'P'],
  counties:                  ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  course:                    ['N', 'N', 'P', 'N', 'P', 'N', 'P', 'P'],
  courses:                   ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  lecture:                   ['N', 'N', 'P', 'N', 'P', 'N', 'P', 'P'],
  lectureAttendance:         ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  lectureRoster:             ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  lectures:                  ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  me:                        ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  myBookings:                ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  myCertificates:            ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  myCourses:                 ['U', 'F', 'P', 'P', 'F', 'F', 'F', 'F'],
  myLearning:                ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  myLectures:                ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  outreachLectures:          ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  outreachReport:            ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  outreachTargets:           ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  reviewQueue:               ['U', 'F', 'F', 'F', 'P', 'P', 'P', 'P'],
  subscriptionTemplateIds:   ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  venue:                     ['N', 'N', 'N', 'N', 'N', 'N', 'N', 'N'],
  venues:                    ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  // ---- mutations
  approveCourse:             ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  approveLecture:            ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  archiveCourse:             ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  assignCheckInStaff:        ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  bookLecture:               ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  cancelBooking:             ['U', 'P', 'F', 'F', 'F', 'F', 'F', 'F'],
  cancelLecture:             ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  checkIn:                   ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  createVenue:               ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  deleteVenue:               ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  messageHouseholds:         ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  proposeLecture:            ['U', 'F', 'P', 'P', 'F', 'F', 'F', 'F'],
  recordWalkIn:              ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  refreshSession:            ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  rejectCourse:              ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  rejectLecture:             ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  removeCheckInStaff:        ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  restoreVenue:              ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  retireVenue:               ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  saveChapterProgress:       ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  saveCourseDraft:           ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  setCourseFeatured:         ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
  setOutreachTargets:        ['U', 'F', 'F', 'F', 'F', 'F', 'P', 'P'],
  setUserRole:               ['U', 'F', 'F', 'F', 'F', 'F', 'F', 'P'],
  signInForDevelopment:      ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  signInWithWechat:          ['P', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  signOutEverywhere:         ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  submitCourseForReview:     ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  submitFeedback:            ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  syncCheckIns:              ['U', 'F', 'P', 'F', 'P', 'F', 'P', 'P'],
  updateLecture:             ['U', 'F', 'P', 'F', 'F', 'F', 'F', 'F'],
  updateProfile:             ['U', 'P', 'P', 'P', 'P', 'P', 'P', 'P'],
  updateVenue:               ['U', 'F', 'F', 'F', 'P', 'F', 'P', 'P'],
};

