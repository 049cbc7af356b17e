// Items decided on this phone during this launch. The queue leaves them out at once when the
// reviewer comes back, even before (or if) the reload answers: a decided item never flickers back.
export const decidedHere = new Set<string>()
