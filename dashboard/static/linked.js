/* eventmap static export: links the page's timeline, map and event list (no server, no network).
 *
 * Inlined by dashboard/export/html.py after window.js (the time-window filter) and mapdraw.js
 * (the map's marks), both shared with the app, as `(THIS)(uid)`. Filters: a time window from
 * the timeline's x range, a set of place keys from the map, and the kinds switch (context
 * sentences are hidden until it is ticked, as in the app). The map is redrawn from the columns
 * (counts, colours, areas and hollow marks as the app draws them); the timeline keeps the
 * events at the selected places; the table keeps the events passing everything.
 */
function (uid) {
  var W = window.eventmapWindow, M = window.eventmapMap;
  var root = document.getElementById(uid);
  var data = JSON.parse(document.getElementById(uid + "-data").textContent);
  var cols = data.cols, n = cols.id.length;
  var tl = document.getElementById(uid + "-timeline"), mp = document.getElementById(uid + "-map");
  var state = {window: null, places: null, showAll: false};
  var rows = root.querySelectorAll("tr[data-index]");
  var status = root.querySelector(".em-status"), allKinds = root.querySelector(".em-all-kinds");
  var tlOrig = [];
  var indexOf = new Map();
  cols.id.forEach(function (id, i) { indexOf.set(id, i); });

  function placeSet() {
    if (state.places === null) return null;
    var set = new Set();
    cols.places.key.forEach(function (k, pi) { if (state.places.has(k)) set.add(pi); });
    return set;
  }
  function keepAll() { return W.makeFilter(cols, {window: state.window, places: placeSet(), showAll: state.showAll}); }
  function keepForTimeline() { return W.makeFilter(cols, {places: placeSet(), showAll: state.showAll}); }
  function keepForMap() { return W.makeFilter(cols, {window: state.window, showAll: state.showAll}); }
  function arr(v) { return v === undefined || v === null ? [] : Array.prototype.slice.call(v); }

  function filterTimeline() {
    if (!tl) return;
    var keep = keepForTimeline();
    var update = {x: [], y: [], customdata: [], hovertext: []}, idx = [];
    tlOrig.forEach(function (t) {
      var x = [], y = [], c = [], h = [];
      for (var k = 0; k < t.customdata.length; k++) {
        var id = t.customdata[k], i = indexOf.get(id);
        var show = id === null ? (x.length && x[x.length - 1] !== null) : (i === undefined || keep(i));
        if (show) { x.push(t.x[k]); y.push(t.y[k]); c.push(id); h.push(t.hovertext[k]); }
      }
      update.x.push(x); update.y.push(y); update.customdata.push(c); update.hovertext.push(h);
      idx.push(t.index);
    });
    if (idx.length) Plotly.restyle(tl, update, idx);
  }

  /* One redraw at a time: MapLibre changes its layers asynchronously, and a second
   * Plotly.react during the first removes layers that are not there yet ("Map error").
   * A request during a draw is remembered, and drawn (with the state then) when it ends. */
  var drawing = null, again = false;
  function drawMap() {
    if (!mp || !mp._fullLayout) return Promise.resolve();
    if (drawing) { again = true; return drawing; }
    var traces = M.traces(cols, keepForMap(), {bounds: M.viewBounds(mp), zoom: M.viewZoom(mp),
                                                  slots: M.slotCount(mp)});
    drawing = Promise.resolve(Plotly.react(mp, traces, mp.layout, data.config)).then(function () {
      drawing = null;
      if (again) { again = false; return drawMap(); }
    }, function (err) { drawing = null; again = false; throw err; });
    return drawing;
  }

  function filterTable() {
    var keep = keepAll(), shown = 0, total = 0;
    rows.forEach(function (r) {
      var i = +r.getAttribute("data-index"), ok = keep(i);
      if (state.showAll || !cols.hidden[i]) total++;
      r.style.display = ok ? "" : "none";
      if (ok) shown++;
    });
    var filters = [], days = W.windowDays(state.window);
    if (days !== null) filters.push(W.dayLabel(Math.floor(days[0])) + " to " + W.dayLabel(Math.floor(days[1])));
    if (state.places !== null) filters.push(state.places.size + " place(s)");
    status.textContent = filters.length ? "Showing " + shown + " of " + total + " (" + filters.join(", ") + ")."
                                        : "Showing all " + total + ".";
    root.setAttribute("data-shown", String(shown));
  }

  function onTimelineRelayout(ev) {
    if (!ev) return;
    var a = ev["xaxis.range[0]"], b = ev["xaxis.range[1]"];
    if (ev["xaxis.range"]) { a = ev["xaxis.range"][0]; b = ev["xaxis.range"][1]; }
    if (a !== undefined && b !== undefined) state.window = [W.fromAxis(a), W.fromAxis(b)];  // a year axis too
    else if (ev["xaxis.autorange"]) state.window = null;
    else return;
    drawMap(); filterTable();
  }
  function onMapPlaces(keys) {
    state.places = keys && keys.length ? new Set(keys) : null;
    filterTimeline(); filterTable();
  }

  var ready = [];
  if (tl) ready.push(Plotly.newPlot(tl, data.figures.timeline.data, data.figures.timeline.layout, data.config)
    .then(function () {
      tl._fullData.forEach(function (t) {
        var role = t.meta && t.meta.role;
        if (role === "timeline-points" || role === "timeline-spans") {
          tlOrig.push({index: t.index, x: arr(t.x), y: arr(t.y), customdata: arr(t.customdata),
                       hovertext: t.hovertext ? arr(t.hovertext) : arr(t.x).map(function () { return ""; })});
        }
      });
      tl.on("plotly_relayout", onTimelineRelayout);
    }));
  if (mp) ready.push(Plotly.newPlot(mp, data.figures.map.data, data.figures.map.layout, data.config)
    .then(function () {
      mp.on("plotly_selected", function (ev) {
        onMapPlaces(ev && ev.points ? ev.points.map(function (p) { return p.customdata; }) : null);
      });
      mp.on("plotly_deselect", function () { onMapPlaces(null); });
      mp.on("plotly_click", function (ev) {
        if (ev && ev.points && ev.points.length) onMapPlaces([ev.points[0].customdata]);
      });
      return drawMap();
    }));
  root.querySelector(".em-reset").addEventListener("click", function () {
    state = {window: null, places: null, showAll: state.showAll};
    if (tl) Plotly.relayout(tl, {"xaxis.autorange": true});
    filterTimeline(); drawMap(); filterTable();
  });
  if (allKinds) allKinds.addEventListener("change", function () {
    state.showAll = allKinds.checked;
    filterTimeline(); drawMap(); filterTable();
  });
  Promise.all(ready).then(function () {
    filterTimeline(); filterTable(); root.setAttribute("data-ready", "1");
  });
}
