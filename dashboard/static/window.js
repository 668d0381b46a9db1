/* eventmap: the one time-window filter of the browser, loaded by the app and by the static export.
 *
 * The same rule as dashboard/view.py (in_window) and the event store's SQL
 * (date <= end AND date_end >= start): an event is in the window [a, b] when its first
 * possible day is on or before b's day and its last possible day is on or after a's day (its
 * interval overlaps the window); an undated event is in no window; no window keeps everything.
 * Days are day numbers (days since 1970-01-01, see dashboard/clientdata.py); window bounds are
 * Plotly date-axis values ("2025-03-13", "2025-03-13 05:12:33.1234", or ms since 1970 UTC).
 * A year-axis timeline (data beyond the years 1..9999: its x values are decimal years) gives
 * numbers; fromAxis() turns those into ms since 1970 (a mean Gregorian year each), so every
 * window bound downstream is a date-axis value.
 * tests/browser/test_window_filter.py runs this file against the Python filter on the same data.
 */
(function (root) {
  "use strict";
  var DAY_MS = 864e5;

  /* A Plotly date-axis value -> ms since 1970 UTC (NaN when it is not one). */
  function axisMs(v) {
    if (typeof v === "number") { return v; }
    var s = String(v).trim().replace(" ", "T");
    if (s.length === 10) { s += "T00:00:00"; }
    s = s.replace(/(\.\d{3})\d+/, "$1").replace(/Z$/, "");
    if (s.length === 13) { s += ":00"; }
    return Date.parse(s + "Z");
  }

  var YEAR_MS = 365.2425 * DAY_MS;  // as dashboard/clientdata.py YEAR_DAYS

  /* A decimal year (a year axis) -> ms since 1970. */
  function yearMs(y) { return (y - 1970) * YEAR_MS; }

  /* A timeline x value -> a window bound: a date-axis value as it is, a year-axis number in ms. */
  function fromAxis(v) { return typeof v === "number" ? yearMs(v) : v; }

  /* A day number as a person reads it: "2025-03-13", or a year ("-500", "-13800000000") when no
   * date holds it. */
  function dayLabel(n) {
    var ms = n * DAY_MS;
    if (Math.abs(ms) < 8.64e15 && new Date(ms).getUTCFullYear() >= 1) { return isoDay(n); }
    return String(Math.round(1970 + ms / YEAR_MS));
  }

  /* [start, end] axis values -> [first, last] as (fractional) day numbers, in order; null for
   * "all time" (no window, or a bound missing). */
  function windowDays(win) {
    if (!win || win.length !== 2 || win[0] === null || win[1] === null ||
        win[0] === undefined || win[1] === undefined) { return null; }
    var a = axisMs(win[0]) / DAY_MS, b = axisMs(win[1]) / DAY_MS;
    if (isNaN(a) || isNaN(b)) { return null; }
    return a <= b ? [a, b] : [b, a];
  }

  /* Is the event with first/last possible day t0/t1 (day numbers, null when undated) in the
   * window (from windowDays)? t1 null means one day. */
  function inWindow(t0, t1, days) {
    if (days === null) { return true; }
    if (t0 === null || t0 === undefined) { return false; }
    var last = (t1 === null || t1 === undefined) ? t0 : t1;
    return t0 <= days[1] && last + 1 > days[0];
  }

  /* The filter over columns {t0, t1, p, hidden?}: window (axis values or null), places (a Set of
   * place indices or null for every place), showAll (false: events marked hidden stay out). */
  function makeFilter(cols, opts) {
    var days = windowDays(opts && opts.window);
    var places = (opts && opts.places) || null;
    var hidden = (opts && opts.showAll) ? null : (cols.hidden || null);
    var t0 = cols.t0, t1 = cols.t1, p = cols.p;
    return function (i) {
      if (hidden !== null && hidden[i]) { return false; }
      if (places !== null && !places.has(p[i])) { return false; }
      return inWindow(t0[i], t1[i], days);
    };
  }

  /* Day number -> "YYYY-MM-DD". */
  function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

  root.eventmapWindow = {
    DAY_MS: DAY_MS, axisMs: axisMs, windowDays: windowDays, inWindow: inWindow, makeFilter: makeFilter,
    isoDay: isoDay, yearMs: yearMs, fromAxis: fromAxis, dayLabel: dayLabel,
  };
})(typeof window !== "undefined" ? window : this);
