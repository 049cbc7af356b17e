import { createByIdLoader } from '../shared/by-id-loader';
import { CountyModel, type CountyDoc } from './county.model';
import { toCounty } from './county.type';

export const createCountyLoader = () => createByIdLoader<CountyDoc, ReturnType<typeof toCounty>>(CountyModel, toCounty);
