/* eventmap review panel: keyboard shortcuts, the article's text selection, picking a place on the map.
 *
 * Served with the app's other scripts (dashboard/static/). Shortcuts: a accept, r reject,
 * e edit (to the form), n next unreviewed; not while typing in a field. A selection in the
 * article view goes to the review-selection store as character offsets into the article's
 * text (the text is one run of text nodes, so offsets count exactly as the server does).
 * "Pick on map" takes the next click on the map as the event's place: its longitude and
 * latitude come from the map's own projection (plotly geo) or MapLibre's unproject.
 */
(function () {
  "use strict";
  const KEYS = {a: "review-accept", r: "review-reject", e: "review-edit", n: "review-next"};
  let picking = false;

  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) { window.dash_clientside.set_props(id, props); }
  }

  function typing(el) {
    if (!el) { return false; }
    const tag = (el.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
    const id = KEYS[e.key];
    const button = id && document.getElementById(id);
    if (!button || button.disabled) { return; }
    e.preventDefault();
    button.click();
  });

  document.addEventListener("click", function (e) {
    const t = e.target && e.target.closest ? e.target.closest("#review-edit, #edit-pick") : null;
    if (!t) { return; }
    if (t.id === "review-edit") {
      const field = document.getElementById("edit-date");
      if (field) { field.focus(); field.select(); }
    } else {
      picking = !picking;
      t.classList.toggle("active", picking);
      t.textContent = picking ? "Click the map…" : "Pick on map";
    }
  });

  /* offset of (node, offset) from the start of root's text */
  function textOffset(root, node, offset) {
    const r = document.createRange();
    r.setStart(root, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  document.addEventListener("selectionchange", function () {
    const root = document.getElementById("review-article-text");
    const sel = window.getSelection();
    if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) { return; }
    const start = textOffset(root, range.startContainer, range.startOffset);
    const end = textOffset(root, range.endContainer, range.endOffset);
    if (end <= start) { return; }
    setProps("review-selection", {data: {document: root.getAttribute("data-document"), start: start, end: end}});
  });

  /* longitude and latitude under a click on the map (null when not over the globe) */
  function lonLat(gd, e) {
    const full = gd._fullLayout || {};
    if (full.map && full.map._subplot && full.map._subplot.map) {
      const m = full.map._subplot.map, box = m.getContainer().getBoundingClientRect();
      const ll = m.unproject([e.clientX - box.left, e.clientY - box.top]);
      return [ll.lng, ll.lat];
    }
    if (full.geo && full.geo._subplot && full.geo._subplot.projection) {
      const box = gd.getBoundingClientRect();
      const ll = full.geo._subplot.projection.invert([e.clientX - box.left, e.clientY - box.top]);
      return ll && isFinite(ll[0]) && isFinite(ll[1]) ? ll : null;
    }
    return null;
  }

  /* the map of the in-memory app, or of the store app */
  function mapOuter() { return document.getElementById("map") || document.getElementById("store-map"); }

  function onMapClick(e) {
    if (!picking) { return; }
    const outer = mapOuter(), gd = outer && outer.querySelector(".js-plotly-plot");
    if (!gd || !gd.contains(e.target)) { return; }
    const ll = lonLat(gd, e);
    e.stopPropagation();
    e.preventDefault();
    if (!ll) { return; }
    picking = false;
    const b = document.getElementById("edit-pick");
    if (b) { b.classList.remove("active"); b.textContent = "Pick on map"; }
    setProps("review-map-point", {data: {lon: Math.round(ll[0] * 1e5) / 1e5, lat: Math.round(ll[1] * 1e5) / 1e5}});
  }
  // capture phase, before plotly: a pick is not also a click on the place under it
  ["mousedown", "click"].forEach(function (type) {
    document.addEventListener(type, function (e) { if (type === "click") { onMapClick(e); } else if (picking) {
      const outer = mapOuter();
      if (outer && outer.contains(e.target)) { e.stopPropagation(); }
    } }, true);
  });

  window.eventmapReview = {lonLat: lonLat, isPicking: function () { return picking; }};
})();
