import { isUtf8 } from 'buffer';

/** Bytes that are not UTF-8 text: where and why. */
export interface EncodingProblem {
  /** 0-based offset of the first offending byte. */
  readonly byte: number;
  readonly message: string;
}

const BYTE_ORDER_MARKS: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32 (big-endian)' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32 (little-endian)' },
  { bytes: [0xfe, 0xff], name: 'UTF-16 (big-endian)' },
  { bytes: [0xff, 0xfe], name: 'UTF-16 (little-endian)' },
];

/**
 * Decodes manifest bytes as UTF-8, the only encoding kubectl and Argo read. Invalid bytes are
 * refused (a decoder that replaces them with U+FFFD would lint a manifest that differs from the
 * file); a UTF-8 byte order mark is dropped, as YAML allows.
 */
export function decodeUtf8(bytes: Uint8Array): { readonly text: string } | { readonly problem: EncodingProblem } {
  for (const bom of BYTE_ORDER_MARKS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      return { problem: { byte: 0, message: `the file is ${bom.name} text (byte order mark at its start): kubectl and Argo read UTF-8 only. Convert it, e.g. iconv -f UTF-16 -t UTF-8` } };
    }
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) {
    const byte = firstInvalidByte(buffer);
    return { problem: { byte, message: `invalid UTF-8 (byte 0x${buffer[byte].toString(16).padStart(2, '0')} at offset ${byte}): kubectl and Argo read UTF-8 only, and a decoder that replaces the byte would lint a different manifest. Re-save the file as UTF-8` } };
  }
  const text = buffer.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      let low = 0x80;
      let high = 0xbf;
      if (k === 1 && b === 0xe0) low = 0xa0; // overlong
      if (k === 1 && b === 0xed) high = 0x9f; // surrogates
      if (k === 1 && b === 0xf0) low = 0x90; // overlong
      if (k === 1 && b === 0xf4) high = 0x8f; // above U+10FFFF
      if (c < low || c > high) return i;
    }
    i += length;
  }
  return bytes.length;
}
