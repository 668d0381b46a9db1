/* eventmap static export: links the page's timeline, map and event list (no server, no network).
 *
 * Inlined by dashboard/export/html.py after window.js (the time-window filter the app uses too)
 * as `(THIS)(uid)`. Filters: a time window from the timeline's x range, a set of place keys from
 * the map. The map keeps the places with events in the window, with their counts, sizes
 * (figures.marker_size, via data.sizes), colours (most frequent category) and hover texts
 * recomputed like the app's clientside map; the timeline keeps the events at the selected
 * places; the table keeps the events passing both.
 */
function (uid) {
  var W = window.eventmapWindow;  // window.js, inlined before this script
  var root = document.getElementById(uid);
  var data = JSON.parse(document.getElementById(uid + "-data").textContent);
  var link = data.link, n = link.id.length;
  var tl = document.getElementById(uid + "-timeline"), mp = document.getElementById(uid + "-map");
  var state = {days: null, places: null};
  var rows = root.querySelectorAll("tr[data-index]");
  var status = root.querySelector(".em-status");
  var tlOrig = [], mapOrig = null;

  function inTime(i) { return W.inWindow(link.t0[i], link.t1[i], state.days); }
  function atPlace(i) { return state.places === null || state.places.has(link.place[i]); }
  function arr(v) { return v === undefined || v === null ? [] : Array.prototype.slice.call(v); }

  function filterTimeline() {
    if (!tl) return;
    var keep = null;
    if (state.places !== null) {
      keep = new Set();
      for (var i = 0; i < n; i++) if (atPlace(i)) keep.add(link.id[i]);
    }
    var update = {x: [], y: [], customdata: [], hovertext: []}, idx = [];
    tlOrig.forEach(function (t) {
      var x = [], y = [], c = [], h = [];
      for (var k = 0; k < t.customdata.length; k++) {
        var id = t.customdata[k];
        var show = keep === null || (id === null ? (x.length && x[x.length - 1] !== null) : keep.has(id));
        if (show) { x.push(t.x[k]); y.push(t.y[k]); c.push(id); h.push(t.hovertext[k]); }
      }
      update.x.push(x); update.y.push(y); update.customdata.push(c); update.hovertext.push(h);
      idx.push(t.index);
    });
    if (idx.length) Plotly.restyle(tl, update, idx);
  }

  function filterMap() {
    if (!mp || !mapOrig) return;
    var counts = {}, perCat = {}, dead = {}, C = data.categories.length;
    for (var i = 0; i < n; i++) {
      var p = link.place[i];
      if (p === null || !inTime(i)) continue;
      counts[p] = (counts[p] || 0) + 1;
      if (link.fatal && link.fatal[i] !== null) dead[p] = (dead[p] || 0) + link.fatal[i];
      if (!perCat[p]) perCat[p] = new Array(C).fill(0);
      perCat[p][data.categories.indexOf(link.category[i])]++;
    }
    var whole = state.days === null;  // no window: the figure's own colours and hover texts
    var o = mapOrig, lat = [], lon = [], key = [], text = [], hov = [], color = [], size = [];
    for (var k = 0; k < o.customdata.length; k++) {
      var pk = o.customdata[k], c = counts[pk] || 0;
      if (!c) continue;
      lat.push(o.lat[k]); lon.push(o.lon[k]); key.push(pk); text.push(c > 1 ? String(c) : "");
      size.push(data.sizes[Math.min(c, data.sizes.length - 1)]);
      if (whole) { hov.push(o.hovertext[k]); color.push(o.color[k]); continue; }
      var best = 0, parts = [];
      for (var j = 0; j < C; j++) {
        if (perCat[pk][j] > perCat[pk][best]) best = j;
        if (perCat[pk][j]) parts.push(data.categories[j] + " " + perCat[pk][j]);
      }
      color.push(data.colors[best]);
      hov.push("<b>" + (data.place_names[pk] || pk) + "</b> · " + c + (c === 1 ? " event" : " events") +
               (dead[pk] !== undefined ? " · " + dead[pk].toLocaleString("en") + " fatalities" : "") +
               "<br>" + parts.join(", "));
    }
    Plotly.restyle(mp, {lat: [lat], lon: [lon], customdata: [key], text: [text], hovertext: [hov],
                        "marker.color": [color], "marker.size": [size], selectedpoints: [null]}, [o.index]);
  }

  function filterTable() {
    var shown = 0;
    rows.forEach(function (r) {
      var i = +r.getAttribute("data-index"), ok = inTime(i) && atPlace(i);
      r.style.display = ok ? "" : "none";
      if (ok) shown++;
    });
    var filters = [];
    if (state.days !== null) filters.push(W.dayLabel(Math.floor(state.days[0])) + " to " + W.dayLabel(Math.floor(state.days[1])));
    if (state.places !== null) filters.push(state.places.size + " place(s)");
    status.textContent = filters.length ? "Showing " + shown + " of " + n + " (" + filters.join(", ") + ")."
                                        : "Showing all " + n + ".";
    root.setAttribute("data-shown", String(shown));
  }

  function onTimelineRelayout(ev) {
    if (!ev) return;
    var a = ev["xaxis.range[0]"], b = ev["xaxis.range[1]"];
    if (ev["xaxis.range"]) { a = ev["xaxis.range"][0]; b = ev["xaxis.range"][1]; }
    if (a !== undefined && b !== undefined) state.days = W.windowDays([W.fromAxis(a), W.fromAxis(b)]);
    else if (ev["xaxis.autorange"]) state.days = null;
    else return;
    filterMap(); filterTable();
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
      mp._fullData.forEach(function (t) {
        if (t.meta && t.meta.role === "map-places") {
          var m = t.marker || {};
          mapOrig = {index: t.index, lat: arr(t.lat), lon: arr(t.lon), customdata: arr(t.customdata),
                     hovertext: arr(t.hovertext), color: Array.isArray(m.color) || ArrayBuffer.isView(m.color)
                     ? arr(m.color) : arr(t.lat).map(function () { return m.color; })};
        }
      });
      mp.on("plotly_selected", function (ev) {
        onMapPlaces(ev && ev.points ? ev.points.map(function (p) { return p.customdata; }) : null);
      });
      mp.on("plotly_deselect", function () { onMapPlaces(null); });
      mp.on("plotly_click", function (ev) {
        if (ev && ev.points && ev.points.length) onMapPlaces([ev.points[0].customdata]);
      });
    }));
  root.querySelector(".em-reset").addEventListener("click", function () {
    state = {days: null, places: null};
    if (tl) Plotly.relayout(tl, {"xaxis.autorange": true});
    filterTimeline(); filterMap(); filterTable();
  });
  Promise.all(ready).then(function () { filterTable(); root.setAttribute("data-ready", "1"); });
}
