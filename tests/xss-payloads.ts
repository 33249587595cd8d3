/**
 * Known cross-site-scripting shapes, written for Dossier's tests. Each one, if it ever ran,
 * would set `window.__pwned` (or open an alert, which the tests also listen for), or reach
 * `evil.example` (which the tests record). They go into notes, titles, actors, labels, file
 * names and imported documents, and must come out as the characters typed.
 */
export const XSS_PAYLOADS: readonly string[] = [
  `<script>window.__pwned='script'</script>`,
  `"><script>window.__pwned='attribute-break'</script>`,
  `'><img src=x onerror="window.__pwned='img-onerror'">`,
  `<img src="x" onerror="alert('img-alert')">`,
  `<svg onload="window.__pwned='svg-onload'"></svg>`,
  `<svg><script>window.__pwned='svg-script'</script></svg>`,
  `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  `<iframe src="javascript:parent.__pwned='iframe-js'"></iframe>`,
  `<a href="javascript:window.__pwned='js-link'">a javascript: link</a>`,
  `javascript:window.__pwned='bare-js-url'`,
  `[markdown javascript: link](javascript:window.__pwned='md-link')`,
  `[markdown data: link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![markdown image](https://evil.example/pixel.png)`,
  `<div style="background:url('https://evil.example/bg.png');width:expression(window.__pwned='css-expression')">styled</div>`,
  `<style>@import url('https://evil.example/x.css');</style>`,
  `<link rel="stylesheet" href="https://evil.example/y.css">`,
  `<template><img src=x onerror="window.__pwned='template'"></template>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='mxss-noscript'>"></noscript>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss-math'"></style></mglyph></table></mtext></math>`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=window.__pwned='mxss-form' src=x>">`,
  `<details open ontoggle="window.__pwned='ontoggle'">details</details>`,
  `<input autofocus onfocus="window.__pwned='autofocus'">`,
  `<object data="javascript:window.__pwned='object'"></object>`,
  `<embed src="data:text/html,<script>parent.__pwned='embed'</script>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta-refresh'">`,
  `<base href="https://evil.example/">`,
  `<body onload="window.__pwned='body-onload'">`,
  `<button formaction="javascript:window.__pwned='formaction'">button</button>`,
  `{{constructor.constructor('window.__pwned="template-injection"')()}}`,
  `\${alert('template-literal')}`,
];

/** One line per payload, as a note or a document body holds them. */
export const XSS_TEXT = XSS_PAYLOADS.join('\n');

/** Short payloads for fields that are one line: titles, actors, labels, file names. */
export const XSS_SHORT = {
  title: `<img src=x onerror="window.__pwned='title'">Shelter audit<script>alert('title')</script>`,
  source: `<svg onload="window.__pwned='source'">Gazette`,
  author: `[Mallory](javascript:window.__pwned='author')`,
  url: `javascript:window.__pwned='url'`,
  actor: `<script>window.__pwned='actor'</script>Minister`,
  label: `<img src=x onerror=alert('label')>`,
  fileName: `<img src=x onerror=alert('file')>.txt`,
} as const;

/** Elements and attributes that must never appear in the app's page or in a report. */
export const ACTIVE_CONTENT =
  'script:not([src]), iframe, object, embed, frame, base, meta[http-equiv="refresh"], ' +
  'img[onerror], svg[onload], [onload], [onerror], [onfocus], [ontoggle], [formaction], ' +
  'a[href^="javascript:"], a[href^="data:"]';

/**
 * A text file whose title, source, author and URL lines hold payloads, then `sentence` (a
 * passage to tag), then every payload as a paragraph.
 */
export function xssTextFile(sentence: string): string {
  return [
    XSS_SHORT.title,
    `Source: ${XSS_SHORT.source}`,
    `Author: ${XSS_SHORT.author}`,
    `URL: ${XSS_SHORT.url}`,
    'Date: 2011-05-02',
    '',
    sentence,
    '',
    ...XSS_PAYLOADS.flatMap((p) => [p, '']),
  ].join('\n');
}
