/**
 * The floor of the lecture-list throughput bench (scripts/bench/throughput.ts): a plain node:http
 * handler that runs the database reads the GraphQL server runs for the home list, with the official
 * `mongodb` driver, and answers the same JSON. No Express, GraphQL, mongoose or DataLoader: what is
 * left is the database work and the JSON, the least any server could do for this screen.
 *
 *   FLOOR_MONGODB_URI=mongodb://… node --import tsx scripts/bench/floor-server.ts
 *
 * It answers POST /lectures with a GraphQL-style body (`variables.first`, `variables.filter.from`;
 * the query text is ignored: it always answers the bench's one query) and prints
 * `{"msg":"floor listening","port":…}` once it listens (port 0 unless FLOOR_PORT is set).
 *
 * Deliberately not shared with the server's code: importing its modules would load mongoose and
 * type-graphql into the floor. The few rules copied below (which statuses are listed, which
 * bookings are active, the cursor format) are checked by the bench, which refuses to measure
 * unless this answer deep-equals the GraphQL one.
 */
import http from 'node:http';
import { MongoClient, ObjectId, type Document } from 'mongodb';

/** Lectures the list hides (lecture-status.ts: UNPUBLISHED_STATUSES and CANCELLED). */
const HIDDEN_LECTURE_STATUSES = ['DRAFT', 'PROPOSED', 'REJECTED', 'CANCELLED'];
/** Bookings that hold a household's place (booking-status.ts: ACTIVE_STATUSES). */
const ACTIVE_BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'CHECKED_IN'];
const DEFAULT_PAGE_SIZE = 20;

const uri = process.env.FLOOR_MONGODB_URI;
if (!uri) throw new Error('FLOOR_MONGODB_URI is not set');
const client = new MongoClient(uri);
const db = client.db();
const lectures = db.collection('lectures');

/** pagination.ts: the (startsAt, _id) position as base64url JSON. */
function encodeCursor(startsAt: Date, id: ObjectId): string {
  return Buffer.from(JSON.stringify([startsAt.getTime(), id.toHexString()])).toString('base64url');
}

/**
 * The user id a bearer token names. The signature is NOT verified (one HMAC, a few microseconds):
 * the floor trusts its only client, the bench. The account is still read, as the server does.
 */
function userIdOf(authorization: string | undefined): ObjectId | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const sub: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
    return typeof sub === 'string' && ObjectId.isValid(sub) ? new ObjectId(sub) : null;
  } catch {
    return null;
  }
}

function byId<T extends Document>(docs: T[]): Map<string, T> {
  return new Map(docs.map((doc) => [String(doc._id), doc]));
}

/** Each id once, as DataLoader asks for them. */
function unique<T>(ids: T[]): T[] {
  return [...new Map(ids.map((id) => [String(id), id])).values()];
}

/**
 * The reads, as parallel as their dependencies allow: the account, the page and the count at
 * once; then venues, lecturers, seats taken and the viewer's bookings at once; then counties.
 * Projections fetch only what the answer shows.
 */
async function lecturePage(userId: ObjectId, first: number, from: Date | null): Promise<unknown> {
  const query: Document = { $and: [{ status: { $nin: HIDDEN_LECTURE_STATUSES } }, ...(from ? [{ endsAt: { $gt: from } }] : [])] };
  const [user, found, totalCount] = await Promise.all([
    db.collection('users').findOne({ _id: userId }, { projection: { _id: 1 } }),
    lectures
      .find(query, { projection: { title: 1, startsAt: 1, endsAt: 1, capacity: 1, venueId: 1, lecturerId: 1 } })
      .sort({ startsAt: 1, _id: 1 })
      .limit(first + 1)
      .toArray(),
    lectures.countDocuments(query),
  ]);
  if (!user) return { errors: [{ message: 'This account no longer exists; sign in again', extensions: { code: 'UNAUTHENTICATED' } }] };

  const page = found.slice(0, first);
  const lectureIds = page.map((lecture) => lecture._id);
  const [venues, lecturers, seatsTaken, bookings] = await Promise.all([
    db
      .collection('venues')
      .find({ _id: { $in: unique(page.map((lecture) => lecture.venueId)) } }, { projection: { name: 1, type: 1, countyCode: 1 } })
      .toArray(),
    db
      .collection('lecturers')
      .find({ _id: { $in: unique(page.map((lecture) => lecture.lecturerId)) } }, { projection: { name: 1, title: 1 } })
      .toArray(),
    db
      .collection('seat_claims')
      .aggregate<{ _id: ObjectId; taken: number }>([
        { $match: { lectureId: { $in: lectureIds } } },
        { $group: { _id: '$lectureId', taken: { $sum: 1 } } },
      ])
      .toArray(),
    db
      .collection('bookings')
      .find(
        { userId, lectureId: { $in: lectureIds }, status: { $in: ACTIVE_BOOKING_STATUSES }, cancelledAt: null },
        { projection: { lectureId: 1, status: 1, partySize: 1 } },
      )
      .toArray(),
  ]);
  const counties = await db
    .collection('counties')
    .find({ _id: { $in: unique(venues.map((venue) => venue.countyCode)) } as Document }, { projection: { name: 1 } })
    .toArray();

  const venueById = byId(venues);
  const lecturerById = byId(lecturers);
  const countyById = byId(counties);
  const takenByLecture = new Map(seatsTaken.map((row) => [String(row._id), row.taken]));
  const bookingByLecture = new Map(bookings.map((booking) => [String(booking.lectureId), booking]));
  // Keys in the order of the query's selection, as GraphQL answers them.
  const edges = page.map((lecture) => {
    const venue = venueById.get(String(lecture.venueId))!;
    const county = countyById.get(venue.countyCode)!;
    const lecturer = lecturerById.get(String(lecture.lecturerId))!;
    const booking = bookingByLecture.get(String(lecture._id));
    return {
      node: {
        id: lecture._id.toHexString(),
        title: lecture.title,
        startsAt: lecture.startsAt.toISOString(),
        endsAt: lecture.endsAt.toISOString(),
        seatsLeft: Math.max(0, lecture.capacity - (takenByLecture.get(String(lecture._id)) ?? 0)),
        venue: { id: String(venue._id), name: venue.name, type: venue.type, county: { code: county._id, name: county.name } },
        lecturer: { id: String(lecturer._id), name: lecturer.name, title: lecturer.title ?? null },
        myBooking: booking ? { id: String(booking._id), status: booking.status, partySize: booking.partySize } : null,
      },
    };
  });
  const last = page.at(-1);
  return {
    data: {
      lectures: {
        totalCount,
        pageInfo: { endCursor: last ? encodeCursor(last.startsAt, last._id) : null, hasNextPage: found.length > first },
        edges,
      },
    },
  };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = http.createServer(async (request, response) => {
  try {
    if (request.method !== 'POST' || request.url !== '/lectures') return send(response, 404, { error: 'POST /lectures only' });
    const userId = userIdOf(request.headers.authorization);
    if (!userId) return send(response, 401, { error: 'a bearer token naming a user is required' });
    const { variables = {} } = JSON.parse(await readBody(request)) as { variables?: { first?: number; filter?: { from?: string } } };
    const from = variables.filter?.from ? new Date(variables.filter.from) : null;
    send(response, 200, await lecturePage(userId, variables.first ?? DEFAULT_PAGE_SIZE, from));
  } catch (error) {
    send(response, 500, { error: (error as Error).message });
  }
});
// As the server's: clients keep their connections between requests.
server.keepAliveTimeout = 65_000;

async function main(): Promise<void> {
  await client.connect();
  server.listen(Number(process.env.FLOOR_PORT || 0), '127.0.0.1', () => {
    const { port } = server.address() as import('node:net').AddressInfo;
    process.stdout.write(`${JSON.stringify({ msg: 'floor listening', port })}\n`);
  });
  const stop = () => server.close(() => void client.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  console.error(`floor: ${error.message}`);
  process.exit(1);
});
