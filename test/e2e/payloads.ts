/**
 * Hostile articles for the safety test. Every payload, if it ever ran, would set window.__pwned
 * or change document.title, which the browser test checks.
 */
export const PAYLOAD_TITLE = 'PWNED';

export const PAYLOAD_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour payload <script>window.__pwned='title'</script></title>
<script>window.__pwned = 'head'; document.title = 'PWNED';</script>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='refresh'">
</head>
<body onload="window.__pwned='body'">
<article>
<h1>Harbour council payload &lt;img src=x onerror="window.__pwned='h1'"&gt; review</h1>
<p>The harbour council said on Tuesday <img src="x" onerror="window.__pwned='img'; document.title='PWNED'"> that the
sea wall plan is safe and that the works will start in the spring, after a long consultation with residents.</p>
<p>Residents wrote &lt;script&gt;window.__pwned='escaped'; document.title='PWNED'&lt;/script&gt; in their letters,
and one linked <a href="javascript:window.__pwned='link';document.title='PWNED'">a javascript: link</a> that must stay inert.</p>
<p>An image map <svg onload="window.__pwned='svg'"><circle r="1"/></svg> and a frame
<iframe src="javascript:parent.__pwned='iframe'"></iframe> were in the page, with a form
<form action="javascript:window.__pwned='form'"><button>go</button></form>.</p>
<p>"We will not be hacked &lt;img src=x onerror=window.__pwned='quote'&gt;," the council's spokesperson said.</p>
<script>window.__pwned = 'body-script';</script>
</article>
</body></html>
`;

/**
 * A JSONL record whose title and text carry payloads. Given as a record with its title, it reaches the
 * UI whole whatever the text-dump cleaner would make of a page this full of markup.
 */
export const PAYLOAD_RECORD = `${JSON.stringify({
  id: 'payload-letters',
  title:
    "Payload letters <script>window.__pwned='text-title';document.title='PWNED'</script> reach the harbour council",
  text: [
    "Readers sent a letter that read <script>window.__pwned='text';document.title='PWNED'</script> in full.",
    "Another wrote <img src=x onerror=\"window.__pwned='text-img';document.title='PWNED'\"> and \"><svg/onload=window.__pwned='svg2'> with a link javascript:window.__pwned='js' to follow.",
    '"<b onmouseover=window.__pwned=\'hover\'>Trust us</b>," said the harbour master, <iframe srcdoc="<script>parent.__pwned=\'srcdoc\'</script>"></iframe>.',
  ].join('\n\n'),
})}\n`;

/** An entity whose name is itself a payload: it travels into links, headings and titles in the UI. */
export const PAYLOAD_ENTITY = `<img src=x onerror="window.__pwned='entity';document.title='PWNED'">`;
