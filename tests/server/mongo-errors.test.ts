import { isDuplicateKeyError, isEngineBusyError } from '../../server/src/modules/shared/mongo-errors';

describe('engine errors', () => {
  it('tells a busy SQLite file (retry the write) from a unique index refusing it (a lost race)', () => {
    // As FerretDB answered a seat claim during a two-process booking storm.
    const busy = Object.assign(new Error('[msg_insert.go:168 handler.(*Handler).MsgInsert] [collection.go:135 sqlite.(*collection).InsertAll.func1] database is locked (5) (SQLITE_BUSY)'), { code: 1, codeName: 'InternalError' });
    const duplicate = Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });
    expect([isEngineBusyError(busy), isDuplicateKeyError(busy)]).toEqual([true, false]);
    expect([isEngineBusyError(duplicate), isDuplicateKeyError(duplicate)]).toEqual([false, true]);
    expect(isEngineBusyError(null)).toBe(false);
  });
});
