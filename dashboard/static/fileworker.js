/* eventmap: lets MapLibre start its web worker in a page opened from disk (file://).
 *
 * Inlined before plotly.js in every page eventmap writes (the static export, figure_html).
 * plotly.js hands MapLibre its worker as a blob: URL, and Chromium refuses a module worker from
 * a blob: URL in a file:// page (its origin is opaque), so the map never loads. Only in file://
 * pages, this turns the worker's script into a data: URL, which the browser does start. The
 * worker's code is plotly.js's own; nothing is fetched.
 */
(function () {
  "use strict";
  if (typeof location === "undefined" || location.protocol !== "file:" || !window.Blob) { return; }
  if (window.__eventmapFileWorker) { return; }
  window.__eventmapFileWorker = true;
  var NativeBlob = window.Blob, sources = new WeakMap(), makeUrl = URL.createObjectURL;
  function Blob(parts, opts) {
    var blob = new NativeBlob(parts, opts);
    if (opts && opts.type === "text/javascript" && Array.isArray(parts) &&
        parts.every(function (p) { return typeof p === "string"; })) {
      sources.set(blob, parts.join(""));
    }
    return blob;
  }
  Blob.prototype = NativeBlob.prototype;
  window.Blob = Blob;
  URL.createObjectURL = function (obj) {
    var text = obj && sources.get(obj);
    if (text !== undefined) { return "data:text/javascript;charset=utf-8," + encodeURIComponent(text); }
    return makeUrl.apply(URL, arguments);
  };
})();
