import {
  AGE_GROUPS,
  ageGroupLabel,
  checkProfileForm,
  GUARDIAN_KINDS,
  guardianKindLabel,
  profileFieldErrors,
  toggleAgeGroup,
} from '../../../miniapp/src/utils/profile';

describe('profile choices', () => {
  it('offers the guardian kinds and age groups in the order the form shows them', () => {
    expect(GUARDIAN_KINDS.map(guardianKindLabel)).toEqual(['父母', '祖父母', '其他亲属', '其他']);
    expect(AGE_GROUPS.map(ageGroupLabel)).toEqual(['0–3岁', '3–6岁', '小学', '初中', '高中']);
    expect(guardianKindLabel(null)).toBe('');
  });

  it('toggles age groups and keeps them in the chips’ order', () => {
    let selected = toggleAgeGroup([], 'MIDDLE_SCHOOL');
    selected = toggleAgeGroup(selected, 'INFANT');
    expect(selected).toEqual(['INFANT', 'MIDDLE_SCHOOL']);
    expect(toggleAgeGroup(selected, 'INFANT')).toEqual(['MIDDLE_SCHOOL']);
  });
});

describe('profile errors', () => {
  it('puts the server’s field errors beside their fields, in Chinese', () => {
    const errors = profileFieldErrors([
      {
        message: 'Invalid value for input.phone, input.displayName',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.phone', messages: ['phone must be an 11-digit mainland mobile number'] },
            { field: 'input.displayName', messages: ['displayName must be shorter than or equal to 20 characters'] },
          ],
        },
      },
    ]);
    expect(errors).toEqual({ phone: '请填写 11 位手机号，或者空着不填', displayName: '称呼请填 1 到 20 个字' });
  });

  it('ignores fields it does not know and errors without fields', () => {
    expect(profileFieldErrors([{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.somethingElse' }] } }])).toEqual({});
    expect(profileFieldErrors([{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])).toEqual({});
    expect(profileFieldErrors([])).toEqual({});
  });

  it('asks for a name before sending', () => {
    expect(checkProfileForm({ displayName: '  ' })).toHaveProperty('displayName');
    expect(checkProfileForm({ displayName: '王奶奶' })).toEqual({});
  });
});
