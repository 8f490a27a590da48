// Client-side search over window.archfolioSearch (assets/search-index.js).
(function () {
  "use strict";
  var index = window.archfolioSearch || [];
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = document.body.getAttribute("data-root") || "";
  if (!input || !list) return;

  function norm(s) { return (s || "").toLowerCase(); }
  function score(e, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (norm(e.t).indexOf(t) >= 0) s += 10;
      if (norm(e.i).indexOf(t) >= 0) s += 6;
      if (norm(e.s).indexOf(t) >= 0) s += 4;
      if (norm(e.o).indexOf(t) >= 0 || norm(e.k).indexOf(t) >= 0 || norm(e.st).indexOf(t) >= 0) s += 2;
      if (norm(e.x).indexOf(t) >= 0) s += 1;
      if (!s) return 0;
      total += s;
    }
    return total;
  }
  function href(u) {
    var h = root + u;
    if (location.protocol === "file:") h += "index.html";
    return h;
  }
  function run() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q) { status.textContent = index.length + " documents indexed."; return; }
    var terms = norm(q).split(/\s+/);
    var hits = [];
    index.forEach(function (e) { var s = score(e, terms); if (s) hits.push([s, e]); });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for “" + q + "”.";
    hits.slice(0, 100).forEach(function (h) {
      var e = h[1], li = document.createElement("li"), a = document.createElement("a");
      a.href = href(e.u);
      a.textContent = e.t;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "kind-tag";
      meta.textContent = e.k + (e.st ? " · " + e.st : "");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(meta);
      if (e.s) {
        var p = document.createElement("p");
        p.className = "summary";
        p.textContent = e.s;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  input.addEventListener("input", run);
  run();
})();
