import {
  draftProblem,
  EMPTY_DRAFT,
  FEEDBACK_TOPICS,
  feedbackInput,
  feedbackRefusalMessage,
  ratingWord,
  toggleTopic,
  topicLabel,
  yesNoLabel,
} from '../../../miniapp/src/utils/feedback';

describe('a parent’s feedback on a lecture', () => {
  it('labels every topic in Chinese', () => {
    expect(FEEDBACK_TOPICS).toHaveLength(6);
    for (const topic of FEEDBACK_TOPICS) expect(topicLabel(topic)).toMatch(/[\u4e00-\u9fff]/);
    expect(ratingWord(5)).toBe('非常满意');
    expect(ratingWord(0)).toBe('');
  });

  it('lets at most three topics be picked, in the chips’ order; tapping again removes one', () => {
    let picked = toggleTopic([], 'SAFETY');
    picked = toggleTopic(picked, 'COMMUNICATION');
    expect(picked).toEqual(['COMMUNICATION', 'SAFETY']);
    picked = toggleTopic(picked, 'SCREEN_TIME');
    expect(toggleTopic(picked, 'GRANDPARENTING')).toEqual(picked); // a fourth is not added
    expect(toggleTopic(picked, 'SAFETY')).toEqual(['COMMUNICATION', 'SCREEN_TIME']);
  });

  it('asks for stars first and keeps comments within 500 characters', () => {
    expect(draftProblem(EMPTY_DRAFT)).toContain('星');
    expect(draftProblem({ ...EMPTY_DRAFT, rating: 4 })).toBeNull();
    expect(draftProblem({ ...EMPTY_DRAFT, rating: 4, comment: '好'.repeat(501) })).toContain('500');
    expect(draftProblem({ ...EMPTY_DRAFT, rating: 4, comment: '好'.repeat(500) })).toBeNull();
  });

  it('sends only what was answered', () => {
    expect(feedbackInput('L1', { ...EMPTY_DRAFT, rating: 5, comment: '   ' })).toEqual({ lectureId: 'L1', rating: 5 });
    expect(
      feedbackInput('L1', { rating: 4, comment: ' 很实用 ', understood: true, willTryAtHome: false, wantedTopics: ['SAFETY'] }),
    ).toEqual({ lectureId: 'L1', rating: 4, comment: '很实用', survey: { understood: true, willTryAtHome: false, wantedTopics: ['SAFETY'] } });
    expect(yesNoLabel(null)).toBe('未答');
    expect(yesNoLabel(false)).toBe('否');
  });

  it('explains refusals plainly', () => {
    expect(feedbackRefusalMessage('CONFLICT')).toBe('您已经评价过这场讲座了');
    expect(feedbackRefusalMessage('FORBIDDEN')).toContain('签到');
    expect(feedbackRefusalMessage('BAD_USER_INPUT', [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.comment' }] } }])).toContain('500');
    expect(feedbackRefusalMessage('NETWORK_ERROR')).toContain('网络');
  });
});
