import {
  CHAPTER_KINDS,
  chapterKindLabel,
  courseState,
  courseStatusLabel,
  durationLabel,
  formatDuration,
  hasRichFormatting,
  paragraphsHtmlToText,
  parseDuration,
  textToParagraphsHtml,
} from '../../../miniapp/src/utils/courseContent';

describe('article text and paragraphs HTML', () => {
  it('turns paragraphs separated by blank lines into <p>, a single line break into <br/>', () => {
    const text = '孩子哭闹时，先蹲下来。\n看着孩子的眼睛。\n\n\n  再问他发生了什么。  \n\n';
    expect(textToParagraphsHtml(text)).toBe('<p>孩子哭闹时，先蹲下来。<br/>看着孩子的眼睛。</p><p>再问他发生了什么。</p>');
  });

  it('treats a line of spaces (or a full-width space) as blank, and Windows line ends like any other', () => {
    expect(textToParagraphsHtml('第一段\r\n \r\n第二段\n\u3000\n第三段')).toBe('<p>第一段</p><p>第二段</p><p>第三段</p>');
  });

  it('keeps what was typed as text: tags and ampersands are escaped, never markup', () => {
    expect(textToParagraphsHtml('<script>alert(1)</script> & "引号"')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;</p>');
  });

  it('gives nothing for an empty or blank box', () => {
    expect(textToParagraphsHtml('')).toBe('');
    expect(textToParagraphsHtml(' \n\n \n')).toBe('');
  });

  it('reads the HTML back as the text the lecturer typed (round trip)', () => {
    const typed = '第一段第一行\n第一段第二行\n\n第二段 <不是标签> & 符号';
    expect(paragraphsHtmlToText(textToParagraphsHtml(typed))).toBe(typed);
  });

  it('reads the server’s sanitised HTML: blocks become paragraphs, formatting is dropped, entities decoded', () => {
    const html = '<h3>三个要点</h3><p>要<strong>耐心</strong>&nbsp;倾听</p><ul><li>蹲下来</li><li>看眼睛</li></ul><blockquote>“慢慢来”</blockquote><p>A &amp; B &#x4E2D;&#25991;</p>';
    expect(paragraphsHtmlToText(html)).toBe('三个要点\n\n要耐心 倾听\n\n蹲下来\n\n看眼睛\n\n“慢慢来”\n\nA & B 中文');
    expect(paragraphsHtmlToText(null)).toBe('');
  });

  it('notices formatting the plain text box cannot keep', () => {
    expect(hasRichFormatting('<p>一</p><p>二<br/>三</p>')).toBe(false);
    expect(hasRichFormatting('<p>要<strong>耐心</strong></p>')).toBe(true);
    expect(hasRichFormatting('<h3>标题</h3>')).toBe(true);
    expect(hasRichFormatting('<p><img src="https://x/y.png"></p>')).toBe(true);
    expect(hasRichFormatting(null)).toBe(false);
  });
});

describe('chapter durations', () => {
  it('reads minutes:seconds, with a half- or full-width colon', () => {
    expect(parseDuration('12:30')).toBe(750);
    expect(parseDuration('12：30')).toBe(750);
    expect(parseDuration(' 0:45 ')).toBe(45);
    expect(parseDuration('90:00')).toBe(5400);
  });

  it('reads a bare number as minutes, and Chinese units', () => {
    expect(parseDuration('45')).toBe(2700);
    expect(parseDuration('45分钟')).toBe(2700);
    expect(parseDuration('12分30秒')).toBe(750);
    expect(parseDuration('12分30')).toBe(750);
    expect(parseDuration('1小时5分')).toBe(3900);
    expect(parseDuration('90秒')).toBe(90);
    expect(parseDuration('1:02:03')).toBe(3723);
  });

  it('an empty box is no duration; anything unreadable or out of range is refused', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('   ')).toBeNull();
    for (const bad of ['abc', '12:75', '1:60:00', '0', '0:00', '12.5', '-3', '601:00', '11小时', '12分70秒', ':30']) {
      expect([bad, parseDuration(bad)]).toEqual([bad, undefined]);
    }
    expect(parseDuration('600:00')).toBe(36000); // the server's limit, 10 hours
  });

  it('shows seconds as minutes:seconds for the box, and in words for reading', () => {
    expect(formatDuration(750)).toBe('12:30');
    expect(formatDuration(5400)).toBe('90:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(null)).toBe('');
    expect(parseDuration(formatDuration(3723))).toBe(3723);
    expect(durationLabel(750)).toBe('12分30秒');
    expect(durationLabel(2700)).toBe('45分钟');
    expect(durationLabel(3900)).toBe('1小时5分');
    expect(durationLabel(40)).toBe('40秒');
    expect(durationLabel(null)).toBe('');
  });
});

describe('course states', () => {
  it('labels kinds and statuses in Chinese', () => {
    expect(CHAPTER_KINDS.map(chapterKindLabel)).toEqual(['图文', '视频', '音频']);
    expect(['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'REJECTED', 'ARCHIVED'].map(courseStatusLabel)).toEqual(['草稿', '审核中', '已发布', '未通过', '已归档']);
  });

  it('a rejected course shows 未通过 and the reason, from the working revision or else the audit trail', () => {
    const fromRevision = courseState({ status: 'REJECTED', workingRevision: { status: 'REJECTED', rejectionReason: ' 视频打不开 ' } });
    expect(fromRevision).toEqual({ badge: { label: '未通过', tone: 'rejected' }, change: null, rejectionReason: '视频打不开' });
    const fromHistory = courseState({
      status: 'REJECTED',
      workingRevision: null,
      reviewHistory: [
        { verdict: 'REJECTED', reason: '最新的原因', decidedAt: '2026-11-20T02:00:00Z' },
        { verdict: 'REJECTED', reason: '旧的原因', decidedAt: '2026-11-01T02:00:00Z' },
      ],
    });
    expect(fromHistory.rejectionReason).toBe('最新的原因');
  });

  it('a published course stays 已发布 while an edit of it is in review, rejected or unsent', () => {
    expect(courseState({ status: 'PUBLISHED', workingRevision: { status: 'IN_REVIEW' } })).toEqual({
      badge: { label: '已发布', tone: 'published' },
      change: { label: '有修改待审核', tone: 'review' },
      rejectionReason: null,
    });
    expect(courseState({ status: 'PUBLISHED', workingRevision: { status: 'DRAFT' } }).change?.label).toBe('有修改未提交');
    const rejectedEdit = courseState({ status: 'PUBLISHED', workingRevision: { status: 'REJECTED', rejectionReason: '标题太长' } });
    expect(rejectedEdit.change?.label).toBe('修改未通过');
    expect(rejectedEdit.rejectionReason).toBe('标题太长');
    expect(courseState({ status: 'PUBLISHED', workingRevision: null }).change).toBeNull();
  });

  it('drafts, courses in review and archived ones have one badge and no reason', () => {
    expect(courseState({ status: 'DRAFT' }).badge).toEqual({ label: '草稿', tone: 'draft' });
    expect(courseState({ status: 'IN_REVIEW', workingRevision: { status: 'IN_REVIEW' } }).badge.label).toBe('审核中');
    expect(courseState({ status: 'ARCHIVED' })).toEqual({ badge: { label: '已归档', tone: 'archived' }, change: null, rejectionReason: null });
  });
});
