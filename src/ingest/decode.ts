// Bytes -> text, or a reason the bytes are not a text document.
import { createHash } from 'node:crypto';
import { declaredCharset } from './charset.js';

export type Decoded = { ok: true; text: string; warning: string | null } | { ok: false; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
/**
 * Windows-1252's 0x80-0x9F (curly quotes, dashes, euro sign...). Node 20's TextDecoder decodes the
 * "windows-1252" label as Latin-1 (0x92 comes out as the control U+0092, not ’), so these are mapped here.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Bytes in the encoding a TextDecoder label names (windows-1252 and its aliases done right); throws on an unknown label, or on invalid bytes when fatal. */
export function decodeAs(label: string, bytes: Uint8Array, fatal = false): string {
  const decoder = new TextDecoder(label, { fatal });
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Share of control bytes (other than tab/newline/CR/form feed) above which a file is binary. */
const BINARY_CONTROL_RATIO = 0.02;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_RATIO;
}

/**
 * Decodes a document's bytes. UTF-8 is expected; a UTF-16 byte-order mark is honoured; bytes that are
 * not valid UTF-8 are read in the charset an HTML page declares, else as Windows-1252 (what
 * mislabeled Western news pages almost always are) with a warning, so nothing is lost.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(utf16le.decode(bytes.subarray(2)), null);
  if (looksBinary(bytes)) return { ok: false, error: 'binary content, not a text document' };
  try {
    return finish(utf8.decode(bytes), null);
  } catch {
    // Not UTF-8: an HTML page usually says what it is (<meta charset>); believe it before guessing.
    const declared = declaredCharset(bytes);
    if (declared && declared !== 'utf-8') return finish(decodeAs(declared, bytes), null);
    return finish(decodeWindows1252(bytes), 'not valid UTF-8; decoded as Windows-1252');
  }
}

function finish(text: string, warning: string | null): Decoded {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: 'empty document (only white space)' };
  return { ok: true, text: body, warning };
}

/** Content-hash article id: the same content always gets the same id, whatever its file name. */
export function contentId(content: string): string {
  const normalised = content.replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}
