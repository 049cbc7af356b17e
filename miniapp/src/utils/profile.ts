// Pure helpers for 完善资料: the choices with their labels, and server field errors in plain words.
import type { AgeGroup, GuardianKind } from '../gql/graphql'
import { fieldNamesOf, type GraphQLErrorPayload } from '../services/errors'

// Typed from the schema: a value added on the server fails the type check here until it has a label.
const GUARDIAN_LABELS: Record<GuardianKind, string> = {
  PARENT: '父母',
  GRANDPARENT: '祖父母',
  OTHER_RELATIVE: '其他亲属',
  OTHER: '其他',
}

const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  INFANT: '0–3岁',
  PRESCHOOL: '3–6岁',
  PRIMARY: '小学',
  MIDDLE_SCHOOL: '初中',
  HIGH_SCHOOL: '高中',
}

export const GUARDIAN_KINDS = Object.keys(GUARDIAN_LABELS) as GuardianKind[]
export const AGE_GROUPS = Object.keys(AGE_GROUP_LABELS) as AgeGroup[]

export function guardianKindLabel(kind: string | null | undefined): string {
  return kind ? GUARDIAN_LABELS[kind as GuardianKind] ?? kind : ''
}

export function ageGroupLabel(group: string): string {
  return AGE_GROUP_LABELS[group as AgeGroup] ?? group
}

/** Age groups in the order the chips show them, whatever order they were tapped in. */
export function toggleAgeGroup(selected: ReadonlyArray<AgeGroup>, group: AgeGroup): AgeGroup[] {
  const next = selected.includes(group) ? selected.filter((g) => g !== group) : [...selected, group]
  return AGE_GROUPS.filter((g) => next.includes(g))
}

export type ProfileField = 'displayName' | 'countyCode' | 'guardianKind' | 'childrenAgeGroups' | 'phone'

const FIELD_MESSAGES: Record<ProfileField, string> = {
  displayName: '称呼请填 1 到 20 个字',
  countyCode: '请重新选择县区',
  guardianKind: '请重新选择身份',
  childrenAgeGroups: '请重新选择孩子的年龄段',
  phone: '请填写 11 位手机号，或者空着不填',
}

/**
 * The fields a BAD_USER_INPUT answer names (`extensions.fields[].field`, e.g. `input.phone`),
 * each with a sentence to show beside it. The server's own messages are English: not shown.
 */
export function profileFieldErrors(errors: ReadonlyArray<GraphQLErrorPayload>): Partial<Record<ProfileField, string>> {
  const result: Partial<Record<ProfileField, string>> = {}
  for (const field of fieldNamesOf(errors)) {
    const name = field.replace(/^input\./, '')
    if (name in FIELD_MESSAGES) result[name as ProfileField] = FIELD_MESSAGES[name as ProfileField]
  }
  return result
}

/**
 * The one check made before sending: a name is needed here (the server allows none). Everything
 * else is the server's to judge, so there is one rule, and its answer lands beside the field.
 */
export function checkProfileForm(form: { displayName: string }): Partial<Record<ProfileField, string>> {
  return form.displayName.trim() ? {} : { displayName: '请填写称呼，比如“王奶奶”' }
}
