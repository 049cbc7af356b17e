import 'reflect-metadata';
import { loadConfig } from '../../server/src/config';
import { TicketError, TicketService } from '../../server/src/modules/booking/ticket';
import { BOOK, insertLecture, newKey, signIn } from '../helpers/booking';
import { startTestServer, type TestServer } from '../helpers/server';

const TICKET = `query($id: ID!) { booking(id: $id) { status ticket { code shortCode } } }`;

describe('tickets', () => {
  let server: TestServer;
  // The same key as the server under test: both derive it from the development AUTH_SECRET.
  const tickets = new TicketService(loadConfig({}).auth.secret);
  beforeAll(async () => {
    server = await startTestServer({ label: 'ticket', seed: false });
  });
  afterAll(() => server.close());

  async function bookOne(openId: string, lectureId: string) {
    const token = await signIn(server, openId);
    const booked = await server.graphql(BOOK, { input: { lectureId, partySize: 1, idempotencyKey: newKey() } }, token);
    const read = await server.graphql(TICKET, { id: booked.data.bookLecture.id }, token);
    return { id: booked.data.bookLecture.id as string, ...read.data.booking, token };
  }

  it('gives a confirmed booking a signed code naming it and its lecture, and a short code to read aloud', async () => {
    const lectureId = await insertLecture({ capacity: 1 });
    const booking = await bookOne('ticket-holder', lectureId);
    expect(booking.status).toBe('CONFIRMED');
    expect(booking.ticket.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await expect(tickets.verify(booking.ticket.code, lectureId)).resolves.toBe(booking.id);
    expect(tickets.shortCode(booking.id, lectureId)).toBe(booking.ticket.shortCode);

    const waiting = await bookOne('ticket-waiting', lectureId);
    expect(waiting).toMatchObject({ status: 'WAITLISTED', ticket: null });
  });

  it('cannot be used for another lecture, altered, or replaced by a session token', async () => {
    const lectureId = await insertLecture();
    const other = await insertLecture();
    const booking = await bookOne('ticket-forger', lectureId);
    await expect(tickets.verify(booking.ticket.code, other)).rejects.toThrow('another lecture');
    expect(tickets.shortCode(booking.id, other)).not.toBe(booking.ticket.shortCode);

    const [header, payload, signature] = booking.ticket.code.split('.');
    const moved = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), lec: other })).toString('base64url');
    await expect(tickets.verify(`${header}.${moved}.${signature}`, other)).rejects.toThrow(TicketError);
    await expect(tickets.verify(booking.token, lectureId)).rejects.toThrow('not a valid ticket');
  });
});
