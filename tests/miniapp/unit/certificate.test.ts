import {
  CERTIFICATE_HEIGHT,
  CERTIFICATE_WIDTH,
  certificateDate,
  certificateFileName,
  drawCertificate,
  fittingSize,
  isAlbumPermissionRefusal,
  isUserCancel,
  ISSUER,
  wrapText,
  type CanvasLike,
} from '../../../miniapp/src/packages/learning/utils/certificate';

/** A canvas that records what is written where; text is as wide as its characters × font size. */
function recordingCanvas() {
  const texts: Array<{ text: string; x: number; y: number; font: string; align: string }> = [];
  const ctx: CanvasLike = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: () => undefined,
    strokeRect: () => undefined,
    fillText(text, x, y) {
      texts.push({ text, x, y, font: this.font, align: this.textAlign });
    },
    measureText(text) {
      const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10);
      return { width: Array.from(text).length * size };
    },
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    closePath: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
  };
  return { ctx, texts };
}

const CERT = {
  number: 'NP-2026-7K3Q9X',
  recipientName: '王奶奶',
  courseTitle: '隔代教养：爷爷奶奶的新功课',
  lecturerName: '林老师',
  issuedAt: '2026-03-04T18:30:00.000Z', // 5 March in Nanping
};

describe('the certificate picture', () => {
  it('writes the recipient, course, lecturer, number, Beijing date and the issuer, all inside the paper', () => {
    const { ctx, texts } = recordingCanvas();
    drawCertificate(ctx, CERT);
    const all = texts.map((t) => t.text).join('\n');
    expect(all).toContain('结 业 证 书');
    expect(all).toContain('王奶奶');
    expect(texts.map((t) => t.text).join('')).toContain('已完成家庭教育课程《隔代教养：爷爷奶奶的新功课》的全部学习'); // wrapped over lines
    expect(all).toContain('主讲人：林老师');
    expect(all).toContain('证书编号：NP-2026-7K3Q9X');
    expect(all).toContain('颁发日期：2026年3月5日');
    expect(all).toContain(ISSUER);
    for (const t of texts) {
      expect(t.y).toBeGreaterThan(0);
      expect(t.y).toBeLessThan(CERTIFICATE_HEIGHT);
      const width = ctx.measureText(t.text).width * (Number(/(\d+)px/.exec(t.font)![1]) / Number(/(\d+)px/.exec(ctx.font)![1]));
      const left = t.align === 'center' ? t.x - width / 2 : t.align === 'right' ? t.x - width : t.x;
      expect(left).toBeGreaterThanOrEqual(72);
      expect(left + width).toBeLessThanOrEqual(CERTIFICATE_WIDTH - 72);
    }
  });

  it('never lets two texts overlap, even with a long number and name', () => {
    const { ctx, texts } = recordingCanvas();
    drawCertificate(ctx, { ...CERT, number: 'NP-2026-ABCDEFGHJK', recipientName: '欧阳家长欧阳家长欧阳家长', courseTitle: '家'.repeat(60) });
    expect(texts.map((t) => t.text).join('')).toContain('》的全部学习，特发此证，以资鼓励。'); // nothing cut off
    const sizeOf = (font: string) => Number(/(\d+)px/.exec(font)![1]);
    const boxes = texts.map((t) => {
      const width = Array.from(t.text).length * sizeOf(t.font);
      const left = t.align === 'center' ? t.x - width / 2 : t.align === 'right' ? t.x - width : t.x;
      return { text: t.text, left, right: left + width, top: t.y - sizeOf(t.font), bottom: t.y };
    });
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        if (overlap) throw new Error(`"${a.text}" overlaps "${b.text}"`);
      }
    }
  });

  it('shrinks a long name to fit, but not below a readable size', () => {
    const measureAt = (s: string, size: number) => Array.from(s).length * size;
    expect(fittingSize('王奶奶', 84, 48, 700, measureAt)).toBe(84);
    expect(fittingSize('一二三四五六七八九十一二', 84, 48, 700, measureAt)).toBeLessThanOrEqual(58);
    expect(fittingSize('x'.repeat(100), 84, 48, 700, measureAt)).toBe(48);
  });

  it('wraps Chinese text without starting a line with punctuation', () => {
    const measure = (s: string) => Array.from(s).length;
    expect(wrapText('一二三四五六', 4, measure)).toEqual(['一二三四', '五六']);
    expect(wrapText('一二三四，五六', 4, measure)).toEqual(['一二三四，', '五六']);
    expect(wrapText('', 4, measure)).toEqual([]);
  });

  it('dates in Beijing time whatever the phone’s zone, and names the file safely', () => {
    expect(certificateDate('2026-03-04T15:59:59Z')).toBe('2026年3月4日');
    expect(certificateDate('2026-03-04T16:00:00Z')).toBe('2026年3月5日');
    expect(certificateDate('nonsense')).toBe('');
    expect(certificateFileName('NP-2026-7K3Q9X')).toBe('结业证书-NP-2026-7K3Q9X.png');
    expect(certificateFileName('../x')).toBe('结业证书-x.png');
  });

  it('tells a refused photo-album permission from the reader closing the sheet', () => {
    expect(isAlbumPermissionRefusal('saveImageToPhotosAlbum:fail auth deny')).toBe(true);
    expect(isAlbumPermissionRefusal('saveImageToPhotosAlbum:fail:auth denied')).toBe(true);
    expect(isAlbumPermissionRefusal('saveImageToPhotosAlbum:fail authorize no response')).toBe(true);
    expect(isAlbumPermissionRefusal('saveImageToPhotosAlbum:fail cancel')).toBe(false);
    expect(isUserCancel('saveImageToPhotosAlbum:fail cancel')).toBe(true);
    expect(isAlbumPermissionRefusal('saveImageToPhotosAlbum:fail file not exists')).toBe(false);
  });
});
