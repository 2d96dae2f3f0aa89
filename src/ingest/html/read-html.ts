import type { Reader } from '../reader.js';
import { extensionOf, isGzip, looksLikeHtml } from '../sniff.js';
import { readWhole } from '../text/index.js';

/** HTML pages: `.html`/`.htm`, or any file whose first bytes are markup. */
export const htmlReader: Reader = {
  name: 'html',
  accepts: (file) =>
    !isGzip(file.head) && (['html', 'htm', 'xhtml'].includes(extensionOf(file.path)) || looksLikeHtml(file.head)),
  read: (file, context) => readWhole(file, context, 'text/html'),
};
