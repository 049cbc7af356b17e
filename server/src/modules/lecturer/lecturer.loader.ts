import { createByIdLoader } from '../shared/by-id-loader';
import { LecturerModel, type LecturerDoc } from './lecturer.model';
import { toLecturer, type Lecturer } from './lecturer.type';

export const createLecturerLoader = () => createByIdLoader<LecturerDoc, Lecturer>(LecturerModel, toLecturer);
