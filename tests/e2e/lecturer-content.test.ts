/**
 * A course's way through review in the H5 build, in headless Chromium, against the real server: a
 * lecturer writes a course with an article and a video chapter in the editor (a server field error
 * lands beside the right chapter's field) and submits it; an organizer of the lecturer's county
 * finds it in the review queue, reads it in full and sends it back with a reason; the lecturer
 * sees 未通过 and the reason in 我的课程. Then a lecture: proposed in 申报讲座 (county, then venue,
 * Beijing time; a second tap proposes nothing more), sent back from the queue (a second tap decides
 * nothing more), fixed by the lecturer and back in the queue without restarting the app, approved,
 * and its capacity changed once published. Then 我的 for organizers and door staff, and what a
 * household's feedback looks like on both sides.
 */
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium, openPhonePage } from '../helpers/browser';
import { insertLecture } from '../helpers/booking';
import { signInAs, type SignedIn } from '../helpers/roles';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const RUN = Date.now().toString(36);
const COUNTY = '350702'; // 延平区
const ME = `{ me { id displayName countyCode guardianKind childrenAgeGroups phone role } }`;
const COURSE = `query($id: ID!) {
  course(id: $id) {
    id status title summary tags ageGroups chapters { id }
    workingRevision { status rejectionReason submittedAt chapters { id kind title body mediaUrl durationSeconds } }
    reviewHistory { verdict reason reviewerName }
  }
}`;
const MY_COURSES = `{ myCourses { id title status } }`;

const VENUE_ID = new Types.ObjectId();
const LECTURE_TITLE = '周末亲子共读怎么开始';

const LECTURE_REASON = '场地容量请和社区核实后再填';
const FIXED_SUMMARY = '每天十分钟，从一本绘本开始。社区核实：可坐 60 人。';
const LECTURE_REVIEW = `query($id: ID!) { lecture(id: $id) { status rejectionReason reviewHistory { verdict } } }`;
const UPDATE_LECTURE = `mutation($id: ID!, $input: LectureUpdateInput!) { updateLecture(id: $id, input: $input) { status proposalRevision } }`;

const COURSE_TITLE = '和孩子好好说话';
const REASON = '第二章的视频地址请换成能播放的正式地址';

describe('a course drafted, submitted and sent back, in the H5 build', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let lecturer: SignedIn;
  let organizer: SignedIn;
  let courseId: string;

  beforeAll(async () => {
    server = await startTestServer({ label: 'h5-lecturer-content', seed: false });
    // One county with one venue (and a past lecture held there).
    const db = mongoose.connection.db!;
    await db.collection('counties').insertOne({ _id: COUNTY as any, name: '延平区', sortOrder: 1 });
    await db.collection('venues').insertOne({
      _id: VENUE_ID,
      name: '水南街道社区家长学校',
      type: 'COMMUNITY',
      countyCode: COUNTY,
      address: '延平区滨江中路 8 号',
      isPracticeBase: false,
    });
    await insertLecture({ venueId: VENUE_ID, venueType: 'COMMUNITY', countyCode: COUNTY, startsAt: new Date(Date.now() - 30 * 86400_000), endsAt: new Date(Date.now() - 30 * 86400_000 + 5400_000) });
    lecturer = await signInAs(server.url, `e2e-lecturer-${RUN}`, 'LECTURER', { countyCode: COUNTY });
    organizer = await signInAs(server.url, `e2e-organizer-${RUN}`, 'ORGANIZER', { countyCode: COUNTY });
    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function api<T = any>(who: SignedIn, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await server.graphql(query, variables, who.token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  /**
   * Puts a session into the app's storage as services/session.ts keeps it (Taro's H5 storage wraps
   * the value as `{ data }` in localStorage), so the next launch starts signed in as `who`.
   */
  async function useSession(who: SignedIn) {
    const { me } = await api(who, ME);
    await page.goto(`${server.url}/healthz`);
    await page.evaluate(
      (stored) => localStorage.setItem('fel.session', JSON.stringify({ data: stored })),
      { token: who.token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: me },
    );
  }

  /** Opens a route as a fresh launch of the app (Taro keeps pages it has shown in the DOM). */
  async function open(route: string) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/${route}`);
  }

  /** An element on the page in front (Taro keeps the pages below in the DOM, hidden). */
  const shown = (selector: string) => page.locator(`${selector}:visible`);
  const textOf = async (selector: string) => (await shown(selector).first().innerText()).trim();

  /** Waits until Taro's page transition is over (the page holding `selector` in place), for a clean screenshot. */
  async function settled(selector: string) {
    await page.waitForFunction((sel) => {
      const target = Array.from(document.querySelectorAll(sel)).find((el) => (el as HTMLElement).offsetParent !== null)?.closest('.taro_page');
      return target instanceof HTMLElement && target.getBoundingClientRect().x === 0 && getComputedStyle(target).transform === 'none';
    }, selector);
  }

  /**
   * A tap on a page with pull-down refresh (我的课程, 审核): Playwright's own click() waits forever
   * there, its hit-target check reporting Taro's taro-pull-to-refresh-core as covering the element
   * although the element is on top (document.elementFromPoint finds it). A real mouse click at the
   * element's centre is what a reader's tap is.
   */
  async function tap(selector: string) {
    const target = shown(selector).first();
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  it('我的课程 starts empty for a new lecturer and offers 新建课程', async () => {
    await useSession(lecturer);
    await open('packages/lecturer/courses');
    await shown('.status-view--empty').filter({ hasText: '还没有课程' }).waitFor();
    await tap('.my-courses__new');
    await shown('.course-edit__title').waitFor();
    await expect(shown('.chapter-card').count()).resolves.toBe(0);
  });

  it('the editor takes the course and two chapters; the server’s error on the video address lands beside that field', async () => {
    await shown('.course-edit__title input').fill(COURSE_TITLE);
    await shown('.course-edit__summary textarea').fill('祖辈和父母都能用的沟通方法，十分钟一讲。');
    await shown('.course-edit__tag-input input').fill('亲子沟通');
    await shown('.course-edit__tag-add').click();
    await shown('.course-tag').filter({ hasText: '亲子沟通' }).waitFor();
    await shown('.course-age--primary').click();
    await shown('.course-age--preschool').click();

    await shown('.course-edit__add--video').click();
    await shown('.course-edit__add--article').click();
    await expect(shown('.chapter-card').count()).resolves.toBe(2);
    // The article was added last: move it up so it comes first.
    await shown('.chapter-card--article .chapter-card__up').click();
    await expect(shown('.chapter-card').first().locator('.chapter-card__kind').innerText()).resolves.toBe('图文');

    const article = shown('.chapter-card--article');
    await article.locator('.chapter-card__title input').fill('先听，再说');
    await article.locator('.chapter-card__body textarea').fill('孩子说话时，放下手机，看着他的眼睛。\n\n等他说完，再说您的想法。');
    const video = shown('.chapter-card--video');
    await video.locator('.chapter-card__title input').fill('示范：一次好好的对话');
    await video.locator('.chapter-card__media input').fill('http://media.example.cn/talk.mp4'); // not https
    await video.locator('.chapter-card__duration input').fill('12：30'); // a Chinese keyboard's colon

    await shown('.course-edit__save').click();
    await shown('.chapter-card__error--mediaUrl').waitFor();
    await expect(video.locator('.chapter-card__error--mediaUrl').innerText()).resolves.toBe('请填写视频地址，要以 https:// 开头');
    await expect(shown('.chapter-card--article .chapter-card__error').count()).resolves.toBe(0);
    await expect(textOf('.course-edit__failure')).resolves.toBe('有几项需要改一下，请看红字提示。');
    await settled('.chapter-card--video');
    await shown('.chapter-card--video').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-course-edit-error.png') });
    // Bad input changed nothing.
    await expect(api(lecturer, MY_COURSES)).resolves.toEqual({ myCourses: [] });

    await video.locator('.chapter-card__media input').fill('https://media.example.cn/talk.mp4');
    await expect(shown('.chapter-card__error--mediaUrl').count()).resolves.toBe(0); // cleared on typing
  });

  it('提交审核 saves the draft, sends it to review, and 我的课程 shows 审核中', async () => {
    await shown('.course-edit__submit').click();
    await shown('.course-item').filter({ hasText: COURSE_TITLE }).waitFor();
    await expect(textOf('.course-item .course-badge')).resolves.toBe('审核中');
    await expect(textOf('.course-item__chapters')).resolves.toBe('共 2 章');

    const { myCourses } = await api(lecturer, MY_COURSES);
    expect(myCourses).toHaveLength(1);
    courseId = myCourses[0].id;
    const { course } = await api(lecturer, COURSE, { id: courseId });
    expect(course).toMatchObject({ status: 'IN_REVIEW', title: COURSE_TITLE, tags: ['亲子沟通'], ageGroups: ['PRESCHOOL', 'PRIMARY'] });
    expect(course.workingRevision.chapters).toEqual([
      {
        id: expect.any(String),
        kind: 'ARTICLE',
        title: '先听，再说',
        body: '<p>孩子说话时，放下手机，看着他的眼睛。</p><p>等他说完，再说您的想法。</p>',
        mediaUrl: null,
        durationSeconds: null,
      },
      {
        id: expect.any(String),
        kind: 'VIDEO',
        title: '示范：一次好好的对话',
        body: null,
        mediaUrl: 'https://media.example.cn/talk.mp4',
        durationSeconds: 750,
      },
    ]);
    await settled('.course-item');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-my-courses-in-review.png') });
  });

  it('the editor reopens the course in review with its text back in paragraphs, and locked', async () => {
    await tap('.course-item');
    await shown('.course-edit__locked-note').waitFor();
    await expect(shown('.chapter-card--article .chapter-card__body textarea').inputValue()).resolves.toBe(
      '孩子说话时，放下手机，看着他的眼睛。\n\n等他说完，再说您的想法。',
    );
    await expect(shown('.chapter-card--video .chapter-card__duration input').inputValue()).resolves.toBe('12:30');
    await expect(shown('.course-edit__submit').count()).resolves.toBe(0);
  });

  it('the county organizer finds it in the queue with its lecturer and submission time', async () => {
    await useSession(organizer);
    await open('packages/organizer/index');
    const item = shown('.review-item--course').filter({ hasText: COURSE_TITLE });
    await item.waitFor();
    await expect(textOf('.review-section--courses .review-section__title')).resolves.toBe('待审课程（1）');
    await expect(item.locator('.review-item__submitted').innerText()).resolves.toMatch(/\d{1,2}月\d{1,2}日 .*\d{2}:\d{2} 提交$/);
    await expect(item.locator('.review-item__lecturer').innerText()).resolves.toMatch(/^讲师：\S/);
    await expect(textOf('.review-section--lectures .review-section__title')).resolves.toBe('待审讲座（0）');
    await settled('.review-item');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-review-queue.png') });
  });

  it('reads the whole course: the article as paragraphs, the video’s address and length', async () => {
    await tap('.review-item--course');
    await shown('.review-chapter').first().waitFor();
    await expect(textOf('.review__title')).resolves.toBe(COURSE_TITLE);
    await expect(shown('.review-chapter').count()).resolves.toBe(2);
    const paragraphs = shown('.review-chapter--article .review-chapter__body p');
    await expect(paragraphs.count()).resolves.toBe(2);
    await expect(paragraphs.nth(1).innerText()).resolves.toBe('等他说完，再说您的想法。');
    await expect(textOf('.review-chapter--video .review-chapter__media')).resolves.toBe('https://media.example.cn/talk.mp4');
    await expect(textOf('.review-chapter--video .review-chapter__duration')).resolves.toBe('时长 12分30秒');
    await settled('.review-chapter');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-review-course.png'), fullPage: true });
  });

  it('退回 needs a reason; with one, the course goes back and leaves the queue', async () => {
    await shown('.review-actions__reject').click();
    await shown('.review-reject__confirm').click();
    await expect(textOf('.review-actions__problem')).resolves.toBe('请写下退回的原因，讲师会看到它并据此修改');
    await expect(api(lecturer, COURSE, { id: courseId }).then((d) => d.course.status)).resolves.toBe('IN_REVIEW');

    await shown('.review-reject__reason textarea').fill(REASON);
    await shown('.review-reject__confirm').click();
    await shown('.review-section--courses .review-section__title').filter({ hasText: '待审课程（0）' }).waitFor();
    await expect(shown('.review-item--course').count()).resolves.toBe(0);

    const { course } = await api(lecturer, COURSE, { id: courseId });
    expect(course.status).toBe('REJECTED');
    expect(course.workingRevision.rejectionReason).toBe(REASON);
    expect(course.reviewHistory).toEqual([{ verdict: 'REJECTED', reason: REASON, reviewerName: expect.any(String) }]);
  });

  it('the lecturer sees 未通过 and the reason in 我的课程', async () => {
    await useSession(lecturer);
    await open('packages/lecturer/courses');
    const item = shown('.course-item').filter({ hasText: COURSE_TITLE });
    await item.waitFor();
    await expect(item.locator('.course-badge').first().innerText()).resolves.toBe('未通过');
    await expect(item.locator('.course-badges__reason').innerText()).resolves.toBe(`退回原因：${REASON}`);
    await settled('.course-item');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-my-courses-rejected.png') });
  });

  it('a decision someone else made first is explained kindly, and the item leaves the queue', async () => {
    await api(lecturer, `mutation($id: ID!) { submitCourseForReview(id: $id) { status } }`, { id: courseId });
    await useSession(organizer);
    await open(`packages/organizer/review?kind=course&id=${courseId}`);
    await shown('.review-actions__approve').waitFor();
    // A colleague (a city organizer) approves it while this page is open.
    const colleague = await signInAs(server.url, `e2e-city-organizer-${RUN}`, 'ORGANIZER');
    await api(colleague, `mutation($id: ID!) { approveCourse(id: $id) { status } }`, { id: courseId });

    await shown('.review-actions__approve').click();
    await page.locator('.taro-model__confirm', { hasText: '通过' }).click();
    await shown('.review-decided--conflict').waitFor();
    await expect(textOf('.review-decided__text')).resolves.toContain('已经有其他同事审核过了');
    await settled('.review-decided');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-review-conflict.png') });
    await shown('.review-decided__back').click();
    await shown('.review-section--courses .review-section__title').filter({ hasText: '待审课程（0）' }).waitFor();
  });

  it('editing the published course says it needs review again, keeps its chapter ids, and shows 有修改待审核', async () => {
    const { course: live } = await api(lecturer, COURSE, { id: courseId });
    expect(live.status).toBe('PUBLISHED');
    await useSession(lecturer);
    await open(`packages/lecturer/course-edit?id=${courseId}`);
    await expect(textOf('.course-edit__published-note')).resolves.toBe('修改后需重新审核，审核通过前学员看到的仍是当前版本。');
    await shown('.course-edit__title input').fill(`${COURSE_TITLE}（修订版）`);
    await shown('.course-edit__submit').click();

    const item = shown('.course-item').filter({ hasText: COURSE_TITLE });
    await item.waitFor();
    await expect(item.locator('.course-badge').allInnerTexts()).resolves.toEqual(['已发布', '有修改待审核']);
    await expect(item.locator('.course-item__new-title').innerText()).resolves.toBe(`修改后：${COURSE_TITLE}（修订版）`);
    const { course } = await api(lecturer, COURSE, { id: courseId });
    expect(course.title).toBe(COURSE_TITLE); // parents still see the approved version
    expect(course.workingRevision.status).toBe('IN_REVIEW');
    // The same chapters, so what parents have studied still counts.
    expect(course.workingRevision.chapters.map((c: { id: string }) => c.id)).toEqual(live.chapters.map((c: { id: string }) => c.id));
  });

  /** Confirms a Taro H5 picker (opened by tapping `selector`) on the row it shows first. */
  async function pickShownRow(selector: string) {
    await shown(selector).click();
    await page.waitForFunction(() => {
      // The popup is position: fixed (no offsetParent): find the one on screen by its box.
      const popup = Array.from(document.querySelectorAll('.weui-picker')).find((el) => el.getBoundingClientRect().height > 0);
      return popup !== undefined && popup.getAnimations().every((animation) => animation.playState === 'finished');
    });
    await shown('.weui-picker__action').filter({ hasText: '确定' }).click();
    await page.locator('.weui-picker:visible').waitFor({ state: 'hidden' });
  }

  const MY_LECTURES = `{ myLectures(when: UPCOMING) { id title status startsAt endsAt capacity maxPartySize audienceAgeGroups campaignTag venue { id } } }`;
  let lectureId: string;

  it('申报讲座 proposes a lecture: county, then venue (with its 五进 type), Beijing times, campaign tag', async () => {
    await useSession(lecturer);
    await open('packages/lecturer/lecture-edit');
    await shown('.lecture-edit__title input').fill(LECTURE_TITLE);
    await shown('.lecture-edit__summary textarea').fill('每天十分钟，从一本绘本开始。');
    await pickShownRow('.lecture-edit__county');
    await expect(textOf('.lecture-edit__county .form-picker__value')).resolves.toBe('延平区');
    await pickShownRow('.lecture-edit__venue');
    await expect(textOf('.lecture-edit__venue .form-picker__value')).resolves.toBe('水南街道社区家长学校');
    await expect(textOf('.lecture-edit__venue-type')).resolves.toBe('进社区');
    const date = (await textOf('.lecture-edit__date .form-picker__value')).trim();
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(textOf('.lecture-edit__start .form-picker__value')).resolves.toBe('09:30');
    await shown('.lecture-edit__capacity input').fill('60');
    await shown('.lecture-edit__party input').fill('3');
    await shown('.lecture-age--preschool').click();
    await shown('.lecture-campaign--0').click();
    await expect(textOf('.lecture-campaign--0.form-chip--active')).resolves.toBe('家庭教育宣传周');
    await settled('.lecture-edit__save');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-lecture-propose.png'), fullPage: true });
    // An older reader taps 提交申报 and, seeing 已提交审核 come up, taps it once more.
    await tapTwice('.lecture-edit__save', '已提交审核');
    // Opened first, the form goes on to the workbench, which lists the lecture.
    await shown('.lecturer-card').filter({ hasText: LECTURE_TITLE }).waitFor();

    const lecture = await waitForLecture((l) => l.title === LECTURE_TITLE);
    lectureId = lecture.id;
    const { myLectures } = await api(lecturer, MY_LECTURES);
    expect(myLectures.filter((l: { title: string }) => l.title === LECTURE_TITLE)).toHaveLength(1); // proposed once
    expect(lecture).toMatchObject({
      status: 'PROPOSED',
      // 09:30–11:00 on the picked day in Beijing, whatever the browser's own time zone.
      startsAt: new Date(`${date}T09:30:00+08:00`).toISOString(),
      endsAt: new Date(`${date}T11:00:00+08:00`).toISOString(),
      capacity: 60,
      maxPartySize: 3,
      audienceAgeGroups: ['PRESCHOOL'],
      campaignTag: '家庭教育宣传周',
      venue: { id: VENUE_ID.toHexString() },
    });
  });

  it('the organizer reads the proposal in the queue and sends it back, once however often 确认退回 is tapped', async () => {
    await useSession(organizer);
    await open('packages/organizer/index');
    const item = shown('.review-item--lecture').filter({ hasText: LECTURE_TITLE });
    await item.waitFor();
    await expect(item.locator('.review-item__county').innerText()).resolves.toBe('延平区');
    await expect(item.locator('.review-item__venue').innerText()).resolves.toBe('水南街道社区家长学校（进社区）');
    await tap('.review-item--lecture');
    await shown('.review-row--capacity').waitFor();
    await expect(textOf('.review-row--capacity .review-row__value')).resolves.toBe('60 人，每户最多 3 人');
    await expect(textOf('.review-row--campaign .review-row__value')).resolves.toBe('家庭教育宣传周');
    await expect(textOf('.review-row--time .review-row__value')).resolves.toMatch(/09:30–11:00$/);

    // Notes whether the page ever says "someone else decided it" (what a second decision is told).
    await page.evaluate(() => {
      const seen = window as unknown as { sawConflict: boolean };
      seen.sawConflict = false;
      new MutationObserver(() => {
        if (document.querySelector('.review-decided--conflict')) seen.sawConflict = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await shown('.review-actions__reject').click();
    await shown('.review-reject__reason textarea').fill(LECTURE_REASON);
    await tapTwice('.review-reject__confirm', '已退回');
    await shown('.review-section--lectures .review-section__title').filter({ hasText: '待审讲座（0）' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { sawConflict: boolean }).sawConflict)).resolves.toBe(false);
    const { lecture } = await api(organizer, LECTURE_REVIEW, { id: lectureId });
    expect(lecture).toEqual({ status: 'REJECTED', rejectionReason: LECTURE_REASON, reviewHistory: [{ verdict: 'REJECTED' }] });
  });

  it('fixed and resubmitted, the lecture is back in the queue without restarting the app, and is approved', async () => {
    const { updateLecture } = await api(lecturer, UPDATE_LECTURE, { id: lectureId, input: { summary: FIXED_SUMMARY } });
    expect(updateLecture.status).toBe('PROPOSED');
    // The reviewer, still in the same launch, looks at another item (the course edit) and comes back.
    await expect(textOf('.review-section--courses .review-section__title')).resolves.toBe('待审课程（1）');
    await tap('.review-item--course');
    await shown('.review__title').waitFor();
    await page.goBack();
    const item = shown('.review-item--lecture').filter({ hasText: LECTURE_TITLE });
    await item.waitFor();
    await expect(textOf('.review-section--lectures .review-section__title')).resolves.toBe('待审讲座（1）');

    await tap('.review-item--lecture');
    await shown('.review__summary').filter({ hasText: FIXED_SUMMARY }).waitFor();
    await shown('.review-actions__approve').click();
    await page.locator('.taro-model__confirm', { hasText: '通过' }).click();
    await shown('.review-section--lectures .review-section__title').filter({ hasText: '待审讲座（0）' }).waitFor();
    const { lecture } = await api(organizer, LECTURE_REVIEW, { id: lectureId });
    expect(lecture.status).toBe('PUBLISHED');
    expect(lecture.reviewHistory.map((d: { verdict: string }) => d.verdict).sort()).toEqual(['APPROVED', 'REJECTED']);
  });

  it('修改讲座 of a published lecture: time and venue read-only, a bad capacity explained beside it, a good one saved', async () => {
    await useSession(lecturer);
    await open(`packages/lecturer/lecture-edit?id=${lectureId}`);
    await shown('.lecture-edit__published-note').waitFor();
    await expect(textOf('.lecture-edit__venue-readonly')).resolves.toBe('延平区 · 水南街道社区家长学校（进社区）');
    await expect(textOf('.lecture-edit__time-readonly')).resolves.toMatch(/09:30–11:00$/);
    await expect(shown('.lecture-edit__county').count()).resolves.toBe(0);
    await expect(shown('.lecture-edit__title input').count()).resolves.toBe(0);

    await shown('.lecture-edit__capacity input').fill('2');
    await shown('.lecture-edit__save').click(); // 2 is below the 3 a household may bring
    await shown('.form-field__error--capacity').waitFor();
    await expect(textOf('.form-field__error--capacity')).resolves.toBe('人数请填 1 到 2000，不能少于已预约的座位，也不能少于每户最多人数');
    await expect(textOf('.lecture-edit__failure')).resolves.toBe('有几项需要改一下，请看红字提示。');
    await settled('.lecture-edit__save');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-lecture-edit-error.png'), fullPage: true });

    await shown('.lecture-edit__capacity input').fill('80');
    await shown('.lecture-edit__save').click();
    await waitForLecture((l) => l.id === lectureId && l.capacity === 80);
  });

  /**
   * Taps `selector` and, once the toast `toast` shows (the request went through), taps the same spot
   * again the way an unsure reader does, before the page has left.
   */
  async function tapTwice(selector: string, toast: string) {
    const target = shown(selector).first();
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(x, y);
    await page.getByText(toast, { exact: true }).waitFor();
    await page.mouse.click(x, y);
  }

  /** The lecturer's upcoming lecture that matches, once there is one. */
  function waitForLecture(match: (lecture: any) => boolean): Promise<any> {
    return waitFor(async () => (await api(lecturer, MY_LECTURES)).myLectures.find(match), 'the lecture in myLectures');
  }

  /** Opens 我的 and waits for its question "does this parent keep a door?" to be answered. */
  async function openMine() {
    const asked = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('MineDoorDuty'));
    await open('pages/mine/index');
    await asked;
    await shown('.mine-link--learning').waitFor();
  }

  it('我的 offers 讲师工作台 to organizers, and to a parent once a lecturer asks them to keep a door', async () => {
    await useSession(organizer);
    await open('pages/mine/index');
    await shown('.mine-link--review').waitFor();
    await expect(textOf('.mine-link--lecturer .mine-link__label')).resolves.toBe('讲师工作台');

    const volunteer = await signInAs(server.url, `e2e-volunteer-${RUN}`, 'PARENT');
    await useSession(volunteer);
    await openMine();
    await expect(shown('.mine-link--lecturer').count()).resolves.toBe(0);

    await api(lecturer, `mutation($lectureId: ID!, $userId: ID!) { assignCheckInStaff(lectureId: $lectureId, userId: $userId) { id } }`, {
      lectureId,
      userId: volunteer.userId,
    });
    await openMine();
    await expect(textOf('.mine-link--lecturer .mine-link__label')).resolves.toBe('讲师工作台');
    await expect(shown('.mine-link--review').count()).resolves.toBe(0);
    await settled('.mine-link--lecturer');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-mine-door-staff.png'), fullPage: true });
    await shown('.mine-link--lecturer').click();
    await shown('.lecturer-card').filter({ hasText: LECTURE_TITLE }).waitFor();
  });

  /** The contrast of an element's text with the background behind it (WCAG's ratio). */
  function contrastOf(selector: string): Promise<number> {
    return page.evaluate((sel) => {
      const element = Array.from(document.querySelectorAll<HTMLElement>(sel)).find((el) => el.offsetParent !== null)!;
      const luminance = (css: string) => {
        const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((part) => {
          const v = Number(part) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      let behind: HTMLElement | null = element;
      let background = 'rgb(255, 255, 255)';
      while (behind) {
        const color = getComputedStyle(behind).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') {
          background = color;
          break;
        }
        behind = behind.parentElement;
      }
      const [a, b] = [luminance(getComputedStyle(element).color), luminance(background)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }, selector);
  }

  it('a household rates a lecture with stars it can see, and its lecturer reads the topic in the parents’ words', async () => {
    const db = mongoose.connection.db!;
    const startsAt = new Date(Date.now() - 3 * 3600_000);
    const endsAt = new Date(Date.now() - 3600_000);
    const pastId = await insertLecture({
      venueId: VENUE_ID,
      venueType: 'COMMUNITY',
      countyCode: COUNTY,
      lecturerId: new Types.ObjectId(lecturer.lecturerId!),
      startsAt,
      endsAt,
      title: '好好说话：和孩子的沟通课',
    });
    const household = await signInAs(server.url, `e2e-household-${RUN}`, 'PARENT');
    await db.collection('bookings').insertOne({
      lectureId: new Types.ObjectId(pastId),
      userId: new Types.ObjectId(household.userId),
      partySize: 2,
      status: 'CHECKED_IN',
      requestKey: `${household.userId}:feedback-e2e`,
      activeKey: `${pastId}:${household.userId}`,
      seatNumbers: [1, 2],
      requestedAt: new Date(startsAt.getTime() - 86400_000),
      lectureStartsAt: startsAt,
      lectureEndsAt: endsAt,
      confirmedAt: new Date(startsAt.getTime() - 86400_000),
    });

    await useSession(household);
    await open(`pages/lecture/index?id=${pastId}`);
    await shown('.feedback').waitFor();
    // Stars not chosen yet are what invites the tap: they must be plainly visible (3:1 at least).
    expect(await contrastOf('.feedback-star--1')).toBeGreaterThanOrEqual(3);
    await shown('.feedback-star--4').click();
    await expect(shown('.feedback-star--on').count()).resolves.toBe(4);
    expect(await contrastOf('.feedback-star--4')).toBeGreaterThanOrEqual(3);
    expect(await contrastOf('.feedback-star--5')).toBeGreaterThanOrEqual(3);
    await settled('.feedback');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-feedback-stars.png'), fullPage: true });
    await shown('.feedback-chip--grandparenting').click();
    await expect(textOf('.feedback-chip--grandparenting')).resolves.toBe('隔代教育');
    await shown('.feedback__submit').click();
    await shown('.feedback--given').waitFor();

    await useSession(lecturer);
    await open(`packages/lecturer/lecture?id=${pastId}`);
    await shown('.lecturer-feedback__chip').waitFor();
    // The lecturer reads the topic as the parents were offered it.
    // Read once the page has settled (it may render the chips anew after the first paint).
    const chips = () => shown('.lecturer-feedback__chip').allInnerTexts();
    await waitFor(async () => (await chips()).length > 0, 'the feedback chips to settle');
    await expect(chips()).resolves.toEqual(['隔代教育 1']);
  });

  it('a parent opening the review queue is told it is for staff', async () => {
    const parent = await signInAs(server.url, `e2e-parent-${RUN}`, 'PARENT');
    await useSession(parent);
    await open('packages/organizer/index');
    await shown('.status-view--empty').filter({ hasText: '审核只对妇联工作人员开放' }).waitFor();
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
