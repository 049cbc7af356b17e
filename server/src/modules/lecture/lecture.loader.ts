import { createByIdLoader } from '../shared/by-id-loader';
import { LectureModel, type LectureDoc } from './lecture.model';
import { toLecture, type Lecture } from './lecture.type';

export const createLectureLoader = () => createByIdLoader<LectureDoc, Lecture>(LectureModel, toLecture);
