import {
  addTag,
  courseDraftInput,
  courseFieldErrors,
  courseFormChanged,
  courseFormOf,
  emptyCourseForm,
  moveChapter,
  newChapter,
  type CourseForm,
} from '../../../miniapp/src/utils/courseEditor';

function formWithChapters(): CourseForm {
  const article = { ...newChapter('ARTICLE'), title: ' 倾听 ', text: '第一段\n\n第二段' };
  const video = { ...newChapter('VIDEO'), id: 'ch-video', title: '示范', mediaUrl: ' https://v.example.cn/a.mp4 ', duration: '12:30' };
  return { ...emptyCourseForm(), title: ' 亲子沟通 ', summary: '简介', tags: ['沟通'], ageGroups: ['PRIMARY'], chapters: [article, video] };
}

describe('what a save sends', () => {
  it('sends the course with article HTML, media chapters with seconds, and existing chapter ids', () => {
    const result = courseDraftInput('course-1', formWithChapters());
    expect(result).toEqual({
      input: {
        id: 'course-1',
        title: '亲子沟通',
        summary: '简介',
        coverUrl: null,
        tags: ['沟通'],
        ageGroups: ['PRIMARY'],
        chapters: [
          { kind: 'ARTICLE', title: '倾听', body: '<p>第一段</p><p>第二段</p>', mediaUrl: null, durationSeconds: null },
          { id: 'ch-video', kind: 'VIDEO', title: '示范', body: null, mediaUrl: 'https://v.example.cn/a.mp4', durationSeconds: 750 },
        ],
      },
    });
  });

  it('a new course has no id; an empty duration or address is sent as none, for the server to judge', () => {
    const form = { ...formWithChapters(), chapters: [{ ...newChapter('AUDIO'), title: '录音' }] };
    const result = courseDraftInput(null, form);
    expect('input' in result && result.input.id).toBe(undefined);
    expect('input' in result && result.input.chapters[0]).toEqual({ kind: 'AUDIO', title: '录音', body: null, mediaUrl: null, durationSeconds: null });
  });

  it('sends nothing without a course name or with an unreadable duration, and says where', () => {
    const form = formWithChapters();
    form.title = '  ';
    form.chapters[1].duration = '十二分钟';
    const result = courseDraftInput(null, form);
    expect(result).toEqual({
      errors: {
        course: { title: '请填写课程名称' },
        chapters: { [form.chapters[1].key]: { durationSeconds: '请按“分:秒”填写时长，比如 12:30（最长 10 小时）' } },
      },
    });
  });
});

describe('server field errors', () => {
  const sent = [
    { key: 'k-article', kind: 'ARTICLE' as const },
    { key: 'k-audio', kind: 'AUDIO' as const },
  ];

  it('puts input.chapters.N.field on the chapter that was at N when sent, in Chinese', () => {
    const errors = courseFieldErrors(
      [
        {
          message: 'Invalid',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.title', messages: ['title must be shorter than or equal to 60 characters'] },
              { field: 'input.chapters.1.mediaUrl', messages: ['mediaUrl must be an https URL'] },
              { field: 'input.chapters.0.body', messages: ['body should not be empty'] },
              { field: 'input.tags.3', messages: ['each tag 1..12'] },
              { field: 'input.coverUrl', messages: ['coverUrl must be an https URL'] },
            ],
          },
        },
      ],
      sent,
    );
    expect(errors).toEqual({
      course: { title: '课程名称请填 1 到 60 个字', tags: '标签最多 8 个，每个 1 到 12 个字', coverUrl: '封面图片地址要以 https:// 开头，或者空着不填' },
      chapters: {
        'k-audio': { mediaUrl: '请填写音频地址，要以 https:// 开头' },
        'k-article': { body: '正文不能空着，最多 20000 字' },
      },
    });
  });

  it('a chapter path without a known field, or beyond the list, reads as a chapters problem; unknown fields are ignored', () => {
    const errors = courseFieldErrors(
      [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.chapters' }, { field: 'input.chapters.7.title' }, { field: 'input.somethingNew' }] } }],
      sent,
    );
    expect(errors).toEqual({ course: { chapters: '章节最多 50 章；提交审核至少要有一章' }, chapters: {} });
    expect(courseFieldErrors([{ message: 'no fields' }], sent)).toEqual({ course: {}, chapters: {} });
  });
});

describe('editing the chapter list and tags', () => {
  it('moves a chapter up or down, and not past either end', () => {
    expect(moveChapter(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveChapter(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveChapter(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveChapter(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('adds a trimmed tag once, up to eight of at most twelve characters', () => {
    expect(addTag(['沟通'], '  隔代 教养 ')).toEqual({ tags: ['沟通', '隔代 教养'] });
    expect(addTag(['沟通'], '沟通')).toEqual({ problem: '这个标签已经有了' });
    expect(addTag([], ' ')).toEqual({ problem: '请先输入标签' });
    expect(addTag([], '一二三四五六七八九十一二三')).toEqual({ problem: '每个标签最多 12 个字' });
    expect(addTag(['1', '2', '3', '4', '5', '6', '7', '8'], '九')).toEqual({ problem: '标签最多 8 个' });
  });

  it('loads the working revision when there is one, else the live course, with article text and durations', () => {
    const live = { title: '旧名', summary: '旧', coverUrl: null, tags: [], ageGroups: [], chapters: [] };
    const form = courseFormOf({
      status: 'PUBLISHED',
      ...live,
      workingRevision: {
        status: 'DRAFT',
        title: '新名',
        summary: '新简介',
        coverUrl: 'https://img.example.cn/c.png',
        tags: ['沟通'],
        ageGroups: ['INFANT'],
        chapters: [
          { id: 'c1', kind: 'ARTICLE', title: '一', body: '<p>甲</p><h3>乙</h3>' },
          { id: 'c2', kind: 'VIDEO', title: '二', mediaUrl: 'https://v.example.cn/2.mp4', durationSeconds: 750 },
        ],
      },
    });
    expect(form.title).toBe('新名');
    expect(form.coverUrl).toBe('https://img.example.cn/c.png');
    expect(form.chapters.map(({ id, text, hadFormatting, duration }) => ({ id, text, hadFormatting, duration }))).toEqual([
      { id: 'c1', text: '甲\n\n乙', hadFormatting: true, duration: '' },
      { id: 'c2', text: '', hadFormatting: false, duration: '12:30' },
    ]);
    expect(new Set(form.chapters.map((c) => c.key)).size).toBe(2);
    expect(courseFormOf({ status: 'PUBLISHED', ...live, title: '旧名', workingRevision: null }).title).toBe('旧名');
  });
});

describe('unsaved changes (WeChat asks before leaving the editor with them)', () => {
  it('a fresh form, or one as saved, has none; a save handing out chapter ids adds none', () => {
    expect(courseFormChanged(emptyCourseForm(), emptyCourseForm())).toBe(false);
    const saved = formWithChapters();
    expect(courseFormChanged(saved, saved)).toBe(false);
    const withIds = { ...saved, chapters: saved.chapters.map((c, i) => ({ ...c, id: `server-${i}` })) };
    expect(courseFormChanged(withIds, saved)).toBe(false);
    expect(courseFormChanged({ ...saved, ageGroups: [...saved.ageGroups].reverse() }, saved)).toBe(false);
  });

  it('typing in any field, a new or removed chapter, or moving one is a change', () => {
    const saved = formWithChapters();
    expect(courseFormChanged({ ...saved, title: `${saved.title}！` }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, coverUrl: 'https://img.example.cn/c.png' }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, tags: [...saved.tags, '祖辈'] }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, ageGroups: ['PRIMARY', 'PRESCHOOL'] }, saved)).toBe(true);
    const [article, video] = saved.chapters;
    expect(courseFormChanged({ ...saved, chapters: [{ ...article, text: `${article.text}\n\n第三段` }, video] }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, chapters: [article, { ...video, duration: '12:31' }] }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, chapters: [video, article] }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, chapters: [article] }, saved)).toBe(true);
    expect(courseFormChanged({ ...saved, chapters: [...saved.chapters, newChapter('AUDIO')] }, saved)).toBe(true);
  });
});
