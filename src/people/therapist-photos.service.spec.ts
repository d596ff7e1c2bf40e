import { photoTypeOf } from './therapist-photos.service';

describe('photoTypeOf', () => {
  it('reads PNG and JPEG from their first bytes, whatever the file claims to be', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(photoTypeOf(png)).toBe('image/png');
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0x43]))).toBe('image/jpeg');
  });

  it('refuses anything else, and a file cut short', () => {
    expect(photoTypeOf(Buffer.from('GIF89a', 'latin1'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(photoTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(photoTypeOf(Buffer.alloc(0))).toBeNull();
  });
});
