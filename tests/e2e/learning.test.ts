/**
 * A parent learning in the H5 build, in headless Chromium, against the real server: the catalogue,
 * a course, the chapter player saving the place in an audio chapter (on pause, on leaving the
 * chapter, at the end), resuming there when the chapter is opened again, 我读完了 on an article,
 * the course completed, and the 结业证书 with the parent's name, saved as a PNG.
 *
 * The course is written straight into the database in the shape the server keeps (published, no
 * lectures linked, so chapters alone complete it). The audio is a WAV made here and served from a
 * loopback HTTP server with byte ranges (seeking needs them); Debian's Chromium plays WAV without
 * proprietary codecs. Then the lecture page's 评价本场讲座 for a household checked in at a lecture.
 * Last, a family phone: a second account on the same browser sees none of the first's progress,
 * signing in happens on the chapter and certificate pages themselves, the course page shows where
 * the reader left off even when the chapter's last save lands after the page's refresh, and what the
 * first account's phone could not send goes to that account when it signs in again.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium, openPhonePage } from '../helpers/browser';
import { insertLecture } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const OPEN_ID = `e2e-learner-${Date.now().toString(36)}`;
const SECOND_OPEN_ID = `${OPEN_ID}-b`;
const AUDIO_SECONDS = 8;

/** A WAV file: 8 kHz, 8-bit mono, a quiet tone (so a real decoder has something to play). */
function wavFile(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  const data = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) data[i] = 128 + Math.round(8 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return Buffer.concat([header, data]);
}

/** Serves one file with Range support, as a CDN would. */
async function startMediaServer(file: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
    const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'access-control-allow-origin': '*' };
    if (!range) {
      res.writeHead(200, { ...headers, 'content-length': file.length });
      res.end(file);
      return;
    }
    const start = range[1] ? Number(range[1]) : 0;
    const end = range[2] ? Math.min(Number(range[2]), file.length - 1) : file.length - 1;
    res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${file.length}` });
    res.end(file.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lesson.wav`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const SIGN_IN = `mutation($openId: String!) { signInForDevelopment(openId: $openId) { token } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName } }`;
const MY_FEEDBACK = `query($id: ID!) { lecture(id: $id) { canGiveFeedback myFeedback { rating comment understood willTryAtHome wantedTopics } } }`;
const PROGRESS = `query($id: ID!) {
  course(id: $id) {
    chapters { id myProgress { positionSeconds completed } }
    myProgress { completedChapters totalChapters completed certificate { id number recipientName } }
  }
}`;

describe('learning in the H5 build', () => {
  let server: TestServer;
  let media: Awaited<ReturnType<typeof startMediaServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let token: string;
  let userId: string;
  let lecturerId: Types.ObjectId;
  const courseId = new Types.ObjectId();
  const audioId = new Types.ObjectId();
  const articleId = new Types.ObjectId();

  beforeAll(async () => {
    media = await startMediaServer(wavFile(AUDIO_SECONDS));
    server = await startTestServer({ label: 'h5-learning', seed: false });
    const db = mongoose.connection.db!;
    lecturerId = new Types.ObjectId();
    await db.collection('lecturers').insertOne({ _id: lecturerId, name: '林晓梅', title: '国家二级心理咨询师', countyCode: '350702' });
    const now = new Date();
    await db.collection('courses').insertOne({
      _id: courseId,
      lecturerId,
      countyCode: '350702',
      featured: true,
      live: {
        revision: 1,
        publishedAt: now,
        content: {
          title: '隔代教养：爷爷奶奶的新功课',
          summary: '祖辈带娃的沟通方法，听一听，读一读。',
          tags: ['隔代教育'],
          ageGroups: ['PRIMARY'],
          chapters: [
            { _id: audioId, kind: 'AUDIO', title: '第一讲：先听孩子说', mediaUrl: media.url, durationSeconds: AUDIO_SECONDS },
            { _id: articleId, kind: 'ARTICLE', title: '第二讲：三句话的小练习', body: '<h3>今天的小练习</h3><p>每天问孩子三个问题。</p>' },
          ],
        },
      },
      working: null,
      createdAt: now,
      updatedAt: now,
    });

    const signedIn = await server.graphql(SIGN_IN, { openId: OPEN_ID });
    token = signedIn.data.signInForDevelopment.token;
    const named = await server.graphql(UPDATE_PROFILE, { input: { displayName: '王奶奶' } }, token);
    expect(named.errors).toBeUndefined();
    userId = named.data.updateProfile.id;

    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await media?.close();
  });

  /** What the server has for this parent (or for the account of `as`). */
  async function progress(as = token) {
    const response = await server.graphql(PROGRESS, { id: courseId.toHexString() }, as);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const course = response.data.course;
    const chapter = (id: Types.ObjectId) => course.chapters.find((c: any) => c.id === id.toHexString()).myProgress;
    return { audio: chapter(audioId), article: chapter(articleId), course: course.myProgress };
  }

  /** A fresh launch of the app at a route (Taro keeps shown pages in the DOM otherwise). */
  async function open(route: string) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/${route}`);
  }

  const shown = (selector: string) => page.locator(`${selector}:visible`);

  /** Waits until Taro's page transition is over and the page holding `selector` alone is in view. */
  async function settled(selector: string) {
    await page.waitForFunction((sel) => {
      const target = document.querySelector(sel)?.closest('.taro_page');
      if (!(target instanceof HTMLElement) || target.getBoundingClientRect().x !== 0 || getComputedStyle(target).transform !== 'none') return false;
      return Array.from(document.querySelectorAll('.taro_page')).every((other) => {
        if (other === target) return true;
        const box = other.getBoundingClientRect();
        return getComputedStyle(other).display === 'none' || box.width === 0 || box.left >= window.innerWidth || box.right <= 0;
      });
    }, selector);
  }
  const textOf = async (selector: string) => (await shown(selector).first().innerText()).trim();
  const clockSeconds = (text: string) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const audioPosition = async () => clockSeconds(await textOf('.chapter-audio__time--now'));

  it('signs in on 我的, which offers 我的学习 and 结业证书', async () => {
    await open('pages/mine/index');
    await shown('.dev-sign-in__input input').fill(OPEN_ID);
    await shown('.dev-sign-in__button').click();
    await shown('.mine-profile__name').filter({ hasText: '王奶奶' }).waitFor();
    await expect(textOf('.mine-link--learning')).resolves.toContain('我的学习');
    await expect(textOf('.mine-link--certificates')).resolves.toContain('结业证书');
    await expect(shown('.mine-link--lecturer').count()).resolves.toBe(0); // a parent
  });

  it('the catalogue shows the course among 精品课程 with its lecturer and chapter count', async () => {
    await open('pages/index/index');
    await shown('.home-courses').click();
    const card = shown('.learning-featured .course-card').filter({ hasText: '隔代教养' });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('主讲：林晓梅');
    await expect(card.innerText()).resolves.toContain('共 2 节');
    await expect(textOf('.learning-featured__ribbon')).resolves.toBe('闽北特色精品课程');
    await settled('.learning-featured');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-catalogue.png') });
    await card.click();
    await shown('.course-detail__title').filter({ hasText: '隔代教养' }).waitFor();
    await settled('.course-detail');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-course.png') });
    await expect(textOf('.chapter-row--audio .chapter-kind')).resolves.toContain('音频');
    await expect(textOf('.chapter-row--article .chapter-kind')).resolves.toContain('图文');
    await expect(textOf('.course-progress__resume')).resolves.toBe('开始学习');
  });

  it('saves the place in an audio chapter when paused', async () => {
    await shown('.course-progress__resume').click();
    await shown('.chapter-audio__toggle').waitFor();
    await expect(textOf('.chapter__title')).resolves.toBe('第一讲：先听孩子说');
    await shown('.chapter-audio__toggle').click();
    await waitFor(async () => (await audioPosition()) >= 2, 'two seconds played');
    await shown('.chapter-audio__toggle--playing').click(); // pause
    const saved = await waitFor(async () => {
      const { audio } = await progress();
      return audio && audio.positionSeconds >= 2 ? audio : null;
    }, 'the position saved on pause');
    expect(saved.completed).toBe(false);
  });

  it('saves it when the reader leaves the chapter while it plays, and resumes there when it is opened again', async () => {
    const before = (await progress()).audio.positionSeconds;
    await shown('.chapter-audio__toggle').click();
    await waitFor(async () => (await audioPosition()) >= before + 2, 'two more seconds played');
    await shown('.chapter__next').click(); // leaves without pausing
    await shown('.chapter-article').waitFor();
    const left = await waitFor(async () => {
      const { audio } = await progress();
      return audio.positionSeconds >= before + 2 ? audio.positionSeconds : 0;
    }, 'the position saved on leaving');
    expect(left).toBeLessThan(AUDIO_SECONDS);

    // Opened again from the course page (a fresh start of the app): it resumes where it was left.
    await open(`packages/learning/course?id=${courseId.toHexString()}`);
    await expect(textOf('.chapter-row--audio .chapter-row__status')).resolves.toBe(`学到 0:0${left}`);
    await expect(textOf('.course-progress__resume')).resolves.toBe('继续学习');
    await shown('.chapter-row--audio').click();
    await expect(textOf('.chapter__resume')).resolves.toContain(`上次学到 0:0${left}`);
    expect(await audioPosition()).toBe(left);
    await settled('.chapter-audio');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-audio.png') });

    // Playing goes on from there, never from the start.
    await shown('.chapter-audio__toggle').click();
    const seen: number[] = [];
    await waitFor(async () => {
      seen.push(await audioPosition());
      return shown('.chapter__done').count();
    }, 'the chapter played to its end', 30_000);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(left);
    await expect(textOf('.chapter__done')).resolves.toContain('本节已学完');
    await waitFor(async () => (await progress()).audio.completed, 'the audio chapter completed on the server');
  });

  it('我读完了 completes the article, and with it the course: the certificate is there', async () => {
    await shown('.chapter__next').click();
    await shown('.chapter-article__body').filter({ hasText: '每天问孩子三个问题' }).waitFor();
    await shown('.chapter-article__finish').click();
    await shown('.chapter-article__done').waitFor();
    const { article, course } = await waitFor(async () => {
      const now = await progress();
      // The certificate is issued right after the chapter is saved, within the same request.
      return now.course.certificate ? now : null;
    }, 'the course completed with a certificate');
    expect(article.completed).toBe(true);
    expect(course).toMatchObject({ completedChapters: 2, totalChapters: 2, completed: true });
    expect(course.certificate.recipientName).toBe('王奶奶');
    await shown('.chapter__finished-title').filter({ hasText: '您已学完本课程' }).waitFor();
    await settled('.chapter-article');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-article-done.png') });
  });

  it('the course shows 已学完 and the certificate page shows the parent’s name; 保存图片 gives a PNG', async () => {
    const { course } = await progress();
    await open(`packages/learning/course?id=${courseId.toHexString()}`);
    await expect(textOf('.course-progress__text')).resolves.toBe('您已学完本课程');
    await expect(shown('.chapter-row__status--done').count()).resolves.toBe(2);
    await expect(textOf('.chapter-row--audio .chapter-row__status')).resolves.toBe('已学完');

    await shown('.course-progress__certificate').click();
    await shown('.certificate-paper__name').filter({ hasText: '王奶奶' }).waitFor();
    await expect(textOf('.certificate-paper__number')).resolves.toBe(`证书编号：${course.certificate.number}`);
    await expect(textOf('.certificate-paper__statement')).resolves.toContain('《隔代教养：爷爷奶奶的新功课》');
    await expect(textOf('.certificate-paper__issuer-name')).resolves.toBe('南平市妇女联合会');
    await settled('.certificate-paper');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-certificate.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), shown('.certificate__save').click()]);
    expect(download.suggestedFilename()).toBe(`结业证书-${course.certificate.number}.png`);
    const file = await download.path();
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1080); // width from the IHDR chunk
    await shown('.certificate__preview').waitFor();
    await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-certificate-saved.png'), fullPage: true });
    fs.copyFileSync(file, path.join(artifactsDir, 'h5-learning-certificate-image.png'));

    // Without an id: every certificate of the reader.
    await open('packages/learning/certificate');
    await expect(textOf('.certificate-item__title')).resolves.toBe('隔代教养：爷爷奶奶的新功课');
    // And the catalogue card says so too.
    await open('packages/learning/index');
    await expect(textOf('.learning-featured .course-card__progress')).resolves.toBe('已学完');
    await expect(textOf('.my-learning__progress')).resolves.toBe('已学完');
  });

  it('a household checked in at a lecture rates it on the lecture page, once', async () => {
    const db = mongoose.connection.db!;
    await db.collection('counties').insertOne({ _id: '350702' as never, name: '延平区', sortOrder: 1 });
    const venueId = new Types.ObjectId();
    await db.collection('venues').insertOne({ _id: venueId, name: '延平区妇女儿童活动中心', type: 'COMMUNITY', countyCode: '350702', address: '延平区滨江中路 1 号', isPracticeBase: false });
    const startsAt = new Date(Date.now() - 3 * 3600_000);
    const endsAt = new Date(Date.now() - 3600_000);
    const lectureId = await insertLecture({ venueId, lecturerId, startsAt, endsAt, venueType: 'COMMUNITY', title: '好好说话：和孩子的沟通课' });
    await db.collection('bookings').insertOne({
      lectureId: new Types.ObjectId(lectureId),
      userId: new Types.ObjectId(userId),
      partySize: 2,
      status: 'CHECKED_IN',
      requestKey: `${userId}:feedback-e2e`,
      activeKey: `${lectureId}:${userId}`,
      seatNumbers: [1, 2],
      requestedAt: new Date(startsAt.getTime() - 86400_000),
      lectureStartsAt: startsAt,
      lectureEndsAt: endsAt,
      confirmedAt: new Date(startsAt.getTime() - 86400_000),
    });

    await open(`pages/lecture/index?id=${lectureId}`);
    await shown('.feedback').waitFor();
    await expect(textOf('.feedback__heading')).resolves.toBe('评价本场讲座');
    await shown('.feedback__submit').click(); // no stars yet
    await expect(textOf('.feedback__error')).resolves.toContain('星星');

    await shown('.feedback-star--4').click();
    await expect(shown('.feedback-star--on').count()).resolves.toBe(4);
    await expect(textOf('.feedback-stars__word')).resolves.toBe('满意');
    await shown('.feedback-question--understood .feedback-answer--yes').click();
    await shown('.feedback-question--try .feedback-answer--no').click();
    for (const topic of ['communication', 'grandparenting', 'safety', 'screen_time']) await shown(`.feedback-chip--${topic}`).click();
    await expect(shown('.feedback-chip--on').count()).resolves.toBe(3); // a fourth is not taken
    await shown('.feedback__comment textarea').fill('讲得很实在，回家就试了。');
    await settled('.feedback');
    await page.screenshot({ path: path.join(artifactsDir, 'h5-feedback-form.png'), fullPage: true });
    await shown('.feedback__submit').click();
    await shown('.feedback--given').filter({ hasText: '谢谢您的评价' }).waitFor();

    const { data } = await server.graphql(MY_FEEDBACK, { id: lectureId }, token);
    expect(data.lecture).toEqual({
      canGiveFeedback: false,
      myFeedback: { rating: 4, comment: '讲得很实在，回家就试了。', understood: true, willTryAtHome: false, wantedTopics: ['COMMUNICATION', 'GRANDPARENTING', 'SAFETY'] },
    });

    // Opened again: 您已评价 with what was said, no form.
    await open(`pages/lecture/index?id=${lectureId}`);
    await shown('.feedback--given').filter({ hasText: '您已评价' }).waitFor();
    await expect(textOf('.feedback--given')).resolves.toContain('亲子沟通、隔代教育、安全教育');
    await expect(shown('.feedback__submit').count()).resolves.toBe(0);
  });

  it('the catalogue’s filter chips are full touch targets, 88 design pixels (750 wide) like every button', async () => {
    await open('packages/learning/index');
    await shown('.learning-chip').first().waitFor();
    const heights = await page.$$eval('.learning-chip', (elements) =>
      elements.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect().height / (window.innerWidth / 750)),
    );
    expect(heights.length).toBeGreaterThan(3); // 全部 and the age groups, 全部 and the course's tag
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(87.5);
  });

  describe('a family phone: two accounts on one browser', () => {
    let secondToken: string;
    let keptPlace: number;
    const chapterRoute = `packages/learning/chapter?course=${courseId.toHexString()}&id=${audioId.toHexString()}`;
    const isSave = (request: { postDataJSON(): any }) => request.postDataJSON()?.operationName === 'SaveChapterProgress';

    beforeAll(async () => {
      secondToken = (await server.graphql(SIGN_IN, { openId: SECOND_OPEN_ID })).data.signInForDevelopment.token;
    });

    it('a place the first account could not send stays on the phone when it signs out', async () => {
      await page.route('**/graphql', (route) => (isSave(route.request()) ? route.abort('connectionreset') : route.fallback()));
      try {
        await open(chapterRoute);
        await shown('.chapter__done').waitFor(); // finished earlier: it plays from the start
        await shown('.chapter-audio__toggle').click();
        await waitFor(async () => (await audioPosition()) >= 2, 'two seconds played');
        await shown('.chapter-audio__toggle--playing').click(); // pause: the save fails
        await shown('.chapter__offline').waitFor();
        keptPlace = await audioPosition();
        expect(keptPlace).toBeLessThan(AUDIO_SECONDS - 3);
        await open('pages/mine/index');
      } finally {
        await page.unroute('**/graphql');
      }
      await shown('.mine__sign-out').click();
      await shown('.dev-sign-in__input').waitFor();
      const { audio } = await progress();
      expect(audio.completed).toBe(true);
      expect(audio.positionSeconds).not.toBe(keptPlace); // not sent
    });

    it('signed out, the chapter offers sign-in right there; the second account starts from its own (empty) progress', async () => {
      await open(chapterRoute);
      await expect(textOf('.chapter__title')).resolves.toBe('第一讲：先听孩子说');
      await shown('.chapter-audio__toggle').waitFor();
      // Nothing of the first account's: not its 已学完, not its place.
      await expect(shown('.chapter__done').count()).resolves.toBe(0);
      await expect(shown('.chapter__resume').count()).resolves.toBe(0);

      await shown('.chapter__signin').click();
      await shown('.chapter__signin-panel .dev-sign-in__input input').fill(SECOND_OPEN_ID);
      await shown('.chapter__signin-panel .dev-sign-in__button').click();
      await waitFor(async () => (await shown('.chapter__signin-panel').count()) === 0 && (await shown('.chapter__signin').count()) === 0, 'signed in on the page');
      expect(page.url()).toContain('packages/learning/chapter');
      await expect(textOf('.chapter__title')).resolves.toBe('第一讲：先听孩子说');
      await expect(shown('.chapter__done').count()).resolves.toBe(0);
      await settled('.chapter-audio');
      await page.screenshot({ path: path.join(artifactsDir, 'h5-learning-signed-in-on-chapter.png') });

      // Its listening is saved for it.
      await shown('.chapter-audio__toggle').click();
      await waitFor(async () => (await audioPosition()) >= 2, 'two seconds played');
      await shown('.chapter-audio__toggle--playing').click();
      const saved = await waitFor(async () => (await progress(secondToken)).audio, 'the second account’s place saved');
      expect(saved.positionSeconds).toBeGreaterThanOrEqual(2);
      expect(saved.completed).toBe(false);

      // The article the first account finished is not finished for this one.
      await shown('.chapter__next').click();
      await shown('.chapter-article__body').filter({ hasText: '每天问孩子三个问题' }).waitFor();
      await shown('.chapter-article__finish').waitFor();
      await expect(shown('.chapter-article__done').count()).resolves.toBe(0);
    });

    it('back from a chapter, the course page shows where the reader left off, even when that save lands after the page refreshed', async () => {
      const before = (await progress(secondToken)).audio.positionSeconds;
      await open(`packages/learning/course?id=${courseId.toHexString()}`);
      await expect(textOf('.chapter-row--audio .chapter-row__status')).resolves.toBe(`学到 0:0${before}`);
      await expect(shown('.chapter-row--article .chapter-row__status').count()).resolves.toBe(0);
      await shown('.chapter-row--audio').click();
      await expect(textOf('.chapter__resume')).resolves.toContain(`上次学到 0:0${before}`);

      // The network is slow for saves: they are held until the course page has its fresh data.
      const held: Array<{ fallback(): Promise<void> }> = [];
      let holding = true;
      await page.route('**/graphql', (route) => (holding && isSave(route.request()) ? void held.push(route) : route.fallback()));
      try {
        await shown('.chapter-audio__toggle').click();
        await waitFor(async () => (await audioPosition()) >= before + 2, 'two more seconds played');
        const refreshed = page.waitForResponse((response) => response.request().postDataJSON()?.operationName === 'CourseDetail');
        await page.goBack(); // leaves while playing: the chapter saves as it closes
        await refreshed;
        await shown('.course-detail').waitFor();
        await waitFor(() => held.length > 0, 'the save on leaving, held'); // answered before it got anywhere
        const left = await waitFor(async () => {
          const text = await textOf('.chapter-row--audio .chapter-row__status');
          const seconds = clockSeconds(text.replace('学到 ', ''));
          return text.startsWith('学到 ') && seconds >= before + 2 ? seconds : 0;
        }, 'the row showing the place left');
        await expect(textOf('.course-progress__resume')).resolves.toBe('继续学习');

        holding = false;
        await Promise.all(held.splice(0).map((route) => route.fallback()));
        await waitFor(async () => (await progress(secondToken)).audio.positionSeconds === left, 'the held save reaching the server');
        await expect(textOf('.chapter-row--audio .chapter-row__status')).resolves.toBe(`学到 0:0${left}`);
      } finally {
        holding = false;
        await Promise.all(held.splice(0).map((route) => route.fallback()));
        await page.unroute('**/graphql');
      }
    });

    it('signed out, the certificate page offers sign-in right there; the first account back sends what its phone kept', async () => {
      await open('pages/mine/index');
      await shown('.mine__sign-out').click();
      await shown('.dev-sign-in__input').waitFor();

      await open('packages/learning/certificate');
      await shown('.certificate-page .sign-in').waitFor();
      await shown('.certificate-page .dev-sign-in__input input').fill(OPEN_ID);
      await shown('.certificate-page .dev-sign-in__button').click();
      await expect(textOf('.certificate-item__title')).resolves.toBe('隔代教养：爷爷奶奶的新功课');
      expect(page.url()).toContain('packages/learning/certificate');

      // The catalogue sends what this account's earlier visits could not: the place kept on the phone.
      await open('packages/learning/index');
      await waitFor(async () => (await progress()).audio.positionSeconds === keptPlace, 'the kept place sent for the first account');
      expect((await progress()).audio.completed).toBe(true);
      // And never for the second one.
      expect((await progress(secondToken)).audio.completed).toBe(false);
      expect((await progress(secondToken)).course.completedChapters).toBe(0);
    });
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
