// Registers the service worker that keeps the app available offline. It lives beside this
// file at the site's root, so it serves the kiosk and the staff page alike.
// It waits until the app has started and a little more: on a first visit over a slow link
// the precache (every page's files) must not compete with the first screen's download.
(function () {
  var script = document.currentScript;
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !script) return;
  var AFTER_START_MS = 2000;
  function register() {
    navigator.serviceWorker.register(new URL('sw.js', script.src)).catch(function () {
      // Without it the kiosk still works online; the setup page's self-test reports it.
    });
  }
  function later() {
    setTimeout(register, AFTER_START_MS);
  }
  if (window.wasmBindings) later();
  else addEventListener('TrunkApplicationStarted', later, { once: true });
})();
