// Alignment matrix filters. The matrix reads fully without this script; it only
// narrows the rows by domain, criticality, owner and blueprint status, and with an
// alignment status keeps the rows that have a cell of that status and dims the rest.
// The query string preselects filters, so a filtered view can be linked to.
(function () {
  "use strict";
  document.querySelectorAll("form[data-matrix-filter]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-matrix-filter"));
    if (!table) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var out = form.querySelector(".filter-count");
    var groups = Array.prototype.map.call(table.tBodies, function (body) {
      return { head: body.querySelector("tr.mx-group"), rows: Array.prototype.slice.call(body.querySelectorAll("tr[data-bp]")) };
    });
    var total = groups.reduce(function (n, g) { return n + g.rows.length; }, 0);
    // A grid of several pages counts the matches of every page too (site.js).
    var paged = window.archfolioPagedFilters ? window.archfolioPagedFilters(form, selects) : null;
    function matches(row) {
      return selects.every(function (s) {
        if (!s.value) return true;
        var v = row.getAttribute("data-" + s.getAttribute("data-filter")) || "";
        return v.split("\u001f").indexOf(s.value) >= 0;
      });
    }
    function apply() {
      var shown = 0;
      groups.forEach(function (g) {
        var any = false;
        g.rows.forEach(function (row) {
          var ok = matches(row);
          row.hidden = !ok;
          if (ok) { shown++; any = true; }
        });
        if (g.head) g.head.hidden = !any;
      });
      var align = form.querySelector('select[data-filter="align"]');
      if (align && align.value) table.setAttribute("data-focus", align.value);
      else table.removeAttribute("data-focus");
      if (out) out.textContent = shown + " of " + total + " blueprints " + (paged ? "on this page" : "shown");
      if (paged) paged();
    }
    // Filters can be linked to: matrix/?align=non-compliant&domain=payments
    // (site.js, which every page loads first; a theme's own site.js may lack it).
    if (window.archfolioLinkFilters) window.archfolioLinkFilters(selects, apply);
    else selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.hidden = false;
    apply();
  });
})();
