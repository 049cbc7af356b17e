import { registerEnumType } from 'type-graphql';

export enum Role {
  PARENT = 'PARENT',
  LECTURER = 'LECTURER',
  /** City or county women's federation staff; `countyCode` scopes a county organizer. */
  ORGANIZER = 'ORGANIZER',
  ADMIN = 'ADMIN',
}

/** Who looks after the children: many rural children are raised by grandparents (留守儿童). */
export enum GuardianKind {
  PARENT = 'PARENT',
  GRANDPARENT = 'GRANDPARENT',
  OTHER_RELATIVE = 'OTHER_RELATIVE',
  OTHER = 'OTHER',
}

/** Children's stages as lectures address them. */
export enum AgeGroup {
  INFANT = 'INFANT', // 0–3
  PRESCHOOL = 'PRESCHOOL', // 3–6
  PRIMARY = 'PRIMARY', // 6–12
  MIDDLE_SCHOOL = 'MIDDLE_SCHOOL', // 12–15
  HIGH_SCHOOL = 'HIGH_SCHOOL', // 15–18
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(GuardianKind, { name: 'GuardianKind', description: 'Who looks after the children' });
registerEnumType(AgeGroup, {
  name: 'AgeGroup',
  valuesConfig: {
    INFANT: { description: '0–3 岁' },
    PRESCHOOL: { description: '3–6 岁，幼儿园' },
    PRIMARY: { description: '6–12 岁，小学' },
    MIDDLE_SCHOOL: { description: '12–15 岁，初中' },
    HIGH_SCHOOL: { description: '15–18 岁，高中' },
  },
});
