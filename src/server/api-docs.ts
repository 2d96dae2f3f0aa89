/**
 * The interactive API docs at /api/docs: a small self-hosted page (no CDN) that reads
 * /api/openapi.json and lets a reader try each operation. Its script is a separate file so the
 * page works under a CSP without inline script; responses are shown with textContent only.
 */

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lede API</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script src="/api/docs/docs.js" defer></script>
</head>
<body>
<header><h1>lede API</h1><p id="intro">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p>
<label>Bearer token (only for writes) <input id="token" type="password" autocomplete="off"></label></header>
<main id="operations"></main>
</body>
</html>
`;

export const DOCS_CSS = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1rem; color: #1d2329; }
h1 { margin: 0 0 .25rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
details { border: 1px solid #d6dbe0; border-radius: 6px; margin: .5rem 0; padding: .25rem .75rem; }
summary { cursor: pointer; padding: .25rem 0; }
.method { display: inline-block; min-width: 3.5rem; font-weight: 700; font-family: ui-monospace, monospace; }
.GET { color: #0b6e4f; } .POST { color: #9a4a00; }
code, pre, input, textarea { font-family: ui-monospace, monospace; font-size: 13px; }
form { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .35rem .75rem; margin: .5rem 0; }
input, textarea { padding: .3rem; border: 1px solid #aab; border-radius: 4px; }
textarea { grid-column: 1 / -1; min-height: 6rem; }
button { grid-column: 1 / -1; justify-self: start; padding: .35rem 1rem; }
pre { background: #f4f6f8; padding: .5rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-word; }
:focus-visible { outline: 3px solid #2459c4; outline-offset: 2px; }
`;

export const DOCS_JS = `'use strict';
(function () {
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function render(spec) {
    document.getElementById('intro').textContent = spec.info.description;
    var main = document.getElementById('operations');
    var byTag = {};
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: method.toUpperCase(), op: op });
      });
    });
    Object.keys(byTag).forEach(function (tag) {
      main.appendChild(el('h2', {}, [tag]));
      byTag[tag].forEach(function (entry) { main.appendChild(operation(entry)); });
    });
  }
  function operation(entry) {
    var id = (entry.method + entry.path).replace(/[^a-z0-9]+/gi, '-');
    var form = el('form', {});
    var inputs = [];
    (entry.op.parameters || []).forEach(function (param) {
      var inputId = id + '-' + param.name;
      var hint = [param.schema && param.schema.type, param.required ? 'required' : '', param.description || '']
        .filter(Boolean).join(' · ');
      var input = el('input', { id: inputId, name: param.name, placeholder: hint });
      if (param.schema && param.schema.default !== undefined) input.value = String(param.schema.default);
      inputs.push({ param: param, input: input });
      form.appendChild(el('label', { for: inputId }, [param.name + (param.in === 'path' ? ' (path)' : '')]));
      form.appendChild(input);
    });
    var body = null;
    if (entry.op.requestBody) {
      body = el('textarea', { 'aria-label': 'request body', placeholder: entry.op.requestBody.description });
      form.appendChild(body);
    }
    var output = el('pre', { 'aria-live': 'polite' });
    form.appendChild(el('button', { type: 'submit' }, ['Send']));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var path = entry.path;
      var query = new URLSearchParams();
      inputs.forEach(function (item) {
        var value = item.input.value;
        if (!value) return;
        if (item.param.in === 'path') path = path.replace('{' + item.param.name + '}', encodeURIComponent(value));
        else query.set(item.param.name, value);
      });
      var url = path + (query.toString() ? '?' + query : '');
      var headers = {};
      var token = document.getElementById('token').value;
      if (token) headers.authorization = 'Bearer ' + token;
      if (body) headers['content-type'] = 'text/plain';
      output.textContent = entry.method + ' ' + url + ' …';
      fetch(url, { method: entry.method, headers: headers, body: body ? body.value : undefined })
        .then(function (response) {
          return response.text().then(function (text) {
            var shown = text;
            try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
            if (shown.length > 20000) shown = shown.slice(0, 20000) + '\\n… (truncated)';
            output.textContent = entry.method + ' ' + url + ' → ' + response.status + '\\n\\n' + shown;
          });
        })
        .catch(function (error) { output.textContent = String(error); });
    });
    var summary = el('summary', {}, [el('span', { class: 'method ' + entry.method }, [entry.method]), ' ',
      el('code', {}, [entry.path]), ' ', entry.op.summary || '', entry.op.security ? ' (token)' : '']);
    return el('details', { id: id }, [summary, form, output]);
  }
  fetch('/api/openapi.json').then(function (r) { return r.json(); }).then(render).catch(function (error) {
    document.getElementById('intro').textContent = 'Could not load the OpenAPI document: ' + error;
  });
})();
`;
