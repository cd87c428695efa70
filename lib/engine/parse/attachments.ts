// Attachments: type sniffing from magic bytes and the risk flags signals read.
import { Buffer } from 'node:buffer';
// One-shot hash(), not createHash: see index.ts.
import { hash } from 'node:crypto';
import type { Attachment as MimeAttachment } from 'postal-mime';
import type { Attachment } from '../types';

const EXECUTABLE_EXT = new Set([
  'exe', 'scr', 'com', 'pif', 'cpl', 'msi', 'msp', 'dll', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe',
  'js', 'jse', 'wsf', 'wsh', 'hta', 'jar', 'lnk', 'reg', 'msc', 'sh', 'app', 'appx', 'msix',
  'appref-ms', 'gadget', 'inf', 'scf', 'sct', 'xll', 'apk', 'dmg', 'run',
]);
const HTML_EXT = new Set(['html', 'htm', 'shtml', 'xhtml', 'mht', 'mhtml', 'svg']);
const ARCHIVE_EXT = new Set([
  'zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'cab', 'iso', 'img', 'vhd', 'vhdx', 'arj',
  'lzh', 'ace', 'z', 'uue', 'r00', 'zipx',
]);
// Container or exploit-prone formats that are not executables themselves.
const OTHER_RISKY_EXT = new Set(['iso', 'img', 'vhd', 'vhdx', 'one', 'chm', 'url', 'iqy', 'slk', 'settingcontent-ms', 'ace', 'arj', 'uue']);
const MACRO_EXT = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppsm', 'ppam', 'sldm']);
const OLE_OFFICE_EXT = new Set(['doc', 'dot', 'xls', 'xlt', 'xla', 'ppt', 'pps', 'pot']);
const OOXML_EXT = new Set(['docx', 'xlsx', 'pptx', 'dotx', 'xltx', 'potx', 'ppsx', 'odt', 'ods', 'odp', 'epub', ...MACRO_EXT]);
const DECOY_EXT = /\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|txt|rtf|csv|zip|rar|html?|mp3|mp4|wav)[\s_.]*\.([a-z0-9]{1,5})$/i;
const SNIFFED_ARCHIVE = new Set(['zip', 'rar', '7z', 'gzip', 'iso']);

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

function containsAscii(bytes: Uint8Array, needle: string, limit: number): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
  return text.includes(needle);
}

/** The file type from magic bytes: pe, elf, macho, zip, ole, pdf, rar, 7z, gzip, iso, html, png, jpeg, gif, or ''. */
export function sniffType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x4d, 0x5a])) return 'pe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf])) return 'macho';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x43, 0x44, 0x30, 0x30, 0x31], 0x8001)) return 'iso';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').trimStart().toLowerCase();
  if (/^(?:\ufeff)?(?:<!doctype html|<html|<head|<body|<script|<meta|<iframe|<form|<svg)/.test(head)) return 'html';
  return '';
}

function toBytes(content: MimeAttachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Describes one postal-mime attachment with hashes, sniffed type and risk flags. */
export function describeAttachment(part: MimeAttachment, index: number): Attachment {
  const bytes = toBytes(part.content);
  const filename = (part.filename ?? '').trim();
  const lower = filename.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const extension = dot >= 0 ? lower.slice(dot + 1).replace(/\s+$/, '') : '';
  const sniffedType = sniffType(bytes);
  const declaredType = (part.mimeType ?? '').toLowerCase();
  const executable = EXECUTABLE_EXT.has(extension) || sniffedType === 'pe' || sniffedType === 'elf' || sniffedType === 'macho';
  const html = HTML_EXT.has(extension) || declaredType === 'text/html' || sniffedType === 'html';
  const archive = ARCHIVE_EXT.has(extension) || (SNIFFED_ARCHIVE.has(sniffedType) && !OOXML_EXT.has(extension) && extension !== 'jar');
  // Macro-capable: a macro extension, an OLE Office file, or an OOXML zip carrying a VBA project.
  const macroCapable =
    MACRO_EXT.has(extension) ||
    (OLE_OFFICE_EXT.has(extension) && sniffedType === 'ole') ||
    (sniffedType === 'zip' && OOXML_EXT.has(extension) && containsAscii(bytes, 'vbaProject.bin', 4 * 1024 * 1024));
  const decoy = DECOY_EXT.exec(lower);
  const doubleExtension = decoy !== null && (EXECUTABLE_EXT.has(decoy[1]) || HTML_EXT.has(decoy[1]) || OTHER_RISKY_EXT.has(decoy[1]));
  const risky = executable || html || macroCapable || doubleExtension || OTHER_RISKY_EXT.has(extension);
  return {
    index,
    filename,
    declaredType,
    sniffedType,
    size: bytes.length,
    sha256: hash('sha256', bytes, 'hex'),
    extension,
    risky,
    doubleExtension,
    macroCapable,
    archive,
    html,
    executable,
  };
}
