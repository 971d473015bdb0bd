// Registers the service worker that keeps the app available offline. It lives beside this
// file at the site's root, so it serves the kiosk and the staff page alike.
if ('serviceWorker' in navigator && window.isSecureContext && document.currentScript) {
  navigator.serviceWorker.register(new URL('sw.js', document.currentScript.src)).catch(function () {
    // Without it the kiosk still works online; the setup page's self-test reports it.
  });
}
