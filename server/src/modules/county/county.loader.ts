import { createCachedByIdLoader } from '../shared/reference-cache';
import { CountyModel, type CountyDoc } from './county.model';
import { toCounty } from './county.type';

/** Cached per process: reference data (shared/reference-cache.ts). */
export const createCountyLoader = createCachedByIdLoader<CountyDoc, ReturnType<typeof toCounty>>(CountyModel, toCounty);
