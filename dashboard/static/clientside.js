/* eventmap dashboard: clientside callbacks (served by the app at /_eventmap/static/clientside.js).
 *
 * Why clientside: the map must follow a timeline zoom at once, also with 100,000 events, so
 * the browser recounts events per place inside the window from small integer columns
 * (dashboard/clientdata.py) instead of a round trip to the server. Which events are in the
 * window is decided by window.js (loaded first; the static export uses the same file).
 */
(function () {
  "use strict";
  /* Dash's polyfill (core-js 2, loaded before this file) replaces the browser's own
   * String.prototype.trim with a much slower one, only because today's Unicode no longer counts
   * U+180E as white space; Plotly trims every colour of every mark it styles (a quarter of a
   * timeline redraw). The browser's own trim, taken from a fresh frame, is put back. core-js
   * also makes its functions' source read "[native code]" through the page's
   * Function.prototype.toString, so the frame's own toString tells which trim the page has. */
  (function nativeTrim() {
    try {
      const frame = document.createElement("iframe");
      frame.style.display = "none";
      (document.head || document.documentElement).appendChild(frame);
      const own = frame.contentWindow.String.prototype.trim;
      const source = frame.contentWindow.Function.prototype.toString;
      frame.remove();
      if (/\[native code\]/.test(source.call(String.prototype.trim))) { return; }
      if (typeof own === "function" && own.call("  a ") === "a") {
        Object.defineProperty(String.prototype, "trim", {value: own, writable: true, configurable: true});
      }
    } catch (err) { /* keep the polyfill's */ }
  })();
  const W = window.eventmapWindow;  // dashboard/static/window.js
  const DAY_MS = W.DAY_MS, axisMs = W.axisMs;
  const M = window.eventmapMap;  // dashboard/static/mapdraw.js

  function noUpdate() { return window.dash_clientside.no_update; }

  function isoMs(ms) { return new Date(ms).toISOString().replace("T", " ").replace("Z", ""); }

  function graphDiv(id) {
    const outer = document.getElementById(id);
    return outer ? outer.querySelector(".js-plotly-plot") : null;
  }


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
   * window did not change. The store is set once the map has followed the zoom (linkTimeline
   * starts that redraw from the same relayout): the server's work for the new window (the
   * timeline's detail view, the summary) and the timeline's re-plot with its answer then do not
   * compete with the map's redraw for the machine. */
  function windowFromRelayout(rd, current) {
    const next = parseWindow(rd);
    if (next === undefined) { return noUpdate(); }
    if (JSON.stringify(next) === JSON.stringify(current === undefined ? null : current)) { return noUpdate(); }
    return Promise.resolve()  // after the relayout's other listeners: linkTimeline's redraw has started
      .then(function () { return state.busy; })
      .catch(function () { return null; })
      .then(function () { return next; });
  }

  /* The map's marks for the window and the selected place (dashboard/static/mapdraw.js), for the
   * map's current view (density cells when too many places are in it), sized by events or by
   * fatalities (imported data). */
  function mapFigure(cols, win, selectedPlace, gd, sizeBy) {
    if (!cols) { return null; }
    const keep = W.makeFilter(cols, {window: win, showAll: true});  // the server filtered the rest
    return M.traces(cols, keep, {selected: selectedPlace, bounds: M.viewBounds(gd), zoom: M.viewZoom(gd),
                                 sizeBy: sizeBy, slots: M.slotCount(gd)});
  }

  /* The columns as the server sends them (dashboard/clientdata.py wire_columns) made whole:
   * t1 from t0 and its differences, each place's precision and area level. */
  function expandColumns(cols) {
    if (cols.t1 === undefined && cols.t1_diff) {
      const t1 = cols.t0.slice();
      for (const d of cols.t1_diff) { t1[d[0]] = d[1]; }
      cols.t1 = t1;
      delete cols.t1_diff;
    }
    const pl = cols.places;
    if (pl && pl.precision === undefined && pl.precisions) {
      pl.precision = pl.precision_index.map(function (k) { return pl.precisions[k]; });
      delete pl.precision_index;
    }
    if (pl && pl.area === undefined && pl.area_sparse) {
      const area = new Array(pl.key.length).fill(0);
      for (const a of pl.area_sparse) { area[a[0]] = a[1]; }
      pl.area = area;
      delete pl.area_sparse;
    }
    return cols;
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
      .then(function (cols) { cols = expandColumns(cols); if (cached.token === token) { cached.cols = cols; } return cols; });
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

  /* The map graph once Plotly's MapLibre map has loaded its style and taken dcc.Graph's own
   * first figure: Plotly hands a figure to a map still loading only when its "load" comes, so an
   * earlier draw of ours was overwritten by that first figure (the marks in gd.data, not on the
   * map). Resolves with null after timeoutMs. */
  function whenMapReady(timeoutMs) {
    return whenGraph("map", timeoutMs).then(function (gd) {
      if (!gd) { return null; }
      const until = Date.now() + timeoutMs;
      return new Promise(function (resolve) {
        (function poll() {
          const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
          const map = sub && sub.map;
          // Plotly takes its figure in promise callbacks right after "load": a task later it has
          if (map && (sub.__eventmapLoaded || (sub.traceHash && Object.keys(sub.traceHash).length))) {
            resolve(gd);
            return;
          }
          if (map && !sub.__eventmapLoad) {
            sub.__eventmapLoad = true;
            if (map._loaded) { sub.__eventmapLoaded = true; }  // loaded before we looked (MapLibre's flag)
            map.once("load", function () { setTimeout(function () { sub.__eventmapLoaded = true; poll(); }, 0); });
          }
          if (Date.now() > until) { resolve(null); return; }
          setTimeout(poll, 30);
        })();
      });
    });
  }

  /* Plotly setting the new marks' layout and paint makes MapLibre draw a frame at once (about a
   * tenth of a second of software WebGL on this machine), of the old marks: its worker has not
   * cut the new ones into tiles yet. The map's repaints are held until every source Plotly gave
   * new data has its tiles (at most HOLD_MS), then it draws once, with the new marks. */
  const HOLD_MS = 400;
  function holdFrames(gd) {
    const sub = gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    const map = sub && sub.map;
    if (!map || !map._loaded || map.__eventmapHeld || typeof map.triggerRepaint !== "function") { return; }
    const own = Object.prototype.hasOwnProperty.call(map, "triggerRepaint") ? map.triggerRepaint : null;
    const pending = new Set();
    let done = false;
    map.__eventmapHeld = true;
    map.triggerRepaint = function () { return this; };
    const loaded = function (id) { try { return map.isSourceLoaded(id); } catch (err) { return true; } };
    const check = function () { if (!done && Array.from(pending).every(loaded)) { release(); } };
    const onLoading = function (e) { if (e && e.sourceId) { pending.add(e.sourceId); } };
    const onData = function (e) { if (e && pending.has(e.sourceId)) { setTimeout(check, 0); } };
    const timer = setTimeout(release, HOLD_MS);
    function release() {
      if (done) { return; }
      done = true;
      clearTimeout(timer);
      map.off("sourcedataloading", onLoading);
      map.off("sourcedata", onData);
      if (own) { map.triggerRepaint = own; } else { delete map.triggerRepaint; }
      map.__eventmapHeld = false;
      map.triggerRepaint();
    }
    map.on("sourcedataloading", onLoading);
    map.on("sourcedata", onData);
    setTimeout(check, 0);  // Plotly hands the data over in promise callbacks: after them
  }

  /* What the map shows: the filters' columns (token), the timeline's window, the selected place.
   * The hot path (a timeline zoom) goes straight from Plotly's relayout event to the map,
   * without a Dash round trip, so the map follows at once. */
  const state = {token: null, window: null, selected: null, sizeBy: "events", busy: null, again: false};
  let firstDrawDone = null;  // resolved once the map's first draw settled (drawn or not)
  const firstDraw = new Promise(function (resolve) { firstDrawDone = resolve; });

  function stateKey() { return JSON.stringify([state.token, state.window, state.selected, state.sizeBy]); }

  /* The map's marks in dcc.Graph's first plot of the map: MapLibre is made with them and draws
   * them with its first frames, instead of drawing the empty frame first and the marks after a
   * second Plotly.react once it has loaded (a round of plotting, tiling and frames). Only when
   * the filters' columns are in or on their way when the map is first plotted; the marks are the
   * ones redraw() would draw for the same state, for the view the frame is fitted to. */
  let firstMarks = null;  // the state the first plot's marks were drawn for
  let firstPlotDraws = 0;
  function mapFirstPlot(react, gd, fig) {
    const token = state.token;
    if (!token || cached.token !== token || !fig || !fig.layout || !fig.layout.map) { return null; }
    return columnsFor(token).then(function (cols) {
      let data = null;
      try {
        const view = {layout: fig.layout, _fullLayout: {map: {zoom: fig.layout.map.zoom || 0}}};
        data = cols && cached.token === state.token ? mapFigure(cols, state.window, state.selected, view, state.sizeBy) : null;
      } catch (err) { console.warn("eventmap: first map marks not drawn:", err); data = null; }
      if (!data) { return react(gd, fig); }
      firstMarks = stateKey();
      return react(gd, Object.assign({}, fig, {data: data}));
    }, function () { return react(gd, fig); });
  }

  /* dcc.Graph plots both graphs in one task, the map first; MapLibre takes its style only in
   * its next frame, so its worker (the base map's tiles, the marks cut into tiles) waited for the
   * timeline's first plot. The timeline's first plot comes a frame later when the map is being
   * made: it is drawn while the worker works. */
  function timelineFirstPlot(react, gd, fig) {
    const map = graphDiv("map");
    const sub = map && map._fullLayout && map._fullLayout.map && map._fullLayout.map._subplot;
    if (!map || !map.__eventmapPlotted || (sub && sub.map && sub.map._loaded)) { return null; }
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    }).then(function () { return react(gd, fig); });
  }

  function redraw() {
    if (state.busy) { state.again = true; return state.busy; }
    const token = state.token;
    state.busy = Promise.all([columnsFor(token), whenMapReady(20000)]).then(function (got) {
      const cols = got[0], gd = got[1];
      if (!cols || !gd || cached.token !== token) { return null; }
      const drawnFirst = firstMarks !== null && firstMarks === stateKey() &&
        (gd.data || []).some(function (t) { return t.meta && t.meta.drawnBy === "eventmap"; });
      firstMarks = null;
      if (drawnFirst) { firstPlotDraws += 1; drawCount += 1; return drawCount; }  // the first plot drew these very marks
      const data = mapFigure(cols, state.window, state.selected, gd, state.sizeBy);
      if (!data) { return null; }
      holdFrames(gd);
      return window.Plotly.react(gd, data, gd.layout).then(function () { drawCount += 1; return drawCount; });
    }).catch(function (err) { console.warn("eventmap: map not redrawn:", err); return null; })
      .then(function (n) {
        state.busy = null;
        firstDrawDone();
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
        const ours = (gd.data || []).some(function (t) { return t.meta && t.meta.drawnBy === "eventmap"; });
        if (!ours && state.token && !state.busy) { redraw(); }
      });
      // zooming the map may switch density cells and places: redraw when the places are many
      gd.on("plotly_relayout", function (rd) {
        const cols = cached.cols;
        if (!rd || !cols || cols.places.key.length <= M.MAX_POINTS) { return; }
        if (Object.keys(rd).some(function (k) { return k.indexOf("map.") === 0; })) { redraw(); }
      });
    });
  }

  /* dcc.Graph (Dash 4.4) copies every zoom back into its figure prop and so plots the whole
   * timeline again with the figure it already shows (a third of a second on 100,000 events),
   * while the map waits for the main thread. A Plotly.react of the timeline whose data are the
   * very traces drawn and whose layout and config equal the drawn ones changes nothing: it is
   * skipped. Any other call (a new figure from the server, new lanes) draws as before. */
  const SIZE_KEYS = {height: 1, width: 1, autosize: 1};
  function json(v) { return JSON.stringify(v === undefined ? null : v); }
  /* Plotly writes what it worked out into the drawn layout's axes (its type; range and
   * autorange of an autoranged axis): a figure without them draws the same axis. */
  const AXIS = /^[xy]axis\d*$/;
  function sameAxis(next, drawn) {
    if (!next || !drawn) { return json(next) === json(drawn); }
    for (const k of new Set(Object.keys(next).concat(Object.keys(drawn)))) {
      if (next[k] === undefined && (k === "type" || ((k === "range" || k === "autorange") && drawn.autorange === true))) {
        continue;
      }
      if (json(next[k]) !== json(drawn[k])) { return false; }
    }
    return true;
  }
  function sameAsDrawn(gd, fig) {
    if (!fig || typeof fig !== "object" || fig.frames || !Array.isArray(fig.data)) { return false; }
    const drawn = gd.data, was = gd.layout, full = gd._fullLayout, ctx = gd._context;
    if (!drawn || drawn.length !== fig.data.length || !was || !full || !ctx) { return false; }
    for (let i = 0; i < drawn.length; i++) { if (drawn[i] !== fig.data[i]) { return false; } }
    try {
      const layout = fig.layout || {};
      const keys = new Set(Object.keys(layout).concat(Object.keys(was)));
      for (const k of keys) {
        if (SIZE_KEYS[k]) { continue; }
        if (AXIS.test(k) ? !sameAxis(layout[k], was[k]) : json(layout[k]) !== json(was[k])) { return false; }
      }
      // the size: Dash sets or unsets height/width around autosize; the drawn size must be the same
      for (const k of ["height", "width"]) {
        if (layout[k] !== undefined && layout[k] !== full[k]) { return false; }
      }
      const config = fig.config || {};
      for (const k of Object.keys(config)) {
        if (ctx[k] !== undefined && json(config[k]) !== json(ctx[k])) { return false; }
      }
      return true;
    } catch (err) { return false; }
  }
  function wrapReact(P) {
    if (!P || P.__eventmapReact || typeof P.react !== "function") { return; }
    const react = P.react;
    const call = function (gd, fig) { return react.call(P, gd, fig); };
    P.react = function (gd, fig) {
      if (arguments.length === 2 && gd && gd.__eventmapTimeline && sameAsDrawn(gd, fig)) {
        skippedReacts += 1;
        return Promise.resolve(gd);
      }
      if (arguments.length === 2 && gd && !gd.__eventmapPlotted && gd.closest && gd.closest("#timeline")) {
        gd.__eventmapPlotted = true;
        const first = timelineFirstPlot(call, gd, fig);
        if (first) { return first; }
      }
      if (arguments.length === 2 && gd && !gd.__eventmapPlotted && gd.closest && gd.closest("#map")) {
        gd.__eventmapPlotted = true;
        const first = mapFirstPlot(call, gd, fig);
        if (first) { return first; }
      }
      return react.apply(this, arguments);
    };
    P.__eventmapReact = true;
  }
  function skipSameReacts() { wrapReact(window.Plotly); }
  /* plotly.js comes later (dcc.Graph loads it when the first graph is drawn): its React is
   * wrapped as soon as the bundle sets window.Plotly, before dcc.Graph's first plot. */
  (function wrapWhenLoaded() {
    if (window.Plotly) { wrapReact(window.Plotly); return; }
    try {
      let P;
      Object.defineProperty(window, "Plotly", {
        configurable: true,
        enumerable: true,
        get: function () { return P; },
        set: function (v) { P = v; wrapReact(v); },
      });
    } catch (err) { /* wrapped when the timeline is linked */ }
  })();
  let skippedReacts = 0;


  function linkTimeline() {
    whenGraph("timeline", 20000).then(function (gd) {
      if (!gd || gd.__eventmapLinked) { return; }
      gd.__eventmapLinked = true;
      gd.__eventmapTimeline = true;
      skipSameReacts();
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

  /* One playback step (play-interval ticks at the chosen speed): the timeline's window, `width`
   * wide (day, week, month), starts at the first event and moves half its width per step,
   * wrapping at the end; returns the tick, the progress bar's style and the progress text.
   *
   * Playback paces itself: a step runs when the browser is idle (requestIdleCallback, at the
   * latest after IDLE_WAIT_MS), and a tick that comes while the last step is still being drawn
   * (the timeline's relayout and the map's redraw) is skipped. A machine that draws a step
   * slower than the chosen interval plays slower instead of queueing steps: the page, the Pause
   * button included, stays responsive. */
  const PLAY_DAYS = {day: 1, week: 7, month: 30};
  const IDLE_WAIT_MS = 1000;
  let stepping = false;
  function playStep(n, width) {
    const none = [noUpdate(), noUpdate(), noUpdate()];
    if (!n || stepping) { return none; }
    stepping = true;
    return new Promise(function (resolve) {
      const run = function () {
        let out = none, drawn = null;
        try {
          const step = playStepNow(n, width);
          out = step[0];
          drawn = step[1];
        } catch (err) {
          console.warn("eventmap: playback step failed:", err);
        }
        resolve(out);
        Promise.resolve(drawn)
          .then(function () { return state.busy; })  // the map's redraw the step started
          .catch(function () { return null; })
          .then(function () { stepping = false; });
      };
      if (window.requestIdleCallback) { window.requestIdleCallback(run, {timeout: IDLE_WAIT_MS}); } else { setTimeout(run, 0); }
    });
  }

  /* The step itself: [the callback's outputs, the promise of the timeline's relayout]. */
  function playStepNow(n, width) {
    const none = [noUpdate(), noUpdate(), noUpdate()];
    const cols = cached.cols, gd = graphDiv("timeline");
    if (!cols || !gd || !gd._fullLayout || !gd._fullLayout.xaxis) { return [none, null]; }
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < cols.t0.length; i++) {
      if (cols.t0[i] === null) { continue; }
      if (cols.t0[i] < lo) { lo = cols.t0[i]; }
      if (cols.t1[i] + 1 > hi) { hi = cols.t1[i] + 1; }
    }
    if (!isFinite(lo)) { return [none, null]; }
    lo *= DAY_MS; hi *= DAY_MS;
    const years = gd._fullLayout.xaxis.type === "linear";  // a year axis (data beyond 1..9999)
    const span = years ? Math.max(DAY_MS, (hi - lo) / 8) : (PLAY_DAYS[width] || 7) * DAY_MS;
    const r = gd._fullLayout.xaxis.range.map((v) => (years ? W.yearMs(v) : axisMs(v)));
    let start = r[0] + span / 2;
    if (!playing.started || Math.abs((r[1] - r[0]) - span) > DAY_MS / 2 || start >= hi) {
      start = lo;  // the first step, a new window width, or the end: from the first event
    }
    playing.started = true;
    const toAxis = years ? ((ms) => 1970 + ms / W.yearMs(1971)) : isoMs;
    const drawn = window.Plotly.relayout(gd, {"xaxis.range": [toAxis(start), toAxis(start + span)]});
    const pct = hi > lo ? Math.min(100, Math.round(100 * (start + span - lo) / (hi - lo))) : 100;
    const text = W.dayLabel(Math.floor(start / DAY_MS)) + " – " + W.dayLabel(Math.floor((start + span) / DAY_MS) - 1) + " · " + pct + "%";
    return [[n, {width: pct + "%"}, text], drawn];
  }
  const playing = {started: false};

  function playSpeed(ms) { return ms || 900; }

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

  /* Long filter option lists (dashboard/app/layout.py defer_long_options): a dropdown indexes
   * every option for its search as soon as it is drawn, so they come after the map's first
   * draw; a dropdown that has options by then (new articles) keeps its own. */
  function deferredOptions(held) {
    const current = Array.prototype.slice.call(arguments, 1);
    const ids = ["filter-document", "filter-actor", "filter-sub-event"];  // layout.py DEFERRED_OPTIONS
    if (!held || !Object.keys(held).length) { return ids.map(noUpdate); }
    return firstDraw.then(function () {
      return ids.map(function (id, i) {
        return held[id] && !(current[i] && current[i].length) ? held[id] : noUpdate();
      });
    });
  }

  /* The events table asked for (its button): load the component scripts the page left out
   * (window.eventmapDeferredScripts, dashboard/app/factory.py defer_scripts), in order, once;
   * the grid is drawn when they are in (the store's data, the click count, says so). */
  let deferredLoad = null;
  function loadDeferredScripts() {
    if (deferredLoad) { return deferredLoad; }
    const urls = (window.eventmapDeferredScripts || []).slice();
    deferredLoad = urls.reduce(function (ready, url) {
      return ready.then(function () {
        return new Promise(function (resolve, reject) {
          const s = document.createElement("script");
          s.src = url;
          s.onload = function () { resolve(); };
          s.onerror = function () { deferredLoad = null; reject(new Error("could not load " + url)); };
          document.head.appendChild(s);
        });
      });
    }, Promise.resolve());
    return deferredLoad;
  }
  function loadTableScripts(nClicks) {
    if (!nClicks) { return noUpdate(); }
    return loadDeferredScripts().then(function () { return nClicks; });
  }

  /* Text labels, not glyphs: a Chromium without emoji fonts shows those as boxes. */
  function togglePlay(nClicks, disabled) {
    if (!nClicks) { return [true, "Play"]; }
    const nowDisabled = !disabled;
    return [nowDisabled, nowDisabled ? "Play" : "Pause"];
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
    playing.started = false;
    return [[], [], "", null, null, true, "Play", [], []];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    eventmap: {
      windowFromRelayout: windowFromRelayout, mapFigure: mapFigure, drawMap: drawMap, playStep: playStep,
      playSpeed: playSpeed,
      togglePlay: togglePlay, resetView: resetView, loadTableScripts: loadTableScripts, deferredOptions: deferredOptions, axisMs: axisMs, ringOnTimeline: ringOnTimeline,
      mapDraws: function () { return drawCount; }, mapFirstPlotDraws: function () { return firstPlotDraws; }, skippedReacts: function () { return skippedReacts; }, mapBusy: function () { return !!state.busy; },
    },
  });
})();
