import { createCachedByIdLoader } from '../shared/reference-cache';
import { LecturerModel, type LecturerDoc } from './lecturer.model';
import { toLecturer, type Lecturer } from './lecturer.type';

/** Cached per process: reference data (shared/reference-cache.ts). */
export const createLecturerLoader = createCachedByIdLoader<LecturerDoc, Lecturer>(LecturerModel, toLecturer);
