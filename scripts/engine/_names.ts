import { SIGNALS } from '../../lib/engine/signals';
import { createLayout } from '../../lib/engine/rules/layout';
const l = createLayout(SIGNALS);
console.log(JSON.stringify({ key: l.key, num: l.numNames, str: l.strNames }));
