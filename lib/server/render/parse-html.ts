import 'server-only';
import { Tokenizer } from 'htmlparser2';
import { voidElements } from './html-policy';

// A linear-time HTML event stream on top of htmlparser2's tokenizer. htmlparser2's own Parser
// keeps its open-element stack with Array.unshift and indexOf, which is quadratic in nesting
// depth (200k nested <div>s took ~30 s); a hostile message must not be able to stall the
// console. Here the stack is a plain array capped at maxDepth, so every event costs O(maxDepth).
// Events are balanced: every open() gets exactly one close(), voids included.

export type HtmlEvents = {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
};

const defaultMaxDepth = 256;

/** Tokenize `html` and report balanced open/close/text events to `events`. */
export function walkHtml(html: string, events: HtmlEvents, maxDepth = defaultMaxDepth): void {
  const stack: string[] = [];
  // Inside svg/math the tokenizer must not treat <style>/<title> as raw text, as in browsers.
  let foreignDepth = 0;
  let tagName = '';
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';
  // Open tags beyond maxDepth are not reported (their text still is); we count them so
  // their end tags are ignored instead of closing an ancestor.
  let overflow = 0;

  const openElement = (name: string, attrs: Record<string, string>) => {
    if (voidElements.has(name)) {
      events.open(name, attrs);
      events.close(name);
      return;
    }
    if (stack.length >= maxDepth) {
      overflow++;
      return;
    }
    stack.push(name);
    if (name === 'svg' || name === 'math') foreignDepth++;
    events.open(name, attrs);
  };

  const popTo = (index: number) => {
    while (stack.length > index) {
      const name = stack.pop()!;
      if (name === 'svg' || name === 'math') foreignDepth--;
      events.close(name);
    }
  };

  const closeElement = (name: string) => {
    if (name === 'br') {
      openElement('br', {}); // browsers treat </br> as <br>
      return;
    }
    if (voidElements.has(name)) return;
    const index = stack.lastIndexOf(name);
    if (index === -1) {
      if (overflow > 0) overflow--;
      return;
    }
    popTo(index);
  };

  const finishOpenTag = () => {
    if (tagName) openElement(tagName, attributes);
    tagName = '';
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        tagName = name === 'image' && foreignDepth === 0 ? 'img' : name;
        attributes = {};
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += html.slice(start, end);
      },
      onattribentity(codePoint) {
        attributeValue += String.fromCodePoint(codePoint);
      },
      onattribend() {
        // First occurrence wins, as in browsers.
        if (!Object.hasOwn(attributes, attributeName)) attributes[attributeName] = attributeValue;
        attributeValue = '';
      },
      onopentagend() {
        finishOpenTag();
      },
      onselfclosingtag() {
        const name = tagName;
        finishOpenTag();
        // "/>" only self-closes in foreign content; in HTML it is ignored.
        if (foreignDepth > 0 && stack[stack.length - 1] === name) popTo(stack.length - 1);
      },
      onclosetag(start, end) {
        closeElement(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        events.text(html.slice(start, end));
      },
      ontextentity(codePoint) {
        events.text(String.fromCodePoint(codePoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        popTo(0);
      },
      isInForeignContext: () => foreignDepth > 0,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}
