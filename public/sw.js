// The kiosk's service worker: keeps the app's own static files so that the kiosk, the
// neutral exit page and the staff page work without a network. It only ever stores the
// app's files — never an answer: the app sends no request that carries one.
// scripts/postbuild.mjs fills in the file list and the version after each release build.
const VERSION = '/*VERSION*/';
const PRECACHE = [/*PRECACHE*/];
const CACHE = `kiosk-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Pages, the configuration, language files and recorded clips (a centre may add one after
// the build): the network first (updates arrive), the cache when offline.
// Everything else (hashed files): the cache first.
const NETWORK_FIRST = /(\/|\.html|centre\.json|\/lang\/[^/]+\.json|\.(mp3|ogg|opus|m4a|wav))$/;

// Offline: the page itself, or a folder's index.html (/staff/, /setup/), or the kiosk.
function offline(path) {
  return caches.match(path, { ignoreSearch: true })
    .then((hit) => hit || (path.endsWith('/') ? caches.match(path + 'index.html') : undefined))
    .then((hit) => hit || caches.match('index.html'));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.search) return;
  if (event.request.mode === 'navigate' || NETWORK_FIRST.test(url.pathname)) {
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((c) => c.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => offline(url.pathname)),
    );
  } else {
    event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
  }
});
