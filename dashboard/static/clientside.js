/* eventmap dashboard: clientside callbacks (served by the app at /_eventmap/static/clientside.js).
 *
 * Why clientside: the map must follow a timeline zoom at once, also with 100,000 events, so
 * the browser recounts events per place inside the window from small integer columns
 * (dashboard/clientdata.py) instead of a round trip to the server. Which events are in the
 * window is decided by window.js (loaded first; the static export uses the same file).
 */
(function () {
  "use strict";
  const W = window.eventmapWindow;  // dashboard/static/window.js
  const DAY_MS = W.DAY_MS, axisMs = W.axisMs;
  const MAX_LABELLED_PLACES = 400;  // as dashboard/figures/map.py

  function noUpdate() { return window.dash_clientside.no_update; }

  function isoMs(ms) { return new Date(ms).toISOString().replace("T", " ").replace("Z", ""); }

  function graphDiv(id) {
    const outer = document.getElementById(id);
    return outer ? outer.querySelector(".js-plotly-plot") : null;
  }

  /* Plotly hover labels read a little HTML: a category from an imported file is shown, not obeyed. */
  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function markerSize(n) { return Math.round(Math.min(44, 9 + 5 * Math.sqrt(Math.max(n, 1) - 1)) * 10) / 10; }

  /* relayoutData -> [start, end] of the time axis, null for "all time", undefined when the
   * event did not touch the time axis (a legend click, the first autosize). A year axis's
   * numbers become ms since 1970 (window.js fromAxis), like a date axis's values. */
  function parseWindow(rd) {
    if (!rd || rd.autosize) { return undefined; }
    if (rd["xaxis.autorange"]) { return null; }
    if (rd["xaxis.range[0]"] !== undefined && rd["xaxis.range[1]"] !== undefined) {
      return [W.fromAxis(rd["xaxis.range[0]"]), W.fromAxis(rd["xaxis.range[1]"])];
    }
    if (Array.isArray(rd["xaxis.range"])) { return rd["xaxis.range"].slice(0, 2).map(W.fromAxis); }
    return undefined;
  }

  /* Dash side: the time-window store (the table and downloads follow it); no update when the
   * window did not change. */
  function windowFromRelayout(rd, current) {
    const next = parseWindow(rd);
    if (next === undefined) { return noUpdate(); }
    if (JSON.stringify(next) === JSON.stringify(current === undefined ? null : current)) { return noUpdate(); }
    return next;
  }

  /* Count events per place inside the window; one marker per place, coloured by its most
   * frequent category, sized by sqrt(count). Keeps the layout (and so the user's view). */
  function mapFigure(cols, win, selectedPlace, fig, sizeBy) {
    if (!cols || !fig || !fig.data || !fig.data.length) { return null; }
    const places = cols.places, P = places.key.length, C = cols.categories.length;
    const perCat = new Int32Array(P * C), total = new Int32Array(P);
    const p = cols.p, c = cols.c, n = p.length;
    const inView = W.makeFilter(cols, {window: win, showAll: true});  // the server filtered the rest
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      if (pi < 0 || !inView(i)) { continue; }
      total[pi]++;
      perCat[pi * C + c[i]]++;
    }
    // merged events stand for several reports: "reported by N sources" (as figures.place_hover)
    const extra = new Map(), merged = cols.merged || [];
    for (let k = 0; k < merged.length; k++) {
      const i = merged[k][0], pi = p[i];
      if (pi >= 0 && inView(i)) { extra.set(pi, (extra.get(pi) || 0) + merged[k][1] - 1); }
    }
    // imported data that report deaths (ACLED, UCDP): their sum per place, and sizes by it
    const deaths = new Map(), fatal = cols.fatal || [];
    for (let k = 0; k < fatal.length; k++) {
      const i = fatal[k][0], pi = p[i];
      if (pi >= 0 && inView(i)) { deaths.set(pi, (deaths.get(pi) || 0) + fatal[k][1]); }
    }
    const byDeaths = sizeBy === "fatalities" && fatal.length > 0;
    // escaped once per columns: escapeHtml per place and category costs ~0.1 s at 2,000 places
    const catNames = cols.escapedCategories || (cols.escapedCategories = cols.categories.map(escapeHtml));
    const lat = [], lon = [], key = [], text = [], hover = [], size = [], color = [];
    let shown = 0;
    for (let pi = 0; pi < P; pi++) { if (total[pi]) { shown++; } }
    const labelled = shown <= MAX_LABELLED_PLACES;
    for (let pi = 0; pi < P; pi++) {
      const count = total[pi];
      if (!count) { continue; }
      let best = 0, parts = [];
      for (let k = 0; k < C; k++) {
        const m = perCat[pi * C + k];
        if (m > perCat[pi * C + best]) { best = k; }
        if (m) { parts.push(catNames[k] + " " + m); }
      }
      lat.push(places.lat[pi]); lon.push(places.lon[pi]); key.push(places.key[pi]);
      text.push(count > 1 && labelled ? String(count) : "");
      const more = extra.get(pi) || 0, dead = deaths.get(pi);
      hover.push("<b>" + places.name[pi] + "</b> · " + count + (count === 1 ? " event" : " events") +
                 (more ? " · reported by " + (count + more) + " sources" : "") +
                 (dead !== undefined ? " · " + dead.toLocaleString("en") + " fatalities" : "") +
                 "<br>" + parts.join(", "));
      size.push(markerSize(byDeaths ? Math.max(1, dead || 0) : count)); color.push(cols.colors[best]);
    }
    const base = fig.data[0];
    const placeTrace = Object.assign({}, base, {
      lat: lat, lon: lon, customdata: key, text: text, hovertext: hover, selectedpoints: null,
      mode: labelled ? "markers+text" : "markers",  // thousands of empty labels cost a redraw
      meta: Object.assign({}, base.meta, {drawnBy: "eventmap"}),
      marker: Object.assign({}, base.marker, {size: size, color: color}),
    });
    const ring = Object.assign({}, fig.data[1] || {type: "scattergeo", mode: "markers", hoverinfo: "skip",
      showlegend: false, meta: {role: "map-highlight"},
      marker: {size: 30, symbol: "circle-open", color: "#111111", line: {width: 3}}});
    const at = selectedPlace ? places.key.indexOf(selectedPlace) : -1;
    ring.lat = at >= 0 ? [places.lat[at]] : [];
    ring.lon = at >= 0 ? [places.lon[at]] : [];
    ring.customdata = at >= 0 ? [selectedPlace] : [];
    return {data: [placeTrace, ring], layout: fig.layout};
  }

  /* The columns named by a token: fetched once from the server, then kept in the page. */
  let cached = {token: null, cols: null, pending: null};
  function columnsFor(token) {
    if (!token) { return Promise.resolve(null); }
    if (cached.token === token && cached.cols) { return Promise.resolve(cached.cols); }
    if (cached.token === token && cached.pending) { return cached.pending; }
    cached = {token: token, cols: null, pending: null};
    cached.pending = fetch("/_eventmap/data/" + token + ".json", {cache: "no-store"})
      .then(function (r) { if (!r.ok) { throw new Error("columns " + r.status); } return r.json(); })
      .then(function (cols) { if (cached.token === token) { cached.cols = cols; } return cols; });
    return cached.pending;
  }

  /* Redraw the map for the current filters (token), time window and selected place, straight
   * through Plotly (not via a Dash prop: the user's view and Dash's state stay untouched). */
  let drawCount = 0;
  function whenGraph(id, timeoutMs) {
    return new Promise(function (resolve) {
      const until = Date.now() + timeoutMs;
      (function poll() {
        const gd = graphDiv(id);
        if (gd && gd.data && gd._fullLayout) { resolve(gd); return; }
        if (Date.now() > until) { resolve(null); return; }
        setTimeout(poll, 30);
      })();
    });
  }

  /* What the map shows: the filters' columns (token), the timeline's window, the selected place.
   * The hot path (a timeline zoom) goes straight from Plotly's relayout event to the map,
   * without a Dash round trip, so the map follows at once. */
  const state = {token: null, window: null, selected: null, sizeBy: "events", busy: null, again: false};

  function redraw() {
    if (state.busy) { state.again = true; return state.busy; }
    const token = state.token;
    state.busy = Promise.all([columnsFor(token), whenGraph("map", 20000)]).then(function (got) {
      const cols = got[0], gd = got[1];
      if (!cols || !gd || cached.token !== token) { return null; }
      const fig = mapFigure(cols, state.window, state.selected, {data: gd.data, layout: gd.layout}, state.sizeBy);
      if (!fig) { return null; }
      return window.Plotly.react(gd, fig.data, gd.layout).then(function () { drawCount += 1; return drawCount; });
    }).catch(function (err) { console.warn("eventmap: map not redrawn:", err); return null; })
      .then(function (n) {
        state.busy = null;
        if (state.again) { state.again = false; return redraw(); }
        return n;
      });
    return state.busy;
  }

  /* dcc.Graph draws its own (empty) figure once, possibly after our first draw: redraw then. */
  function guardMap() {
    whenGraph("map", 20000).then(function (gd) {
      if (!gd || gd.__eventmapGuarded) { return; }
      gd.__eventmapGuarded = true;
      gd.on("plotly_afterplot", function () {
        const t = gd.data && gd.data[0];
        if (t && !(t.meta && t.meta.drawnBy === "eventmap") && state.token) { redraw(); }
      });
    });
  }

  function linkTimeline() {
    whenGraph("timeline", 20000).then(function (gd) {
      if (!gd || gd.__eventmapLinked) { return; }
      gd.__eventmapLinked = true;
      gd.on("plotly_relayout", function (rd) {
        const next = parseWindow(rd);
        if (next === undefined) { return; }
        state.window = next;
        redraw();
      });
    });
  }

  /* Dash side: new filters (token), a new selected place, or marker sizes by events or fatalities. */
  function drawMap(token, selectedPlace, sizeBy) {
    state.token = token;
    state.selected = selectedPlace || null;
    state.sizeBy = sizeBy || "events";
    linkTimeline();
    guardMap();
    return redraw().then(function (n) { return n === null || n === undefined ? noUpdate() : n; });
  }

  /* One playback step: move the timeline's window right by a fifth of its width (wrapping). */
  function playStep(n) {
    const cols = cached.cols, gd = graphDiv("timeline");
    if (!n || !cols || !gd || !gd._fullLayout || !gd._fullLayout.xaxis) { return noUpdate(); }
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < cols.t0.length; i++) {
      if (cols.t0[i] === null) { continue; }
      if (cols.t0[i] < lo) { lo = cols.t0[i]; }
      if (cols.t1[i] + 1 > hi) { hi = cols.t1[i] + 1; }
    }
    if (!isFinite(lo)) { return noUpdate(); }
    lo *= DAY_MS; hi *= DAY_MS;
    const years = gd._fullLayout.xaxis.type === "linear";  // a year axis (data beyond 1..9999)
    const r = gd._fullLayout.xaxis.range.map((v) => (years ? W.yearMs(v) : axisMs(v)));
    let width = r[1] - r[0], start;
    if (width >= 0.9 * (hi - lo)) {
      width = Math.max(DAY_MS, (hi - lo) / 8);
      start = lo;
    } else {
      start = r[0] + width / 5;
      if (start >= hi) { start = lo; }
    }
    const toAxis = years ? ((ms) => 1970 + ms / W.yearMs(1971)) : isoMs;
    window.Plotly.relayout(gd, {"xaxis.range": [toAxis(start), toAxis(start + width)]});
    return n;
  }

  /* Ring the selected event on the timeline (trace 0 by convention) where it is drawn. */
  function ringOnTimeline(eventId) {
    const gd = graphDiv("timeline");
    if (!gd || !gd.data || !gd.data.length) { return noUpdate(); }
    let x = [], y = [];
    if (eventId) {
      for (const t of gd.data) {
        if (!t.meta || t.meta.role !== "timeline-points" || !t.customdata) { continue; }
        const i = Array.prototype.indexOf.call(t.customdata, eventId);
        if (i >= 0) { x = [t.x[i]]; y = [t.y[i]]; break; }
      }
    }
    window.Plotly.restyle(gd, {x: [x], y: [y], customdata: [eventId && x.length ? [eventId] : []]}, [0]);
    return eventId || null;
  }

  function togglePlay(nClicks, disabled) {
    if (!nClicks) { return [true, "▶ Play"]; }
    const nowDisabled = !disabled;
    return [nowDisabled, nowDisabled ? "▶ Play" : "⏸ Pause"];
  }

  /* Reset: whole time range, no map selection, no filters, nothing selected, playback off. */
  function resetView(nClicks) {
    if (!nClicks) { return noUpdate(); }
    const tl = graphDiv("timeline"), map = graphDiv("map");
    if (tl) { window.Plotly.relayout(tl, {"xaxis.autorange": true}); }
    if (map) {
      window.Plotly.relayout(map, {selections: []});
      window.Plotly.restyle(map, {selectedpoints: [null]}, [0]);
    }
    return [[], [], "", null, null, true, "▶ Play", [], []];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    eventmap: {
      windowFromRelayout: windowFromRelayout, mapFigure: mapFigure, drawMap: drawMap, playStep: playStep,
      togglePlay: togglePlay, resetView: resetView, axisMs: axisMs, ringOnTimeline: ringOnTimeline,
      mapDraws: function () { return drawCount; },
    },
  });
})();
