// Revisions decided on this phone during this launch, as decisionKey(id, revision). The queue
// leaves them out at once when the reviewer comes back, even before (or if) the reload answers: a
// decided item never flickers back. By revision, not by id: the same item resubmitted after a
// rejection is a new revision to review, and shows again.
export const decidedHere = new Set<string>()
