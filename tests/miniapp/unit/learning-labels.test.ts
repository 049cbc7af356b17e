import { articleHtml, isBlankArticle, stripActiveContent } from '../../../miniapp/src/packages/learning/utils/article';
import { chapterKindLabel, durationLabel, formatClock } from '../../../miniapp/src/utils/courseContent';
import * as learningHelpers from '../../../miniapp/src/packages/learning/utils/learning';
import {
  appendUniqueById,
  chapterKindIcon,
  chapterProgressLabel,
  collectTags,
  courseProgressLabel,
  mergeTags,
  neighbourChapters,
  progressPercent,
  resumeButtonLabel,
  resumeChapterId,
  withLearningProgress,
} from '../../../miniapp/src/packages/learning/utils/learning';

describe('course and chapter labels', () => {
  // One set of chapter labels (utils/courseContent.ts) for parents, lecturers and organizers: the
  // learning package has no labels of its own that could drift from the editor's.
  it('the learning helpers keep no chapter labels of their own', () => {
    expect(['chapterKindLabel', 'durationLabel', 'formatClock'].filter((name) => name in learningHelpers)).toEqual([]);
  });

  it('names the chapter kinds in Chinese, an unknown one as itself', () => {
    expect(['ARTICLE', 'VIDEO', 'AUDIO'].map(chapterKindLabel)).toEqual(['图文', '视频', '音频']);
    expect(chapterKindLabel('PODCAST')).toBe('PODCAST');
    expect(new Set(['ARTICLE', 'VIDEO', 'AUDIO'].map(chapterKindIcon)).size).toBe(3);
  });

  it('reads positions like a clock and lengths as the lecturer’s editor and the review page do', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(750)).toBe('12:30');
    expect(formatClock(3723.9)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(null)).toBe('0:00');
    expect(durationLabel(null)).toBe('');
    expect(durationLabel(45)).toBe('45秒');
    expect(durationLabel(750)).toBe('12分30秒');
    expect(durationLabel(5400)).toBe('1小时30分');
    expect(durationLabel(7200)).toBe('2小时');
  });

  it('says where a chapter stands: 已学完, 学到 12:30, or nothing', () => {
    expect(chapterProgressLabel('VIDEO', null)).toBe('');
    expect(chapterProgressLabel('AUDIO', { positionSeconds: 750, completed: false })).toBe('学到 12:30');
    expect(chapterProgressLabel('AUDIO', { positionSeconds: 750, completed: true })).toBe('已学完');
    expect(chapterProgressLabel('ARTICLE', { positionSeconds: 0, completed: true })).toBe('已学完');
    expect(chapterProgressLabel('ARTICLE', { positionSeconds: 0, completed: false })).toBe('');
  });

  it('sums up a course on its card: 已学 3/5, 已学完', () => {
    expect(courseProgressLabel(null, 5)).toBe('');
    expect(courseProgressLabel({ completedChapters: 3, totalChapters: 5, completed: false }, 5)).toBe('已学 3/5');
    expect(courseProgressLabel({ completedChapters: 0, totalChapters: 5, completed: false }, 5)).toBe('已学 0/5');
    expect(courseProgressLabel({ completedChapters: 5, totalChapters: 5, completed: true }, 5)).toBe('已学完');
    // All chapters done but a lecture still to attend: not 已学完 yet.
    expect(courseProgressLabel({ completedChapters: 5, totalChapters: 5, completed: false }, 5)).toBe('已学 5/5');
    expect(progressPercent(3, 5)).toBe(60);
    expect(progressPercent(7, 5)).toBe(100);
    expect(progressPercent(1, 0)).toBe(0);
  });

  it('finds the chapters around one, and the one 继续学习 opens', () => {
    const chapters = [{ id: 'a' }, { id: 'b', myProgress: { completed: true } }, { id: 'c' }];
    expect(neighbourChapters(chapters, 'b')).toEqual({ index: 1, previous: chapters[0], next: chapters[2] });
    expect(neighbourChapters(chapters, 'a').previous).toBeNull();
    expect(neighbourChapters(chapters, 'c').next).toBeNull();
    expect(neighbourChapters(chapters, 'zz')).toEqual({ index: -1, previous: null, next: null });
    expect(resumeChapterId(chapters, 'c')).toBe('c');
    expect(resumeChapterId(chapters, 'gone')).toBe('a'); // a chapter removed in a new revision
    expect(resumeChapterId([{ id: 'a', myProgress: { completed: true } }, { id: 'b' }], null)).toBe('b');
    expect(resumeChapterId([], null)).toBeNull();
    expect(resumeButtonLabel(null, false)).toBe('开始学习');
    expect(resumeButtonLabel({ completedChapters: 1, totalChapters: 3, completed: false }, true)).toBe('继续学习');
    expect(resumeButtonLabel({ completedChapters: 3, totalChapters: 3, completed: true }, true)).toBe('再学一遍');
  });
});

describe('the catalogue', () => {
  it('offers the most common tags first and keeps chips in place once shown', () => {
    const courses = [{ tags: ['隔代教育', '沟通'] }, { tags: ['沟通', ' '] }, { tags: ['安全', '沟通', '隔代教育'] }];
    expect(collectTags(courses)).toEqual(['沟通', '隔代教育', '安全']);
    expect(collectTags(courses, 1)).toEqual(['沟通']);
    expect(mergeTags(['安全'], ['沟通', '安全'])).toEqual(['安全', '沟通']);
  });

  it('never shows a course twice across pages', () => {
    expect(appendUniqueById([{ id: '1' }, { id: '2' }], [{ id: '2' }, { id: '3' }, { id: '3' }])).toEqual([{ id: '1' }, { id: '2' }, { id: '3' }]);
  });

  it('lays newer progress from 我的学习 over the cards without reloading the list', () => {
    const cards = [
      { id: 'a', myProgress: null },
      { id: 'b', myProgress: { completedChapters: 1 } },
    ];
    const learning = [{ id: 'a', myProgress: { completedChapters: 2 } }];
    expect(withLearningProgress(cards, learning)).toEqual([{ id: 'a', myProgress: { completedChapters: 2 } }, cards[1]]);
  });
});

describe('article chapters for RichText', () => {
  it('keeps the text, fits images to the screen and spaces paragraphs', () => {
    const html = articleHtml('<p>第一段</p><img src="https://img.example/a.png"><h3>小标题</h3>');
    expect(html).toContain('第一段');
    expect(html).toContain('<img style="max-width:100%');
    expect(html).toContain('src="https://img.example/a.png"');
    expect(html).toContain('<p style="margin:0 0 0.9em">');
  });

  it('drops anything that could run, should the server ever let it through', () => {
    const dirty = '<p onclick="steal()">好</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><style>p{}</style><iframe src="https://x"></iframe>';
    const clean = stripActiveContent(dirty);
    expect(clean).not.toMatch(/script|onclick|javascript:|<style|<iframe/i);
    expect(clean).toContain('好');
  });

  it('knows an article with nothing to read', () => {
    expect(isBlankArticle(null)).toBe(true);
    expect(isBlankArticle('<p> &nbsp; </p>')).toBe(true);
    expect(isBlankArticle('<p><img src="https://a/b.png"></p>')).toBe(false);
    expect(isBlankArticle('<p>内容</p>')).toBe(false);
  });
});
