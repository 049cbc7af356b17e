import { ApiError } from '../../../miniapp/src/services/errors';
import { checkRejectionReason, decisionFailure, decisionKey, isReviewer, pendingRevision, reviewVerdictLabel, withoutDecided } from '../../../miniapp/src/utils/reviewDecision';
import { navigateBackOr, type PageStack } from '../../../miniapp/src/utils/route';

describe('review decisions', () => {
  it('needs a reason of 1 to 200 characters to send something back', () => {
    expect(checkRejectionReason('  第二章视频打不开  ')).toEqual({ reason: '第二章视频打不开' });
    expect(checkRejectionReason('   ')).toEqual({ problem: '请写下退回的原因，讲师会看到它并据此修改' });
    expect(checkRejectionReason('字'.repeat(201))).toEqual({ problem: '原因最多 200 个字' });
  });

  it('someone else deciding first is said kindly and the item leaves the queue', () => {
    const conflict = decisionFailure(new ApiError('CONFLICT', 200, [{ message: 'already reviewed', extensions: { code: 'CONFLICT' } }]));
    expect(conflict.settled).toBe(true);
    expect(conflict.message).toContain('其他同事审核过了');
    const changed = decisionFailure(new ApiError('CONFLICT', 200, [{ message: 'changed since you opened it', extensions: { code: 'CONFLICT', revision: 3 } }]));
    expect(changed.message).toContain('讲师刚刚修改了这一项');
    expect(decisionFailure(new ApiError('FORBIDDEN')).settled).toBe(true);
    expect(decisionFailure(new ApiError('NETWORK_ERROR'))).toEqual({ message: '网络不太好，请稍后再试', settled: false });
    expect(decisionFailure(new Error('boom'))).toEqual({ message: '服务器开小差了，请稍后再试', settled: false });
  });

  it('labels verdicts, knows who reviews, and hides items decided here', () => {
    expect(reviewVerdictLabel('APPROVED')).toBe('通过');
    expect(reviewVerdictLabel('REJECTED')).toBe('退回');
    expect(['ORGANIZER', 'ADMIN', 'LECTURER', 'PARENT', undefined].map(isReviewer)).toEqual([true, true, false, false, false]);
  });

  it('hides the revision decided here, and shows the item again once the lecturer resubmits it', () => {
    const lectures = [
      { id: 'a', proposalRevision: 1 },
      { id: 'b', proposalRevision: 4 },
    ];
    const decided = new Set([decisionKey('a', 1)]);
    expect(withoutDecided(lectures, decided)).toEqual([{ id: 'b', proposalRevision: 4 }]);
    // Rejected here at revision 1, fixed and resubmitted: revision 2 is back in the queue.
    expect(withoutDecided([{ id: 'a', proposalRevision: 2 }], decided)).toEqual([{ id: 'a', proposalRevision: 2 }]);
  });

  it('a course waits with its working revision; a never-published one may carry only its own', () => {
    expect(pendingRevision({ id: 'c', revision: 1, workingRevision: { revision: 3 } })).toBe(3);
    expect(pendingRevision({ id: 'c', revision: 2, workingRevision: null })).toBe(2);
    expect(pendingRevision({ id: 'l', proposalRevision: 5 })).toBe(5);
    const decided = new Set([decisionKey('c', 3)]);
    expect(withoutDecided([{ id: 'c', revision: 1, workingRevision: { revision: 3 } }], decided)).toEqual([]);
    expect(withoutDecided([{ id: 'c', revision: 1, workingRevision: { revision: 4 } }], decided)).toHaveLength(1);
  });
});

describe('leaving a page', () => {
  function stack(depth: number) {
    const calls: string[] = [];
    const pages: PageStack = {
      getCurrentPages: () => Array.from({ length: depth }),
      navigateBack: async () => void calls.push('back'),
      redirectTo: async ({ url }) => void calls.push(`redirect ${url}`),
    };
    return { pages, calls };
  }

  it('goes back to the page that opened it, or, opened first (a shared link, a notice), to the list', () => {
    const opened = stack(2);
    navigateBackOr('/packages/organizer/index', opened.pages);
    expect(opened.calls).toEqual(['back']);
    const first = stack(1);
    navigateBackOr('/packages/organizer/index', first.pages);
    expect(first.calls).toEqual(['redirect /packages/organizer/index']);
  });
});
