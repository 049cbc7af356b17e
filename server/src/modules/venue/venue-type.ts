import { registerEnumType } from 'type-graphql';

/** The five venues of outreach (五进): where a family-education lecture is taken. */
export enum VenueType {
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  SCHOOL = 'SCHOOL',
  GOVERNMENT = 'GOVERNMENT',
  ENTERPRISE = 'ENTERPRISE',
}

export const VENUE_TYPES = Object.values(VenueType);

registerEnumType(VenueType, {
  name: 'VenueType',
  description: 'The five venues of outreach (五进)',
  valuesConfig: {
    VILLAGE: { description: '进农村: village halls, rural family-education stations' },
    COMMUNITY: { description: '进社区: urban community centres' },
    SCHOOL: { description: '进学校: schools, kindergartens, parent schools' },
    GOVERNMENT: { description: '进机关: government offices and public institutions' },
    ENTERPRISE: { description: '进企业: companies and industrial parks' },
  },
});
