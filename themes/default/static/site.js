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

  // setQuery makes params the address's query string, keeping its fragment.
  function setQuery(params) {
    var q = params.toString();
    try { history.replaceState(null, "", (q ? "?" + q : location.pathname) + location.hash); } catch (e) { /* file: URLs may refuse */ }
  }

  // Filters can be linked to (blueprints/?status=implemented&domain=payments):
  // the query string presets each select, and a change is written back to it
  // before apply runs. The matrix's filters (matrix.js) use it too. A value
  // that is no option's but is one's words, as links made before the values
  // were the fields as written had them (?domain=Billing, ?which=End%20of%20life),
  // picks that option, and the address is given its value. A value no option
  // has (a stale link: ?domain=legacy) is taken out of the address, and the
  // form says it was not applied rather than seem to filter.
  function linkFilters(selects, apply) {
    var params = new URLSearchParams(location.search), renamed = false, unknown = [];
    selects.forEach(function (s) {
      var key = s.getAttribute("data-filter"), v = params.get(key);
      var find = function (match) { return Array.prototype.filter.call(s.options, function (o) { return o.value && match(o); })[0]; };
      var o = v && (find(function (o) { return o.value === v; }) ||
        find(function (o) { return o.textContent.trim().toLowerCase() === v.trim().toLowerCase(); }));
      if (o) {
        s.value = o.value;
        if (o.value !== v) { params.set(key, o.value); renamed = true; }
      } else if (v) {
        params.delete(key);
        renamed = true;
        var label = s.closest("label");
        unknown.push((label ? label.firstChild.textContent.trim() : key) + " \u201c" + v + "\u201d");
      }
      s.addEventListener("change", function () {
        var p = new URLSearchParams(location.search);
        if (s.value) p.set(s.getAttribute("data-filter"), s.value);
        else p.delete(s.getAttribute("data-filter"));
        setQuery(p);
        apply();
      });
    });
    if (renamed) setQuery(params);
    var form = selects.length && selects[0].form;
    if (unknown.length && form) {
      var note = document.createElement("p");
      note.className = "filter-note";
      note.setAttribute("role", "status");
      note.textContent = "Not in this list, so not applied: " + unknown.join(", ") + ".";
      form.appendChild(note);
    }
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
  function loadRows(src, key, done) { loadList("archfolioFilterRows", src, key, done); }
  function listLoaded(global, key) {
    var entry = rowFiles[global + " " + key];
    return !!entry && entry.loaded;
  }
  // loadList loads a list's file (a script that adds the list to
  // window[global] under key) once, and calls done with the list, or null
  // when it cannot be loaded.
  function loadList(global, src, key, done) {
    var store = window[global] = window[global] || {};
    var entry = rowFiles[global + " " + key];
    if (!entry) {
      entry = rowFiles[global + " " + key] = { loaded: !!store[key], waiting: [] };
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
      if (!listLoaded("archfolioFilterRows", key)) box.textContent = "Counting the matches on every page…";
      loadRows(src, key, function (data) {
        var table = document.getElementById(form.getAttribute("data-filter-for"));
        if (table && table.archfolioWhole) return; // the whole list was sorted meanwhile: its count is in the form
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
    function matches(row) {
      return selects.every(function (s) {
        if (!s.value) return true;
        var v = row.getAttribute("data-" + s.getAttribute("data-filter")) || "";
        return v.split("\u001f").indexOf(s.value) >= 0;
      });
    }
    // apply(true) keeps the page of the whole sorted list that is shown (its
    // pager turns it); a change of filter goes back to its first page.
    function apply(keep) {
      if (table.archfolioWhole) { // the whole list, sorted, is shown: it filters every row
        var n = table.archfolioWhole(keep === true);
        if (out) out.textContent = n;
        if (paged) form.querySelector(".filter-pages").textContent = "";
        return;
      }
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (out) out.textContent = shown + " of " + rows.length + (paged ? " on this page" : " shown");
      if (paged) paged();
    }
    table.archfolioMatches = matches;
    table.archfolioApply = apply;
    linkFilters(selects, apply);
    form.hidden = false;
    apply();
  });

  // Sortable tables: a button in each header sorts by that column, by a cell's
  // data-sort when it has one (ISO dates, ranks), else by its text; numbers only
  // when the whole key is a number, so "2026-07-01" is not read as 2026. A cell
  // with no text, or an empty data-sort (a value not set, which the cell may
  // still word: "not set"), sorts last either way.
  function sortKey(cell) {
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent;
  }
  // sortRows sorts rows by column col, an empty cell last either way and
  // numbers within text as numbers ("SEC-99" before "SEC-100").
  function sortRows(rows, col, asc) {
    var num = /^\s*-?\d+(\.\d+)?\s*$/;
    return rows.map(function (r, i) {
      var cell = r.cells[col];
      return { row: r, key: sortKey(cell), empty: !cell || cell.textContent.trim() === "" || cell.getAttribute("data-sort") === "", i: i };
    }).sort(function (a, b) {
      if (a.empty !== b.empty) return a.empty ? 1 : -1;
      var x = a.key, y = b.key;
      var c = (num.test(x) && num.test(y)) ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, undefined, { numeric: true });
      return (asc ? c : -c) || a.i - b.i;
    }).map(function (e) { return e.row; });
  }
  // A link of a row from a list's rows file, relative to the file: made
  // absolute, and, opened from disk, to a folder's index.html.
  function fromFile(href, base) {
    if (href.charAt(0) === "#") return href;
    var abs = new URL(href, base);
    if (abs.protocol === "file:" && abs.pathname.slice(-1) === "/") abs.pathname += "index.html";
    return abs.href;
  }
  // wholeList makes the sort buttons of a table that is one page of a longer
  // list sort the whole list (generator/render/sortrows.go): the first sort
  // loads the list's rows file, and the table then shows the sorted list a
  // page at a time, with a pager of its own above and below, the filters
  // narrowing the whole list, until the reader goes back to the list's own
  // pages. The sort and the page shown are kept in the address (sort, order,
  // at), so a sorted view can be linked to and comes back after a visit to a
  // row. It returns null for a table without a rows file.
  function wholeList(table, heads, buttons) {
    var src = table.getAttribute("data-sort-rows");
    if (!src) return null;
    var key = table.getAttribute("data-sort-key");
    var per = parseInt(table.getAttribute("data-sort-per"), 10) || 100;
    var noun = table.getAttribute("data-sort-noun") || "rows";
    var section = table.closest("section") || table.closest("main");
    var pagers = Array.prototype.slice.call(section.querySelectorAll("nav.pager"));
    var body = table.tBodies[0];
    var own = Array.prototype.slice.call(body.rows);
    var status = document.createElement("p");
    status.className = "sort-status";
    status.setAttribute("aria-live", "polite");
    var all = null, sorted = null, col = -1, asc = true, start = 0;
    var navs = [], prevs = [], nexts = [], backs = [];
    function nav(label) {
      var n = document.createElement("nav");
      n.className = "sorted-pager";
      n.setAttribute("aria-label", label);
      n.hidden = true;
      var where = document.createElement("span");
      n.appendChild(where);
      function button(text, click) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = text;
        b.addEventListener("click", function () { click(b); });
        n.appendChild(b);
        return b;
      }
      prevs.push(button("Previous page", function (b) { turn(Math.max(0, start - per), b); }));
      nexts.push(button("Next page", function (b) { turn(start + per, b); }));
      backs.push(button("Back to the list's own pages", back));
      navs.push(n);
      return n;
    }
    var anchor = table.closest(".table-scroll") || table;
    anchor.parentNode.insertBefore(status, anchor);
    anchor.parentNode.insertBefore(nav("Pages of the sorted list"), anchor);
    anchor.parentNode.insertBefore(nav("Pages of the sorted list, again"), anchor.nextSibling);
    // On a page with more than one such list (the dependency map's) each
    // list's keys start with its table's id ("sunset-table-sort").
    var prefix = document.querySelectorAll("table.sortable[data-sort-rows]").length > 1 ? table.id + "-" : "";
    // remember writes the sort and the page shown in the address, or takes
    // them out.
    function remember() {
      var p = new URLSearchParams(location.search);
      if (table.archfolioWhole) {
        p.set(prefix + "sort", col + 1);
        p.set(prefix + "order", asc ? "asc" : "desc");
        if (start) p.set(prefix + "at", start + 1);
        else p.delete(prefix + "at");
      } else {
        ["sort", "order", "at"].forEach(function (k) { p.delete(prefix + k); });
      }
      setQuery(p);
    }
    // turn shows the page from row to on; a button that cannot turn further
    // is disabled, and the keyboard's focus goes to its other.
    function turn(to, from) {
      start = to;
      if (table.archfolioApply) table.archfolioApply(true);
      else show(true);
      if (from.disabled) {
        var k = prevs.indexOf(from) >= 0 ? prevs.indexOf(from) : nexts.indexOf(from);
        (from === prevs[k] ? nexts[k] : prevs[k]).focus();
      }
    }
    // sortedTitle is the page's title while it shows the sorted list: the
    // list's name, the sort and the page of the sorted list, in place of the
    // list's own page ("Blueprints, page 3 of 12 · Site" sorted by Title shows
    // "Blueprints, sorted by Title, page 1 of 12 · Site").
    var ownTitle = document.title;
    function sortedTitle(by, page, pages) {
      var cut = ownTitle.indexOf(" · "), name = cut < 0 ? ownTitle : ownTitle.slice(0, cut);
      return name.replace(/, page \d+ of \d+$/, "") + ", sorted by " + by + ", page " + page + " of " + pages + (cut < 0 ? "" : ownTitle.slice(cut));
    }
    function back() {
      document.title = ownTitle;
      table.archfolioWhole = null;
      body.textContent = "";
      own.forEach(function (r) { body.appendChild(r); });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      pagers.forEach(function (p) { p.hidden = false; });
      navs.forEach(function (n) { n.hidden = true; });
      status.textContent = "Back to the list's own order: this page's " + noun + ".";
      remember();
      if (table.archfolioApply) table.archfolioApply();
      (buttons[col] || buttons[0]).focus();
    }
    // show puts a page of the sorted list in the table, the one shown when
    // keep is set, else the first, and returns what the filter form's count
    // says.
    function show(keep) {
      if (!keep) start = 0;
      var match = table.archfolioMatches || function () { return true; };
      var shown = sorted.filter(match);
      if (start >= shown.length) start = Math.max(0, Math.floor((shown.length - 1) / per) * per);
      var page = shown.slice(start, start + per);
      body.textContent = "";
      page.forEach(function (r) { r.hidden = false; body.appendChild(r); });
      var of = shown.length === all.length ? all.length + " " : shown.length + " matching (of " + all.length + ") ";
      var range = shown.length ? (start + 1) + "–" + (start + page.length) + " of " + of : "none of " + all.length + " ";
      status.textContent = "The whole list, sorted by " + buttons[col].textContent.trim() + (asc ? " (ascending)" : " (descending)") + ": " + range + noun + ".";
      var pages = Math.max(1, Math.ceil(shown.length / per));
      navs.forEach(function (n) { n.firstChild.textContent = "Page " + (Math.floor(start / per) + 1) + " of " + pages + " "; });
      document.title = sortedTitle(buttons[col].textContent.trim(), Math.floor(start / per) + 1, pages);
      prevs.forEach(function (b) { b.disabled = start === 0; });
      nexts.forEach(function (b) { b.disabled = start + per >= shown.length; });
      remember();
      return shown.length + " of " + all.length + " match";
    }
    function sort(c, ascending, fallback, at) {
      col = c;
      asc = ascending;
      status.textContent = "Sorting the whole list…";
      loadList("archfolioSortRows", src, key, function (data) {
        if (!data) {
          status.textContent = "The whole list could not be loaded: the rows of this page are sorted.";
          buttons.forEach(function (b) {
            b.title = "Sorts the rows of this page";
            b.setAttribute("aria-label", b.textContent.trim() + ", sorts the rows of this page");
          });
          fallback();
          return;
        }
        if (!all) {
          var tb = document.createElement("tbody");
          tb.innerHTML = data.join("");
          var base = new URL(src, location.href);
          tb.querySelectorAll("[href]").forEach(function (a) { a.setAttribute("href", fromFile(a.getAttribute("href"), base)); });
          all = Array.prototype.slice.call(tb.rows);
        }
        sorted = sortRows(all, col, asc);
        table.archfolioWhole = show;
        pagers.forEach(function (p) { p.hidden = true; });
        navs.forEach(function (n) { n.hidden = false; });
        start = at || 0;
        if (table.archfolioApply) table.archfolioApply(!!at);
        else show(!!at);
        if (at !== undefined) revealTarget(); // opened from an address with a row's id too
      });
    }
    // reveal shows the row with the id given when the sorted view does not:
    // the sorted page that holds it, or the list's own page when the filters
    // leave it out of the sorted list. A link on the page to one of its rows
    // (the risk heatmap's to its threats) then still leads to it.
    revealers.push(function (id) {
      if (!table.archfolioWhole || !sorted) return false;
      var match = table.archfolioMatches || function () { return true; };
      var shown = sorted.filter(match), at = -1;
      for (var i = 0; i < shown.length && at < 0; i++) if (shown[i].id === id) at = i;
      if (at >= 0) {
        start = Math.floor(at / per) * per;
        if (table.archfolioApply) table.archfolioApply(true);
        else show(true);
      } else if (own.some(function (r) { return r.id === id; })) {
        back();
      } else {
        return false;
      }
      return !!document.getElementById(id);
    });
    // A sort in the address is shown again.
    var params = new URLSearchParams(location.search);
    var want = parseInt(params.get(prefix + "sort"), 10) - 1;
    if (want >= 0 && want < heads.length) {
      var order = params.get(prefix + "order") === "desc" ? "descending" : "ascending";
      setTimeout(function () {
        heads[want].setAttribute("aria-sort", order);
        sort(want, order === "ascending", function () { heads[want].removeAttribute("aria-sort"); }, Math.max(0, (parseInt(params.get(prefix + "at"), 10) || 1) - 1));
      }, 0);
    }
    return sort;
  }
  // revealers show a row of a sorted list that the page does not show
  // (wholeList); reveal asks them for the row a fragment ("#tm--t-000") names,
  // when the page has no element with its id, and reports whether one showed it.
  var revealers = [];
  function reveal(hash) {
    var id = "";
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { return false; }
    if (!id || document.getElementById(id)) return false;
    return revealers.some(function (r) { return r(id); });
  }
  // revealTarget shows the row the address names.
  function revealTarget() {
    if (reveal(location.hash)) document.getElementById(decodeURIComponent(location.hash.slice(1))).scrollIntoView();
  }
  window.addEventListener("hashchange", revealTarget);
  // A link to the id the address already names changes nothing the browser
  // reports, so a click on a link within the page asks too, before the
  // browser follows it (to the row, once it is shown).
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    if (a) reveal(a.getAttribute("href"));
  }, true);
  // A table that is one page of a longer list (a pager in its section) sorts
  // the whole list when the list has a rows file, else that page's rows, and
  // its buttons say which.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var list = table.closest("section") || table.closest("main");
    var paged = list && list.querySelector("nav.pager");
    var sortsWhole = !!paged && table.hasAttribute("data-sort-rows"), buttons = [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "sort";
      btn.textContent = th.textContent;
      var label = th.textContent.trim();
      if (sortsWhole) {
        btn.title = "Sorts the whole list";
        btn.setAttribute("aria-label", label + ", sorts the whole list");
      } else if (paged) {
        btn.title = "Sorts the rows of this page";
        btn.setAttribute("aria-label", label + ", sorts the rows of this page");
      }
      th.textContent = "";
      th.appendChild(btn);
      buttons.push(btn);
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        function sortPage() {
          sortRows(Array.prototype.slice.call(body.rows), col, asc).forEach(function (r) { body.appendChild(r); });
        }
        if (whole) whole(col, asc, sortPage);
        else sortPage();
      });
    });
    var whole = sortsWhole ? wholeList(table, heads, buttons) : null;
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
