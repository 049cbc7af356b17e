import { ApiError } from '../../../miniapp/src/services/errors';
import { checkRejectionReason, decisionFailure, isReviewer, reviewVerdictLabel, withoutDecided } from '../../../miniapp/src/utils/reviewDecision';

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
    expect(withoutDecided([{ id: 'a' }, { id: 'b' }], new Set(['a']))).toEqual([{ id: 'b' }]);
  });
});
