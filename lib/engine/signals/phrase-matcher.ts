// Every match of the phrase regex `\b(?:body)\b` (flags i, no u) in a text, in order: exactly
// what a global exec loop over the text returns, with the regex tried only at the positions the
// prefilter (phrase-prefilter.ts) lets through instead of at every one.
import { nextCandidate, preparePrefilter, type PrefilterPlan } from './phrase-prefilter';

/** Lists the matches of `\b(?:body)\b` in a text as a `gi` exec loop does; without a plan, by that very loop. */
export function createPhraseMatcher(body: string, plan: PrefilterPlan | null): (text: string) => RegExpExecArray[] {
  const source = `\\b(?:${body})\\b`;
  const filter = plan && preparePrefilter(plan);
  if (!filter) {
    const scan = new RegExp(source, 'gi');
    return (text) => {
      const matches: RegExpExecArray[] = [];
      scan.lastIndex = 0;
      for (let m = scan.exec(text); m; m = scan.exec(text)) {
        // No phrase should match the empty string; if an edited one did, step past it rather than loop forever.
        if (m[0].length === 0) scan.lastIndex++;
        matches.push(m);
      }
      return matches;
    };
  }
  // Sticky: tried at one position, it finds what the global scan finds when it reaches that position.
  const sticky = new RegExp(source, 'iy');
  return (text) => {
    const matches: RegExpExecArray[] = [];
    let p = nextCandidate(filter, text, 0);
    while (p >= 0) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (!m) {
        p = nextCandidate(filter, text, p + 1);
        continue;
      }
      matches.push(m);
      // The global loop resumes where the match ended (one further on after an empty match,
      // which a plan never allows: planPrefilter refuses a body that matches the empty string).
      const end = p + m[0].length;
      p = nextCandidate(filter, text, end === p ? p + 1 : end);
    }
    return matches;
  };
}
