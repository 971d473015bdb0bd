// Registers the service worker that keeps the app available offline.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('sw.js').catch(function () {
    // Without it the kiosk still works online; the setup page's self-test reports it.
  });
}
