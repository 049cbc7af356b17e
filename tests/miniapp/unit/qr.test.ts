import qrcode from 'qrcode-generator';
import { matrixOfBoxes, qrBoxes, qrMatrix } from '../../../miniapp/src/utils/qr';

// A ticket code has the shape of the server's: a JWS of about 200 characters.
const TICKET = `eyJhbGciOiJIUzI1NiIsInR5cCI6InRpY2tldCJ9.${'eyJsZWMiOiI2NTY0YjYyZjFhMmIzYzRkNWU2ZjcwODEiLCJzdWIiOiI2NTY0YjYyZjFhMmIzYzRkNWU2ZjcwODIifQ'}.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG`;

describe('the QR code drawn as boxes', () => {
  it('is the code of the text, module for module', () => {
    const matrix = qrMatrix(TICKET);
    const reference = qrcode(0, 'M');
    reference.addData(TICKET, 'Byte');
    reference.make();
    expect(matrix.length).toBe(reference.getModuleCount());
    matrix.forEach((row, r) => row.forEach((dark, c) => expect(dark).toBe(reference.isDark(r, c))));
  });

  it('draws every dark module once and nothing else', () => {
    const matrix = qrMatrix(TICKET);
    const boxes = qrBoxes(matrix);
    expect(matrixOfBoxes(boxes, matrix.length)).toEqual(matrix);
    const covered = boxes.reduce((sum, box) => sum + box.w * box.h, 0);
    expect(covered).toBe(matrix.flat().filter(Boolean).length); // no overlaps
  });

  it('needs far fewer boxes than dark modules (fewer nodes for the mini program)', () => {
    const matrix = qrMatrix(TICKET);
    const dark = matrix.flat().filter(Boolean).length;
    expect(qrBoxes(matrix).length).toBeLessThan(dark / 2);
  });

  it('merges identical runs straight down: a finder pattern’s outer columns are one box each', () => {
    const matrix = [
      [true, true, true],
      [true, false, true],
      [true, false, true],
      [true, true, true],
    ];
    expect(qrBoxes(matrix)).toEqual([
      { x: 0, y: 0, w: 3, h: 1 },
      { x: 0, y: 1, w: 1, h: 2 },
      { x: 2, y: 1, w: 1, h: 2 },
      { x: 0, y: 3, w: 3, h: 1 },
    ]);
  });
});
