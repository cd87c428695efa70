// A compact skeleton map for Unicode confusables (after UTS #39), limited to the characters that
// imitate Latin letters and digits in domains. Enough for lookalike detection; not the full table.

const PAIRS: string =
  // Cyrillic
  'аa вb сc еe һh іi јj кk мm нh оo рp ѕs тt уy хx ԁd ԛq ԝw ӏl ѵv ёe їi ъb ьb ' +
  'АA ВB СC ЕE НH ІI ЈJ КK МM ОO РP ЅS ТT УY ХX ' +
  // Greek
  'αa βb εe ηn ιi κk νv οo ρp τt υu χx ωw ΑA ΒB ΕE ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ΖZ ' +
  // Latin look-alikes and digits that read as letters
  'ɑa ɡg ɩi ɪi ʟl ℓl ıi ȷj ɒa ƅb ꞵb ỿy ꭰd ꮃw ᴠv ｏo ０o ' +
  // Full-width Latin
  'ａa ｂb ｃc ｄd ｅe ｆf ｇg ｈh ｉi ｊj ｋk ｌl ｍm ｎn ｐp ｑq ｒr ｓs ｔt ｕu ｖv ｗw ｘx ｙy ｚz';

const MAP: ReadonlyMap<string, string> = new Map(
  PAIRS.split(' ')
    .filter((p) => p.length >= 2)
    .map((p) => [p.slice(0, -1), p.slice(-1).toLowerCase()] as [string, string]),
);

// ASCII tricks: rn→m, vv→w, digits for letters. Applied after the Unicode map.
const ASCII_TRICKS: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/3/g, 'e'],
  [/5/g, 's'],
];

/** Maps confusable characters to their Latin skeleton, lower-cased, with diacritics removed. */
export function toSkeleton(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFKD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    out += MAP.get(ch) ?? ch;
  }
  out = out.toLowerCase().replace(/[il|]/g, 'l');
  for (const [re, to] of ASCII_TRICKS) out = out.replace(re, to);
  return out;
}

/** True when the character is one of the Unicode letters the map treats as a Latin imitation. */
export function isConfusableChar(ch: string): boolean {
  return MAP.has(ch);
}
