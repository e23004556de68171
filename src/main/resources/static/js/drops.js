// Drop pages: the start in the reader's own zone and language, and a countdown to it. The page says the start
// in the region's zone without JavaScript; this only improves on it.
(function () {
  'use strict';
  var lang = document.documentElement.lang || undefined;
  function localStarts() {
    document.querySelectorAll('time.drop-start[datetime]').forEach(function (el) {
      if (el.dataset.local) { return; }
      var at = new Date(el.getAttribute('datetime'));
      if (isNaN(at)) { return; }
      try {
        el.textContent = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' }).format(at);
        el.dataset.local = 'true';
      } catch (e) { /* an old browser keeps the region's zone */ }
    });
  }
  function tick() {
    document.querySelectorAll('.drop-countdown[data-start]').forEach(function (el) {
      var left = Math.floor((new Date(el.dataset.start) - Date.now()) / 1000);
      if (left <= 0) { el.textContent = el.dataset.openText; return; }
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      var pad = function (n) { return (n < 10 ? '0' : '') + n; };
      el.textContent = (d > 0 ? d + ' · ' : '') + pad(h) + ':' + pad(m) + ':' + pad(s);
    });
  }
  function run() { localStarts(); tick(); }
  document.addEventListener('DOMContentLoaded', run);
  document.addEventListener('htmx:afterSwap', run);
  setInterval(tick, 1000);
})();
