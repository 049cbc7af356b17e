import { createCountyLoader } from './modules/county/county.loader';
import { createLectureLoader } from './modules/lecture/lecture.loader';
import { createLecturerLoader } from './modules/lecturer/lecturer.loader';
import { createVenueLoader } from './modules/venue/venue.loader';
import type { Logger } from './logger';

/** Fresh per request: loaders cache only within one request, so no user sees another's data. */
export function createLoaders() {
  return {
    county: createCountyLoader(),
    lecture: createLectureLoader(),
    lecturer: createLecturerLoader(),
    venue: createVenueLoader(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  loaders: Loaders;
  logger: Logger;
}

export function createContext(logger: Logger): Context {
  return { loaders: createLoaders(), logger };
}
