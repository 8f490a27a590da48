// archfolio serve: live reload. Injected by the dev server only, never into built
// files. Reloads the page after each rebuild, keeping its scroll position, and
// reconnects when the server restarts.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) { return; }
  var build = me.getAttribute("data-build");
  var events = me.getAttribute("data-events");
  var scrollKey = "archfolio-scroll:" + location.pathname + location.search;

  function store(key, value) {
    try { sessionStorage.setItem(key, value); } catch (e) { /* storage disabled */ }
  }
  function load(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }

  // Restore the scroll position saved just before a live reload, once now and
  // once more when images and styles have settled the layout.
  var saved = load(scrollKey);
  if (saved) {
    try { sessionStorage.removeItem(scrollKey); } catch (e) { /* ignore */ }
    var xy = saved.split(",").map(Number);
    var restore = function () { window.scrollTo(xy[0] || 0, xy[1] || 0); };
    restore();
    window.addEventListener("load", restore);
  }

  // The browser's own scroll restoration is off for a live reload, so the position
  // saved here is the one that counts; it is back on when the page is left any
  // other way (back, forward, a manual reload).
  var reloading = false;
  var native = "scrollRestoration" in history;
  function reload() {
    reloading = true;
    store(scrollKey, Math.round(window.scrollX) + "," + Math.round(window.scrollY));
    if (native) { history.scrollRestoration = "manual"; }
    location.reload();
  }
  window.addEventListener("pagehide", function () {
    if (native && !reloading) { history.scrollRestoration = "auto"; }
  });

  // After the stream ends (the server stopping or restarting), connect again,
  // soon at first, then every two seconds: the browser's own reconnection waits
  // as long as it likes. The first event after a restart names a new build, and
  // the page reloads.
  var delay = 250;
  function connect() {
    var source = new EventSource(events);
    source.onopen = function () { delay = 250; };
    source.addEventListener("build", function (e) {
      if (e.data !== build) {
        source.close();
        reload();
      }
    });
    source.onerror = function () {
      source.close();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 2000);
    };
  }
  connect();

  // The error overlay hides until the next build; the warnings badge stays
  // dismissed until the warnings change.
  var badge = document.getElementById("archfolio-badge");
  if (badge && load("archfolio-dismissed") === badge.getAttribute("data-key")) {
    badge.style.display = "none";
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t || !t.closest) { return; }
    if (t.closest("[data-archfolio-hide]")) {
      document.getElementById("archfolio-overlay").style.display = "none";
    }
    if (t.closest("[data-archfolio-dismiss]") && badge) {
      store("archfolio-dismissed", badge.getAttribute("data-key"));
      badge.style.display = "none";
    }
  });
})();
