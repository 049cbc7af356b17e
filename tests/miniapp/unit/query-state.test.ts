// The hook file also exports the hook, which uses Taro's page lifecycle; the pure reducer tested
// here never calls it, so Taro's runtime (browser-only, installed under miniapp/) is stubbed by path.
jest.mock('../../../miniapp/node_modules/@tarojs/taro', () => ({ useDidShow: () => undefined }));

import { ApiError } from '../../../miniapp/src/services/errors';
import { meansNotFound, queryReducer, type QueryState } from '../../../miniapp/src/hooks/useQueryState';

type List = string[];
const loading: QueryState<List> = { status: 'loading' };
const ready: QueryState<List> = { status: 'ready', data: ['第一讲'] };
const failed: QueryState<List> = { status: 'error', message: '网络不太好' };

describe('queryReducer', () => {
  it('shows the spinner when asking from scratch, and keeps what is shown when asking quietly', () => {
    expect(queryReducer(ready, { type: 'start', quietly: false })).toEqual({ status: 'loading' });
    expect(queryReducer(ready, { type: 'start', quietly: true })).toBe(ready);
    expect(queryReducer(failed, { type: 'start', quietly: true })).toBe(failed);
  });

  it('shows an answer, and reads a missing one as not found', () => {
    expect(queryReducer(loading, { type: 'answer', data: ['a', 'b'] })).toEqual({ status: 'ready', data: ['a', 'b'] });
    expect(queryReducer(ready, { type: 'answer', data: [] })).toEqual({ status: 'ready', data: [] });
    expect(queryReducer(loading, { type: 'answer', data: null })).toEqual({ status: 'notFound' });
    expect(queryReducer(ready, { type: 'answer', data: undefined })).toEqual({ status: 'notFound' });
    expect(queryReducer(failed, { type: 'answer', data: ['a'] })).toEqual({ status: 'ready', data: ['a'] });
  });

  it('keeps shown data when a quiet request fails, and shows the error otherwise', () => {
    const fail = { type: 'fail', notFound: false, message: '服务器开小差了' } as const;
    expect(queryReducer(ready, { ...fail, quietly: true })).toBe(ready);
    expect(queryReducer(ready, { ...fail, quietly: false })).toEqual({ status: 'error', message: '服务器开小差了' });
    expect(queryReducer(loading, { ...fail, quietly: false })).toEqual({ status: 'error', message: '服务器开小差了' });
    // Nothing shown to keep (still loading, or already failed): say what went wrong.
    expect(queryReducer(loading, { ...fail, quietly: true })).toEqual({ status: 'error', message: '服务器开小差了' });
    expect(queryReducer(failed, { ...fail, quietly: true })).toEqual({ status: 'error', message: '服务器开小差了' });
  });

  it('says "not found" even on a quiet request, since what was shown is gone', () => {
    const gone = { type: 'fail', notFound: true, message: '没有找到' } as const;
    expect(queryReducer(ready, { ...gone, quietly: true })).toEqual({ status: 'notFound' });
    expect(queryReducer(loading, { ...gone, quietly: false })).toEqual({ status: 'notFound' });
  });
});

describe('meansNotFound', () => {
  it('is true for NOT_FOUND and BAD_USER_INPUT errors only', () => {
    expect(meansNotFound(new ApiError('NOT_FOUND', 200))).toBe(true);
    expect(meansNotFound(new ApiError('BAD_USER_INPUT', 200))).toBe(true);
    expect(meansNotFound(new ApiError('FORBIDDEN', 200))).toBe(false);
    expect(meansNotFound(new Error('NOT_FOUND'))).toBe(false);
    expect(meansNotFound(undefined)).toBe(false);
  });
});
