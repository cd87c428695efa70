// message.content_score: what the shipped content model (lib/engine/content) makes of the
// subject and body words (its strongest head's log-odds), with the words that weighed most as evidence.
import { isEmptyContentModel, loadContentModel, scoreMessageContent, type ContentModel } from '../content/model';
import type { ContentModelJson } from '../content/stored';
import shipped from '../rulesets/content-model.json';
import type { Evidence, ParsedMessage } from '../types';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

// Built on first use: a process that imports the engine without scoring (most console pages)
// never pays for indexing the 43,000 tokens.
let shippedModel: ContentModel | undefined;
const shippedContentModel = () => (shippedModel ??= loadContentModel(shipped as ContentModelJson));

/** Sets message.content_score (log-odds, 0 with an empty model) with up to five evidence words. */
export function addContentSignals(set: SignalBuilder, message: ParsedMessage, model: ContentModel = shippedContentModel()): void {
  if (isEmptyContentModel(model)) return;
  const { score, top } = scoreMessageContent(model, message);
  const evidence = top.map((t): Evidence => {
    if (t.place === 'subject') return headerEvidence(message, 'subject', message.subject.slice(t.start, t.end));
    const body = t.place === 'text' ? message.text : message.htmlText;
    return { kind: 'body', part: t.place, start: t.start, end: t.end, text: body.slice(t.start, t.end) };
  });
  setSignal(set, 'message.content_score', score, evidence);
}
