// declaredCharset: the <meta> encoding declaration sniffed from a page's first bytes.
import { describe, expect, it } from 'vitest';
import { declaredCharset } from '../../src/ingest/charset.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');

describe('declaredCharset', () => {
  it('reads <meta charset> in its quoted and unquoted forms', () => {
    expect(declaredCharset(bytes('<html><head><meta charset="iso-8859-1"><title>x</title>'))).toBe('windows-1252');
    expect(declaredCharset(bytes("<meta charset='Shift_JIS'>"))).toBe('shift_jis');
    expect(declaredCharset(bytes('<META CHARSET=koi8-r >'))).toBe('koi8-r');
  });

  it('reads the http-equiv content-type form, attributes in any order', () => {
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(bytes('<meta content="text/html;charset=\'gb2312\'" http-equiv=content-type>'))).toBe('gbk');
  });

  it('ignores content without http-equiv, comments, and unknown labels', () => {
    expect(declaredCharset(bytes('<meta name="x" content="text/html; charset=iso-8859-2">'))).toBeNull();
    expect(declaredCharset(bytes('<!-- <meta charset="iso-8859-2"> --><p>hi</p>'))).toBeNull();
    expect(declaredCharset(bytes('<meta charset="klingon"><meta charset="iso-8859-2">'))).toBe('iso-8859-2');
    expect(declaredCharset(bytes('<p>no declaration</p>'))).toBeNull();
  });

  it('treats a declared UTF-16 as UTF-8 and keeps UTF-8 as such', () => {
    expect(declaredCharset(bytes('<meta charset="utf-16">'))).toBe('utf-8');
    expect(declaredCharset(bytes('<meta charset="UTF8">'))).toBe('utf-8');
  });

  it('looks only at the first 2 KB', () => {
    const late = '<p>' + 'x'.repeat(3000) + '</p><meta charset="iso-8859-2">';
    expect(declaredCharset(bytes(late))).toBeNull();
    const early = '<title>' + 'y'.repeat(1500) + '</title><meta charset="iso-8859-2">';
    expect(declaredCharset(bytes(early))).toBe('iso-8859-2');
    expect(declaredCharset(bytes(late), 4096)).toBe('iso-8859-2');
  });

  it('finds the declaration among non-ASCII bytes it cannot decode yet', () => {
    const page = Uint8Array.from([...bytes('<head><title>'), 0xfc, 0xe9, ...bytes('</title><meta charset="latin2">')]);
    expect(declaredCharset(page)).toBe('iso-8859-2');
  });
});
