import type { Viewer } from './token';
import { forbidden } from '../errors';
import { Role } from '../modules/user/user-enums';

/**
 * Who may act on what, in one place. Resolvers gate by role with `@Authorized(...)`; services call
 * these for the questions a role alone cannot answer (is it yours, is it in your county).
 */

/** Organizers review and manage content; an admin acts as a city-wide organizer. */
export function isOrganizer(viewer: Viewer | null): boolean {
  return viewer?.role === Role.ORGANIZER || viewer?.role === Role.ADMIN;
}

/** A county organizer covers their county; a city organizer (no county) and admins cover all. */
export function organizerCovers(viewer: Viewer | null, countyCode: string | null | undefined): boolean {
  if (!viewer || !isOrganizer(viewer)) return false;
  if (viewer.role === Role.ADMIN || viewer.countyCode === null) return true;
  return viewer.countyCode === countyCode;
}

export function requireOrganizerFor(viewer: Viewer, countyCode: string | null | undefined): void {
  if (!organizerCovers(viewer, countyCode)) throw forbidden('This belongs to another county; its own organizers decide');
}

/** The lecturer profile a lecturer account acts as. */
export function requireLecturerId(viewer: Viewer): string {
  if (viewer.role !== Role.LECTURER || !viewer.lecturerId) throw forbidden('Only lecturers may do this');
  return viewer.lecturerId;
}

export function isOwnLecturer(viewer: Viewer | null, lecturerId: string): boolean {
  return viewer?.role === Role.LECTURER && viewer.lecturerId === lecturerId;
}

export interface ManagedLecture {
  lecturerId: string;
  countyCode: string;
  staffUserIds?: string[];
}

/** Its lecturer and the organizers of its county may edit, cancel, message and read feedback. */
export function canManageLecture(viewer: Viewer | null, lecture: ManagedLecture): boolean {
  return isOwnLecturer(viewer, lecture.lecturerId) || organizerCovers(viewer, lecture.countyCode);
}

/** Managers, and the staff its lecturer assigned, check households in at the door. */
export function canCheckInAt(viewer: Viewer | null, lecture: ManagedLecture): boolean {
  return canManageLecture(viewer, lecture) || (!!viewer && (lecture.staffUserIds ?? []).includes(viewer.userId));
}
