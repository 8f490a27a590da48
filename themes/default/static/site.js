// archfolio default theme: small progressive enhancements. Every page reads fully
// without this script.
(function () {
  "use strict";

  // Opened from disk, "folder/" links show a directory listing: point them at
  // folder/index.html instead.
  function localHref(href) {
    if (location.protocol !== "file:" || /^[a-z]+:/i.test(href) || href.charAt(0) === "#") return href;
    var parts = href.split("#");
    if (parts[0] === "") return href;
    if (parts[0].slice(-1) === "/" || parts[0] === "." || parts[0] === "..") {
      parts[0] = parts[0].replace(/\/?$/, "/") + "index.html";
    }
    return parts.join("#");
  }
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href"), local = localHref(href);
      if (local !== href) a.setAttribute("href", local);
    });
    document.querySelectorAll("form[action]").forEach(function (f) {
      var act = f.getAttribute("action");
      if (act && act.slice(-1) === "/") f.setAttribute("action", act + "index.html");
    });
  }

  // Filters can be linked to (blueprints/?status=implemented&domain=payments):
  // the query string presets each select, and a change is written back to it
  // before apply runs. The matrix's filters (matrix.js) use it too.
  function linkFilters(selects, apply) {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = params.get(s.getAttribute("data-filter"));
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
      s.addEventListener("change", function () {
        var p = new URLSearchParams(location.search);
        if (s.value) p.set(s.getAttribute("data-filter"), s.value);
        else p.delete(s.getAttribute("data-filter"));
        var q = p.toString();
        try { history.replaceState(null, "", (q ? "?" + q : location.pathname) + location.hash); } catch (e) { /* file: URLs may refuse */ }
        apply();
      });
    });
  }
  window.archfolioLinkFilters = linkFilters;

  // A filter over one page of a longer list (a form with data-filter-rows,
  // generator/render/filterrows.go) also answers for the whole list: when a
  // filter is first set, the list's rows file is loaded (a script, so that it
  // loads from disk too), the matching rows of every page are counted, and the
  // pages that have some are linked, the filters in their query string; the
  // pager's own links carry the filters too. pagedFilters returns what apply
  // calls after each change, or null for a table that holds its whole list.
  var rowFiles = {};
  function loadRows(src, key, done) {
    var store = window.archfolioFilterRows = window.archfolioFilterRows || {};
    var entry = rowFiles[key];
    if (!entry) {
      entry = rowFiles[key] = { loaded: !!store[key], waiting: [] };
      if (!entry.loaded) {
        var script = document.createElement("script");
        var finish = function () {
          entry.loaded = true;
          entry.waiting.splice(0).forEach(function (f) { f(store[key] || null); });
        };
        script.onload = finish;
        script.onerror = finish;
        script.src = src;
        document.head.appendChild(script);
      }
    }
    if (entry.loaded) done(store[key] || null);
    else entry.waiting.push(done);
  }
  function withQuery(href, query) {
    var hash = "", i = href.indexOf("#");
    if (i >= 0) { hash = href.slice(i); href = href.slice(0, i); }
    i = href.indexOf("?");
    if (i >= 0) href = href.slice(0, i);
    return href + (query ? "?" + query : "") + hash;
  }
  function hasValue(cell, k) {
    return typeof cell === "number" ? cell === k : cell.indexOf(k) >= 0;
  }
  function pagedFilters(form, selects) {
    var src = form.getAttribute("data-filter-rows");
    var box = form.querySelector(".filter-pages");
    if (!src || !box) return null;
    var noun = form.getAttribute("data-filter-noun") || "rows";
    function filterQuery() { // location.search as linkFilters writes it, should a file: URL refuse
      var p = new URLSearchParams(location.search);
      selects.forEach(function (s) {
        if (s.value) p.set(s.getAttribute("data-filter"), s.value);
        else p.delete(s.getAttribute("data-filter"));
      });
      return p.toString();
    }
    var key = form.getAttribute("data-filter-key");
    var here = parseInt(form.getAttribute("data-filter-page"), 10);
    var pages = form.getAttribute("data-filter-pages").split(" ").map(localHref);
    // A pager link is to a page of this list when it has a page's path and
    // the list's fragment: other lists may start on the same page.
    var targets = pages.map(function (h) { var a = document.createElement("a"); a.href = h; return a.pathname + a.hash; });
    function show(data) {
      box.textContent = "";
      if (!data) {
        box.textContent = "The other pages could not be searched: the count above is of this page only.";
        return;
      }
      var tests = [];
      selects.forEach(function (s) {
        if (!s.value) return;
        var f = data.filters.indexOf(s.getAttribute("data-filter"));
        if (f >= 0) tests.push([f, data.values[f].indexOf(s.value)]);
      });
      var counts = data.starts.map(function () { return 0; }), total = 0, page = 0;
      data.rows.forEach(function (row, i) {
        while (page + 1 < data.starts.length && data.starts[page + 1] <= i) page++;
        if (tests.every(function (t) { return hasValue(row[t[0]], t[1]); })) { counts[page]++; total++; }
      });
      if (total === 0) {
        box.textContent = "None of the " + data.rows.length + " " + noun + " of the whole list matches.";
        return;
      }
      box.appendChild(document.createTextNode(total + " of " + data.rows.length + " " + noun + " of the whole list " +
        (total === 1 ? "matches" : "match") + ", on "));
      var query = filterQuery(), first = true;
      counts.forEach(function (n, k) {
        if (!n) return;
        if (!first) box.appendChild(document.createTextNode(", "));
        first = false;
        if (k === here) {
          box.appendChild(document.createTextNode("this page (" + n + ")"));
          return;
        }
        var a = document.createElement("a");
        a.href = withQuery(pages[k], query);
        a.textContent = "page " + (k + 1) + " (" + n + ")";
        box.appendChild(a);
      });
      box.appendChild(document.createTextNode("."));
    }
    return function () {
      var query = filterQuery();
      document.querySelectorAll("nav.pager a[href]").forEach(function (a) {
        if (targets.indexOf(a.pathname + a.hash) >= 0) a.setAttribute("href", withQuery(a.getAttribute("href"), query));
      });
      if (!selects.some(function (s) { return s.value; })) {
        box.textContent = "";
        return;
      }
      if (!rowFiles[key] || !rowFiles[key].loaded) box.textContent = "Counting the matches on every page…";
      loadRows(src, key, function (data) {
        if (selects.some(function (s) { return s.value; })) show(data);
      });
    };
  }
  window.archfolioPagedFilters = pagedFilters;

  // Index filters: selects narrow the table rows by their data attributes. The
  // form is hidden in the HTML and shown here, so without scripts no control
  // shows that would do nothing.
  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var out = form.querySelector(".filter-count");
    var paged = pagedFilters(form, selects);
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (s) {
          if (!s.value) return true;
          var v = row.getAttribute("data-" + s.getAttribute("data-filter")) || "";
          return v.split("\u001f").indexOf(s.value) >= 0;
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (out) out.textContent = shown + " of " + rows.length + (paged ? " on this page" : " shown");
      if (paged) paged();
    }
    linkFilters(selects, apply);
    form.hidden = false;
    apply();
  });

  // Sortable tables: a button in each header sorts by that column, by a cell's
  // data-sort when it has one (ISO dates, ranks), else by its text; numbers only
  // when the whole key is a number, so "2026-07-01" is not read as 2026.
  function sortKey(cell) {
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent;
  }
  // A table that is one page of a longer list (a pager in its section) sorts
  // that page's rows, and its buttons say so.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var list = table.closest("section") || table.closest("main");
    var paged = list && list.querySelector("nav.pager");
    Array.prototype.forEach.call(heads, function (th, col) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "sort";
      btn.textContent = th.textContent;
      if (paged) {
        btn.title = "Sorts the rows of this page";
        btn.setAttribute("aria-label", th.textContent.trim() + ", sorts the rows of this page");
      }
      th.textContent = "";
      th.appendChild(btn);
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[col]), y = sortKey(b.cells[col]);
          var num = /^\s*-?\d+(\.\d+)?\s*$/, nx = parseFloat(x), ny = parseFloat(y);
          var c = (num.test(x) && num.test(y)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // Wide tables and code scroll sideways inside their own box, never the page:
  // each table gets a box, and a box that does scroll becomes a named region
  // keyboard users can focus to scroll (checked again when the window
  // resizes). A box the page already gives a name keeps it.
  var scrollers = [];
  document.querySelectorAll("main table").forEach(function (table) {
    var box = table.parentElement;
    if (box.closest(".table-scroll, .matrix-scroll, .rm-scroll, [role=region]")) {
      box = box.closest(".table-scroll, .matrix-scroll, .rm-scroll, [role=region]");
    } else {
      box = document.createElement("div");
      box.className = "table-scroll";
      table.parentElement.insertBefore(box, table);
      box.appendChild(table);
    }
    if (scrollers.indexOf(box) < 0) scrollers.push(box);
  });
  document.querySelectorAll("main pre, main .rm-scroll, main .rd-scroll").forEach(function (box) {
    if (scrollers.indexOf(box) < 0) scrollers.push(box);
  });
  function scrollName(box) {
    var cap = box.querySelector("caption");
    if (cap && cap.textContent.trim()) return cap.textContent.trim();
    if (box.tagName === "PRE") return "Code";
    for (var el = box; el && el.tagName !== "MAIN"; el = el.previousElementSibling || el.parentElement) {
      if (/^H[1-6]$/.test(el.tagName) && el !== box) return el.textContent.trim();
    }
    return "Table";
  }
  function markScrollers() {
    scrollers.forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      if (box.hasAttribute("data-scroll-named")) {
        if (!wide) {
          box.removeAttribute("data-scroll-named");
          box.removeAttribute("role");
          box.removeAttribute("tabindex");
          box.removeAttribute("aria-label");
        }
      } else if (wide && !box.hasAttribute("role")) {
        box.setAttribute("data-scroll-named", "");
        box.setAttribute("role", "region");
        box.setAttribute("tabindex", "0");
        box.setAttribute("aria-label", scrollName(box) + " (scrolls sideways)");
      }
    });
  }
  markScrollers();
  var resizing = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(markScrollers, 150);
  });

  // "/" goes to the search box (the search page's, else the header's), unless
  // the reader is typing somewhere.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.getElementById("search-input") || document.getElementById("q");
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
})();
