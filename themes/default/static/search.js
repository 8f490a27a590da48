// Client-side search over the index package generator/search writes under
// assets/search/: index.js (the manifest), t/N.js (term shards), d/N.js (a
// document each). Each is a script that calls window.archfolioSearch, so the
// index loads from file:// too; a query loads only the shards of its terms and
// the documents of the results it shows. Text from the index reaches the page
// only as text nodes.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var facetBox = document.getElementById("search-facets");
  var more = document.getElementById("search-more");
  if (!input || !list || !status) return;
  var root = document.body.getAttribute("data-root") || "";
  var base = root + "assets/search/";

  var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charAt(i)] = i;
  var PAGE = 10;            // results shown at a time, each loads its document
  var PREFIX_BUDGET = 96e3; // most bytes of shards one prefix may load
  var QUERY_BUDGET = 160e3; // most bytes of shards not loaded yet one query may load
  // Score of each weight bit (package search: InBody … IsName).
  var WEIGHTS = [[32, 1000], [8, 300], [16, 100], [4, 30], [2, 10], [1, 3]];

  var manifest = null, shards = {}, docs = {};
  var loaded = {}, waiting = {};

  window.archfolioSearch = {
    manifest: function (m) { manifest = m; },
    shard: function (n, terms) { shards[n] = terms; },
    doc: function (n, d) { docs[n] = d; },
    terms: terms
  };

  // load adds the script file (once) and calls done when it has run or failed.
  function load(file, done) {
    if (loaded[file]) { done(); return; }
    if (waiting[file]) { waiting[file].push(done); return; }
    waiting[file] = [done];
    var s = document.createElement("script");
    s.src = base + file;
    s.async = true;
    s.onload = s.onerror = function () {
      loaded[file] = true;
      var fns = waiting[file];
      delete waiting[file];
      fns.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }
  function loadAll(files, done) {
    var left = files.length;
    if (!left) { done(); return; }
    files.forEach(function (f) { load(f, function () { if (--left === 0) done(); }); });
  }

  // terms splits a query as package search's Phrase does: lower-cased, at
  // anything not a letter, digit or mark, CJK runs into bigrams, compounds
  // (CRY-TLS-1) whole, stop words out. The index has compounds' parts and
  // words without accents as terms too, so a query needs neither.
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{Nd}\p{M}]/u;
  function isWord(c) { return WORD.test(c) && !CJK.test(c); }
  function isJoiner(c) { return c === "-" || c === "." || c === "_"; }
  function terms(s) {
    var cs = Array.from(s).map(lower), out = [], i = 0, j;
    while (i < cs.length) {
      if (CJK.test(cs[i])) {
        for (j = i + 1; j < cs.length && CJK.test(cs[j]); j++);
        if (j - i === 1) out.push(cs[i]);
        for (var k = i; k + 1 < j; k++) out.push(cs[k] + cs[k + 1]);
        i = j;
      } else if (WORD.test(cs[i])) {
        for (j = i; j < cs.length; j++) {
          if (isWord(cs[j])) continue;
          if (isJoiner(cs[j]) && j + 1 < cs.length && isWord(cs[j + 1])) continue;
          break;
        }
        keep(cs.slice(i, j), out);
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }
  // lower lower-cases one code point as Go's unicode.ToLower does: without
  // context (a final sigma stays σ) and İ as i, where JS would add a dot.
  function lower(c) {
    if (c === "\u0130") return "i";
    var l = c.toLowerCase();
    return Array.from(l).length === 1 ? l : c;
  }
  function keep(runes, out) {
    var t = runes.join("");
    if (runes.length <= 40 && !isStop(t)) out.push(t);
  }
  function isStop(t) { return !!manifest && manifest.stop.indexOf(t) >= 0; }

  // compare orders strings by code point, as Go orders the terms (UTF-8 bytes).
  function compare(a, b) {
    if (a === b) return 0;
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }
  // shardOf is the number of the shard whose range holds term.
  function shardOf(term) {
    var lo = 0, hi = manifest.shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (compare(manifest.shards[mid], term) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  // shardsFor lists the shards a term needs: its own, and for a prefix the
  // following ones whose terms start with it, as far as the budget goes.
  function shardsFor(term, prefix) {
    var n = shardOf(term), out = [n], bytes = manifest.sizes[n] || 0;
    if (prefix) {
      for (var i = n + 1; i < manifest.shards.length && manifest.shards[i].lastIndexOf(term, 0) === 0; i++) {
        bytes += manifest.sizes[i];
        if (bytes > PREFIX_BUDGET) break;
        out.push(i);
      }
    }
    return out;
  }

  // planBytes is the size of the shards a plan (and the phrase) loads, each once.
  function planBytes(plan, phraseList) {
    var seen = {}, bytes = 0;
    plan.forEach(function (p) { p[2].forEach(function (n) { seen[n] = true; }); });
    phraseList.forEach(function (n) { seen[n] = true; });
    for (var n in seen) if (!loaded["t/" + n + ".js"]) bytes += manifest.sizes[n] || 0;
    return bytes;
  }

  function score(w) {
    var s = 0;
    WEIGHTS.forEach(function (p) { if (w & p[0]) s += p[1]; });
    return s;
  }
  // postings calls fn with each document and weight of a term's postings.
  function postings(str, fn) {
    var doc = 0, v = 0;
    for (var i = 0; i < str.length; i++) {
      var d = DIGIT[str.charAt(i)];
      if (d >= 32) { v = v * 32 + d - 32; continue; }
      doc += v * 32 + d;
      v = 0;
      fn(doc, DIGIT[str.charAt(++i)]);
    }
  }
  // matches scores the documents a query term occurs in: an exact term fully,
  // a longer term it starts (as typed, prefix) at half.
  function matches(term, prefix, list) {
    var found = {};
    list.forEach(function (n) {
      var shard = shards[n] || {};
      if (!prefix) {
        if (Object.prototype.hasOwnProperty.call(shard, term)) add(found, shard[term], 1);
        return;
      }
      Object.keys(shard).forEach(function (t) {
        if (t.lastIndexOf(term, 0) === 0) add(found, shard[t], t === term ? 1 : 0.5);
      });
    });
    return found;
  }
  function add(found, str, factor) {
    postings(str, function (doc, w) {
      var s = score(w) * factor;
      if (!(found[doc] >= s)) found[doc] = s;
    });
  }

  function parse(q) {
    var prefix = q.length > 0 && !/\s$/.test(q);
    var words = terms(q);
    var tokens = words.filter(function (t, i) { return !isStop(t) || (prefix && i === words.length - 1); });
    return { q: q.trim(), tokens: tokens, prefix: prefix, phrase: tokens.join(" "), ignored: [] };
  }

  var current = null; // the query whose results show
  var selected = { kind: {}, status: {} };

  function run() {
    var query = parse(input.value);
    current = query;
    try {
      var url = new URL(location.href);
      if (query.q) url.searchParams.set("q", query.q); else url.searchParams.delete("q");
      history.replaceState(null, "", url.toString());
    } catch (e) { /* file: URLs may refuse; the query still runs */ }
    if (!query.tokens.length) { show(query, null); return; }
    var plan = query.tokens.map(function (t, i) {
      var last = query.prefix && i === query.tokens.length - 1 && Array.from(t).length >= 2;
      return [t, last, shardsFor(t, last)];
    });
    var phraseList = query.tokens.length > 1 ? shardsFor(query.phrase, query.prefix) : [];
    query.ignored = [];
    // A word whose shard is that big is in most documents and narrows the
    // results little: past the budget, the biggest go, so that a query of
    // many common words still loads little. They are still marked.
    while (plan.length > 1 && planBytes(plan, phraseList) > QUERY_BUDGET) {
      var big = 0;
      plan.forEach(function (p, i) { if (planBytes([p], []) > planBytes([plan[big]], [])) big = i; });
      query.ignored.push(plan[big][0]);
      plan.splice(big, 1);
    }
    var need = {};
    plan.forEach(function (p) { p[2].forEach(function (n) { need["t/" + n + ".js"] = true; }); });
    phraseList.forEach(function (n) { need["t/" + n + ".js"] = true; });
    loadAll(Object.keys(need), function () {
      if (current !== query) return;
      var hits = null;
      plan.forEach(function (p) {
        var m = matches(p[0], p[1], p[2]);
        if (hits === null) { hits = m; return; }
        var both = {};
        Object.keys(hits).forEach(function (d) { if (d in m) both[d] = hits[d] + m[d]; });
        hits = both;
      });
      if (phraseList.length) {
        var ph = matches(query.phrase, query.prefix, phraseList);
        Object.keys(ph).forEach(function (d) { if (d in hits) hits[d] += 2 * ph[d]; });
      }
      var ranked = Object.keys(hits).map(Number);
      ranked.sort(function (a, b) { return hits[b] - hits[a] || a - b; });
      show(query, ranked);
    });
  }

  // facet returns document n's kind (which 0) or status (which 1) index.
  function facet(n, which) {
    var w = manifest.fd, at = (2 * n + which) * w, v = 0;
    for (var i = 0; i < w; i++) v = v * 64 + DIGIT[manifest.facets.charAt(at + i)];
    return which === 1 ? v - 1 : v;
  }
  function facetOK(n) {
    return okIn(selected.kind, facet(n, 0)) && okIn(selected.status, facet(n, 1));
  }
  function okIn(chosen, v) {
    var any = false;
    for (var k in chosen) if (chosen[k]) { any = true; if (+k === v) return true; }
    return !any;
  }

  var shown = 0, results = [];
  function show(query, ranked) {
    if (ranked === null) {
      list.textContent = "";
      results = [];
      if (more) more.hidden = true;
      facetBox.hidden = true;
      status.textContent = manifest.n + " documents indexed.";
      return;
    }
    drawFacets(ranked);
    filter(query, ranked);
  }
  // filter shows the ranked results the chosen facets keep, a page of them.
  function filter(query, ranked) {
    list.textContent = "";
    shown = 0;
    if (more) more.hidden = true;
    results = ranked.filter(facetOK);
    var total = results.length;
    status.textContent = total + (total === 1 ? " result" : " results") + " for “" + query.q + "”" +
      (total < ranked.length ? " (" + ranked.length + " before filters)." : ".") +
      (query.ignored.length ? " Words in most documents not required: " + query.ignored.join(", ") + "." : "");
    page(query);
  }
  function page(query) {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    loadAll(batch.map(function (n) { return "d/" + n + ".js"; }), function () {
      if (current !== query) return;
      batch.forEach(function (n) { if (docs[n]) list.appendChild(item(n, docs[n], query)); });
      if (more) more.hidden = shown >= results.length;
    });
  }

  function drawFacets(ranked) {
    facetBox.textContent = "";
    [["kind", 0, "Kind", manifest.kinds], ["status", 1, "Status", manifest.statuses]].forEach(function (f) {
      var counts = {};
      ranked.forEach(function (n) { var v = facet(n, f[1]); counts[v] = (counts[v] || 0) + 1; });
      for (var k in selected[f[0]]) if (!(k in counts)) delete selected[f[0]][k]; // no box to clear it
      var values = Object.keys(counts).map(Number).filter(function (v) { return v >= 0; });
      if (!values.length) return;
      values.sort(function (a, b) { return f[3][a].localeCompare(f[3][b]); });
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = f[2];
      set.appendChild(legend);
      values.forEach(function (v) {
        var label = document.createElement("label"), box = document.createElement("input");
        box.type = "checkbox";
        box.checked = !!selected[f[0]][v];
        box.addEventListener("change", function () {
          selected[f[0]][v] = box.checked;
          filter(current, ranked);
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + f[3][v] + " (" + counts[v] + ")"));
        set.appendChild(label);
      });
      facetBox.appendChild(set);
    });
    facetBox.hidden = !facetBox.firstChild;
  }

  // highlighter matches the query's terms in text: whole words, the last as a
  // prefix while it is typed; CJK terms anywhere.
  function highlighter(query) {
    var words = [], cjk = [];
    query.tokens.forEach(function (t, i) {
      var re = t.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&");
      if (CJK.test(t)) { cjk.push(re); return; }
      if (query.prefix && i === query.tokens.length - 1) re += "[\\p{L}\\p{Nd}\\p{M}]*";
      words.push(re);
    });
    var alts = [];
    if (words.length) alts.push("(?<![\\p{L}\\p{Nd}\\p{M}])(?:" + words.join("|") + ")(?![\\p{L}\\p{Nd}\\p{M}])");
    if (cjk.length) alts.push(cjk.join("|"));
    return new RegExp(alts.join("|"), "giu");
  }
  // marked appends text to el, each match of re in a <mark>.
  function marked(el, text, re) {
    var at = 0, m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      if (!m[0]) { re.lastIndex++; continue; }
      if (m.index > at) el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }
  // snippet is the part of the document's text around its best match: the
  // passage (a key, the summary, the body, the fields) matching most terms.
  function snippet(d, re) {
    var passages = (d.k || []).concat([d.s || "", d.x || "", d.f || ""]);
    var best = null, bestCount = 0;
    passages.forEach(function (p) {
      if (!p) return;
      var seen = {}, count = 0, first = -1, m;
      re.lastIndex = 0;
      while ((m = re.exec(p)) !== null) {
        if (!m[0]) { re.lastIndex++; continue; }
        if (first < 0) first = m.index;
        var key = m[0].toLowerCase();
        if (!seen[key]) { seen[key] = true; count++; }
      }
      if (count > bestCount) { best = [p, first]; bestCount = count; }
    });
    if (!best) return d.s || "";
    var text = best[0], from = Math.max(0, best[1] - 60), to = Math.min(text.length, best[1] + 180);
    if (from > 0) { var sp = text.indexOf(" ", from); if (sp >= 0 && sp < best[1]) from = sp + 1; }
    if (to < text.length) { var end = text.lastIndexOf(" ", to); if (end > best[1]) to = end; }
    return (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : "");
  }

  function href(u) {
    var h = root + u;
    if (location.protocol === "file:") h += "index.html";
    return h;
  }
  function item(n, d, query) {
    var re = highlighter(query);
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = href(d.u);
    marked(a, d.t, re);
    li.appendChild(a);
    var meta = document.createElement("span");
    meta.className = "kind-tag";
    var st = facet(n, 1);
    meta.textContent = manifest.kinds[facet(n, 0)] + (st >= 0 ? " · " + manifest.statuses[st] : "") + " · " + d.i;
    li.appendChild(document.createTextNode(" "));
    li.appendChild(meta);
    var p = document.createElement("p");
    p.className = "snippet";
    marked(p, snippet(d, re), re);
    li.appendChild(p);
    return li;
  }

  // Keyboard: arrows move between the box and the results, Enter in the box
  // (the form's submission) opens the first result.
  input.addEventListener("keydown", function (e) {
    var first = list.querySelector("a");
    if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
  });
  if (input.form) input.form.addEventListener("submit", function (e) {
    var first = list.querySelector("a");
    if (first) { e.preventDefault(); location.href = first.href; }
  });
  list.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === "ArrowDown" && i + 1 < links.length) links[i + 1].focus();
    if (e.key === "ArrowUp") (i > 0 ? links[i - 1] : input).focus();
  });
  if (more) more.addEventListener("click", function () { page(current); });

  var keys = document.getElementById("search-keys");
  if (keys) keys.hidden = false;
  status.textContent = "Loading the index…";
  load("index.js", function () {
    if (!manifest) { status.textContent = "The search index could not be loaded."; return; }
    var q = new URLSearchParams(location.search).get("q");
    if (q) input.value = q;
    input.addEventListener("input", run);
    run();
  });
})();
