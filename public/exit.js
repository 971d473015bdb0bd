// The neutral exit page returns to a fresh kiosk after the configured time, or on a tap.
// It reads only the public configuration; it never sees an answer.
(function () {
  var back = function () { location.replace('./'); };
  document.addEventListener('pointerdown', back, { once: true });
  fetch('centre.json', { cache: 'no-cache' })
    .then(function (r) { return r.json(); })
    .then(function (c) { setTimeout(back, (c.exit_return_seconds || 30) * 1000); })
    .catch(function () { setTimeout(back, 30000); });
})();
