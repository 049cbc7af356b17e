import { registerEnumType } from 'type-graphql';

/** Themes parents may ask to hear next (还想听哪些主题). */
export enum FeedbackTopic {
  COMMUNICATION = 'COMMUNICATION',
  GRANDPARENTING = 'GRANDPARENTING',
  STUDY_HABITS = 'STUDY_HABITS',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  SAFETY = 'SAFETY',
  SCREEN_TIME = 'SCREEN_TIME',
}

registerEnumType(FeedbackTopic, {
  name: 'FeedbackTopic',
  valuesConfig: {
    COMMUNICATION: { description: '亲子沟通' },
    GRANDPARENTING: { description: '隔代教养' },
    STUDY_HABITS: { description: '学习习惯' },
    MENTAL_HEALTH: { description: '心理健康' },
    SAFETY: { description: '安全教育' },
    SCREEN_TIME: { description: '手机与屏幕时间' },
  },
});
