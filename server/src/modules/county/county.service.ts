import { CountyModel, type CountyDoc } from './county.model';
import { toCounty, type County } from './county.type';

export async function listCounties(): Promise<County[]> {
  const docs = await CountyModel.find().sort({ sortOrder: 1 }).lean<CountyDoc[]>();
  return docs.map(toCounty);
}
