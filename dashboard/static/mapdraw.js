/* eventmap: the map's marks from the browser's columns, loaded by the app and by the static export.
 *
 * The same marks as dashboard/figures/map.py draws in Python (same trace roles, sizes, colours):
 * region- and country-level places as areas (one choroplethmap per category, the count written
 * inside), a ring under the selected place, point places as circles sized by their count, a white
 * centre on the points whose events all take their place from the article's setting (hollow),
 * and, above maxPoints places in the map's view, density cells instead of places.
 * Columns: dashboard/clientdata.py (t0, t1, p, c, merged, setting, fatal, categories, colors, places).
 * Imported data that report deaths (ACLED, UCDP) add their sum per place to the hover, and
 * opts.sizeBy "fatalities" sizes the points by it.
 * Every trace has a uid named by its role (and an area group's level and category): Plotly's
 * map keeps a trace's MapLibre layers by uid, and a uid that changed type between two draws
 * (an area group more or less shifts the rest) made it remove layers that were not there.
 * Each trace sits under its own hidden slot layer of the style (Plotly's `below`; the styles of
 * dashboard/basemap/style.py end with them): traces that all sat on top (`below: ""`) made Plotly
 * remove and re-add every trace's layers on every redraw, and MapLibre then waits for its next
 * frame before it takes the new data; with a slot each, a redraw only hands the data over.
 * tests/browser/test_mapdraw.py checks it against the Python figure on the same events.
 */
(function (root) {
  "use strict";
  var MAX_LABELLED_PLACES = 400;  // as dashboard/figures/map.py
  var MAX_POINTS = 3000;
  var AREA_OPACITY = {1: 0.3, 2: 0.12};  // a region, a country (a faint wash under regions)
  var HIGHLIGHT = "#111111";
  var SLOT_PREFIX = "eventmap-slot-";  // as dashboard/basemap/style.py

  /* How many slot layers the map's style has (0 for a style without them). */
  function slotCount(gd) {
    var style = gd && gd.layout && gd.layout.map && gd.layout.map.style;
    var layers = style && typeof style === "object" && Array.isArray(style.layers) ? style.layers : [];
    var n = 0;
    for (var i = 0; i < layers.length; i++) {
      if (layers[i] && layers[i].id === SLOT_PREFIX + n) { n++; }
    }
    return n;
  }

  /* Each trace's slot, the same in every redraw (a trace whose slot changed has its layers
   * re-added): areas of countries, then of regions, by category; then the other roles. */
  var AREA_CATEGORIES = 24;
  var ROLE_SLOT = {"map-area-counts": 48, "map-ring": 49, "map-points": 50, "map-hollow": 51, "map-density": 52};
  function slotOf(t) {
    var m = t.meta || {};
    if (m.role === "map-areas") {
      var k = Math.min(parseInt(String(t.uid).split("-").pop(), 10) || 0, AREA_CATEGORIES - 1);
      return (m.level === 2 ? 0 : AREA_CATEGORIES) + k;
    }
    return ROLE_SLOT[m.role];
  }

  /* Every trace under its slot (bottom to top as the traces' order); on top without slots. */
  function stack(out, slots) {
    for (var i = 0; i < out.length; i++) {
      var slot = slotOf(out[i]);
      out[i].below = slot !== undefined && slot < (slots || 0) ? SLOT_PREFIX + slot : "";
    }
    return out;
  }

  function markerSize(n) { return Math.round(Math.min(44, 9 + 5 * Math.sqrt(Math.max(n, 1) - 1)) * 10) / 10; }

  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* Grid cell size (degrees) of the density view at a zoom: cells of about 30 px, a power of two. */
  function cellSize(zoom) {
    var deg = 21 / Math.pow(2, Math.max(0, zoom || 0));  // 30 px of a 512 px world
    var size = 0.125;
    while (size < 32 && size < deg) { size *= 2; }
    return size;
  }

  function cellKey(lat, lon, size) {
    return "cell:" + size + ":" + Math.floor(lat / size) + ":" + Math.floor(lon / size);
  }

  function inBounds(lat, lon, b) {
    if (!b) { return true; }
    var inLon = b[0] <= b[2] ? (lon >= b[0] && lon <= b[2]) : (lon >= b[0] || lon <= b[2]);
    return inLon && lat >= b[1] && lat <= b[3];
  }

  /* Count the events that `keep(i)` keeps per place (and per category), with the setting flags. */
  function countPlaces(cols, keep) {
    var places = cols.places, P = places.key.length, C = cols.categories.length;
    var perCat = new Int32Array(P * C), total = new Int32Array(P), fromText = new Int32Array(P);
    var p = cols.p, c = cols.c, n = p.length;
    var setting = new Uint8Array(n), s = cols.setting || [];
    for (var k = 0; k < s.length; k++) { setting[s[k]] = 1; }
    for (var i = 0; i < n; i++) {
      var pi = p[i];
      if (pi < 0 || !keep(i)) { continue; }
      total[pi]++;
      perCat[pi * C + c[i]]++;
      if (!setting[i]) { fromText[pi]++; }
    }
    var extra = new Map(), merged = cols.merged || [];
    for (var m = 0; m < merged.length; m++) {
      var j = merged[m][0], pj = p[j];
      if (pj >= 0 && keep(j)) { extra.set(pj, (extra.get(pj) || 0) + merged[m][1] - 1); }
    }
    var deaths = new Map(), fatal = cols.fatal || [];
    for (var f = 0; f < fatal.length; f++) {
      var q = fatal[f][0], pq = p[q];
      if (pq >= 0 && keep(q)) { deaths.set(pq, (deaths.get(pq) || 0) + fatal[f][1]); }
    }
    return {total: total, perCat: perCat, fromText: fromText, extra: extra, deaths: deaths, P: P, C: C,
            anyDeaths: fatal.length > 0};
  }

  function ringTrace(lat, lon, key, size) {
    return {type: "scattermap", lat: lat, lon: lon, customdata: key, mode: "markers", hoverinfo: "skip",
            showlegend: false, name: "selected", meta: {role: "map-ring"}, uid: "map-ring",
            marker: {size: size, color: HIGHLIGHT, opacity: 0.9}};
  }

  /* The map's traces for the events `keep(i)` keeps; opts: {selected: place key, bounds:
   * [west, south, east, north] of the map's view, zoom, maxPoints, slots: slotCount(gd)}. */
  function traces(cols, keep, opts) {
    opts = opts || {};
    return stack(marks(cols, keep, opts), opts.slots);
  }

  function marks(cols, keep, opts) {
    var places = cols.places, counts = countPlaces(cols, keep), C = counts.C;
    var catNames = cols.escapedCategories || (cols.escapedCategories = cols.categories.map(escapeHtml));
    var shown = [], visible = 0;
    for (var pi = 0; pi < counts.P; pi++) {
      if (!counts.total[pi]) { continue; }
      shown.push(pi);
      if (inBounds(places.lat[pi], places.lon[pi], opts.bounds)) { visible++; }
    }
    var maxPoints = opts.maxPoints || MAX_POINTS;
    if (visible > maxPoints) { return densityTraces(cols, shown, counts, opts); }
    var labelled = shown.length <= MAX_LABELLED_PLACES;
    var areasByCat = {}, order = [], pts = {lat: [], lon: [], key: [], text: [], hover: [], size: [], color: []};
    var hollow = {lat: [], lon: [], key: [], size: []}, counted = {lat: [], lon: [], key: [], text: []};
    var ring = null, byDeaths = opts.sizeBy === "fatalities" && counts.anyDeaths;
    shown.forEach(function (pi) {
      var n = counts.total[pi], best = 0, parts = [];
      for (var k = 0; k < C; k++) {
        var m = counts.perCat[pi * C + k];
        if (m > counts.perCat[pi * C + best]) { best = k; }
        if (m) { parts.push(catNames[k] + " " + m); }
      }
      var more = counts.extra.get(pi) || 0, isHollow = counts.fromText[pi] === 0, dead = counts.deaths.get(pi);
      var hover = "<b>" + places.name[pi] + "</b> (" + places.precision[pi] + ") · " + n + (n === 1 ? " event" : " events") +
                  (more ? " · reported by " + (n + more) + " sources" : "") +
                  (dead !== undefined ? " · " + dead.toLocaleString("en") + " fatalities" : "") +
                  (isHollow ? "<br><i>placed by the article's setting</i>" : "") + "<br>" + parts.join(", ");
      var key = places.key[pi], size = markerSize(byDeaths ? Math.max(1, dead || 0) : n);
      if (key === opts.selected) { ring = [places.lat[pi], places.lon[pi], key, size + 12]; }
      if (places.area[pi]) {
        var gk = places.area[pi] + ":" + best;
        if (!areasByCat[gk]) { areasByCat[gk] = {key: [], hover: [], level: places.area[pi], cat: best}; order.push(gk); }
        areasByCat[gk].key.push(key); areasByCat[gk].hover.push(hover);
        counted.lat.push(places.lat[pi]); counted.lon.push(places.lon[pi]); counted.key.push(key);
        counted.text.push(labelled ? String(n) : "");
        return;
      }
      pts.lat.push(places.lat[pi]); pts.lon.push(places.lon[pi]); pts.key.push(key);
      pts.text.push(n > 1 && labelled ? String(n) : ""); pts.hover.push(hover); pts.size.push(size);
      pts.color.push(cols.colors[best]);
      if (isHollow) {
        hollow.lat.push(places.lat[pi]); hollow.lon.push(places.lon[pi]); hollow.key.push(key);
        hollow.size.push(Math.round(size * 0.55 * 10) / 10);
      }
    });
    var out = [];
    order.sort(function (a, b) {
      var ga = areasByCat[a], gb = areasByCat[b];
      return (gb.level - ga.level) || (ga.cat - gb.cat);  // countries first (under regions), then category
    }).forEach(function (gk) {
      var g = areasByCat[gk], k = g.cat, color = cols.colors[k];
      out.push({type: "choroplethmap", geojson: places.areas, locations: g.key, featureidkey: "id",
                z: g.key.map(function () { return 1; }), zmin: 0, zmax: 1, colorscale: [[0, color], [1, color]],
                showscale: false, marker: {opacity: AREA_OPACITY[g.level], line: {color: color, width: 1.5}},
                customdata: g.key, hovertext: g.hover, hoverinfo: "text", name: catNames[k], showlegend: false,
                uid: "map-areas-" + g.level + "-" + k,
                meta: {role: "map-areas", category: cols.categories[k], level: g.level}});
    });
    out.push({type: "scattermap", lat: counted.lat, lon: counted.lon, text: counted.text, customdata: counted.key,
              mode: "text", textfont: {color: "#222222", size: 12}, hoverinfo: "skip", showlegend: false,
              name: "area counts", meta: {role: "map-area-counts"}, uid: "map-area-counts"});
    out.push(ring ? ringTrace([ring[0]], [ring[1]], [ring[2]], ring[3]) : ringTrace([], [], [], 30));
    out.push({type: "scattermap", lat: pts.lat, lon: pts.lon, customdata: pts.key, text: pts.text,
              hovertext: pts.hover, hoverinfo: "text", mode: labelled ? "markers+text" : "markers",
              textfont: {color: "white", size: 10}, name: "places", showlegend: false,
              marker: {size: pts.size, color: pts.color, opacity: 0.85}, meta: {role: "map-points", drawnBy: "eventmap"},
              uid: "map-points"});
    out.push({type: "scattermap", lat: hollow.lat, lon: hollow.lon, customdata: hollow.key, mode: "markers",
              marker: {size: hollow.size, color: "#ffffff", opacity: 1}, hoverinfo: "skip", showlegend: false,
              name: "article's setting", meta: {role: "map-hollow"}, uid: "map-hollow"});
    return out;
  }

  /* Density: events per grid cell (cell centres), sized and coloured by count; as figures.map.density_trace. */
  function densityTraces(cols, shown, counts, opts) {
    var size = cellSize(opts.zoom), places = cols.places, cells = new Map();
    // a cell's row and column in one small integer (cells are 0.125 degrees or more: rows and
    // columns stay within +-4096), a cheaper key than a string for 100,000 places
    for (var s = 0; s < shown.length; s++) {
      var pi = shown[s];
      var k = (Math.floor(places.lat[pi] / size) + 4096) * 8192 + (Math.floor(places.lon[pi] / size) + 4096);
      cells.set(k, (cells.get(k) || 0) + counts.total[pi]);
    }
    var lat = [], lon = [], key = [], hover = [], n = [], top = 1;
    cells.forEach(function (v) { if (v > top) { top = v; } });
    cells.forEach(function (v, k) {
      var r = Math.floor(k / 8192) - 4096, c = (k % 8192) - 4096, la = (r + 0.5) * size, lo = (c + 0.5) * size;
      lat.push(la); lon.push(lo); key.push(cellKey(la, lo, size)); n.push(v);
      hover.push(v.toLocaleString("en") + (v === 1 ? " event" : " events") + " here (zoom in for places)");
    });
    return [ringTrace([], [], [], 30), {
      type: "scattermap", lat: lat, lon: lon, customdata: key, hovertext: hover, hoverinfo: "text", mode: "markers",
      marker: {size: n.map(function (v) { return Math.round((6 + 22 * Math.sqrt(v / top)) * 10) / 10; }),
               color: n, colorscale: "YlOrRd", cmin: 0, cmax: top, opacity: 0.75},
      showlegend: false, name: "density", meta: {role: "map-density", cell: size, drawnBy: "eventmap"},
      uid: "map-density"}];
  }

  /* The map's view bounds [west, south, east, north] from a Plotly map subplot, or null. */
  function viewBounds(gd) {
    var sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!sub || !sub.map) { return null; }
    var b = sub.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  function viewZoom(gd) {
    var m = gd && gd._fullLayout && gd._fullLayout.map;
    return m ? m.zoom : 0;
  }

  root.eventmapMap = {
    traces: traces, slotCount: slotCount, markerSize: markerSize, cellSize: cellSize, cellKey: cellKey, viewBounds: viewBounds,
    viewZoom: viewZoom, MAX_POINTS: MAX_POINTS,
  };
})(typeof window !== "undefined" ? window : this);
