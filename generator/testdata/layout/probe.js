// probe measures the laid-out page for TestLayoutOfTheSampleSite and returns
// every defect it finds as a sentence. print is true under emulated print
// media, where pageWidth and pageHeight are the printable area in CSS px.
(function (print, pageWidth, pageHeight) {
  var problems = [];
  function say(s) { problems.push(s); }
  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    var cls = el.getAttribute("class");
    if (cls) s += "." + cls.trim().split(/\s+/).join(".");
    var label = el.getAttribute("aria-label") || (el.querySelector("caption") || {}).textContent || "";
    if (label) s += " (" + label.trim().slice(0, 40) + ")";
    return s;
  }
  function shown(el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  }
  function clips(st, axis) {
    var v = axis === "x" ? st.overflowX : st.overflowY;
    return v !== "visible";
  }
  // visibleBox is el's box cut to what its clipping ancestors show.
  function visibleBox(el) {
    var r = el.getBoundingClientRect();
    var b = {l: r.left, t: r.top, r: r.right, b: r.bottom};
    for (var a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      var st = getComputedStyle(a), ar = a.getBoundingClientRect();
      if (clips(st, "x")) { b.l = Math.max(b.l, ar.left); b.r = Math.min(b.r, ar.right); }
      if (clips(st, "y")) { b.t = Math.max(b.t, ar.top); b.b = Math.min(b.b, ar.bottom); }
    }
    return b;
  }
  var round = Math.round;

  // The page is never wider than the viewport (or the printable width).
  var de = document.documentElement;
  var width = Math.max(de.scrollWidth, document.body.scrollWidth);
  if (width > de.clientWidth + 1) say("the page is " + width + " px wide in a " + de.clientWidth + " px " + (print ? "printable width" : "viewport"));

  // No id repeats.
  var seen = {};
  Array.prototype.forEach.call(document.querySelectorAll("[id]"), function (el) {
    if (seen[el.id] === 1) say("id " + JSON.stringify(el.id) + " repeats");
    seen[el.id] = (seen[el.id] || 0) + 1;
  });

  // No two table or figure boxes overlap (as far as each is shown).
  var boxes = Array.prototype.filter.call(document.querySelectorAll("table, figure"), shown);
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.contains(b) || b.contains(a)) continue;
      var p = visibleBox(a), q = visibleBox(b);
      var w = Math.min(p.r, q.r) - Math.max(p.l, q.l), h = Math.min(p.b, q.b) - Math.max(p.t, q.t);
      if (w > 1 && h > 1) say(describe(a) + " and " + describe(b) + " overlap by " + round(w) + "×" + round(h) + " px");
    }
  }

  // No text is cut: a box that hides its overflow holds all its text.
  Array.prototype.forEach.call(document.querySelectorAll("main *"), function (el) {
    var st = getComputedStyle(el);
    if (el.closest(".visually-hidden") || !shown(el) || !el.textContent.trim()) return;
    var cutX = (st.overflowX === "hidden" || st.overflowX === "clip") && el.scrollWidth > el.clientWidth + 1;
    var cutY = (st.overflowY === "hidden" || st.overflowY === "clip") && el.scrollHeight > el.clientHeight + 1;
    if (cutX || cutY) say(describe(el) + " cuts its text " + JSON.stringify(el.textContent.trim().slice(0, 40)));
  });

  // What scrolls sideways is a named region keyboard users can reach, and
  // what stays frozen at its left edge leaves most of it to scroll.
  Array.prototype.forEach.call(document.querySelectorAll("body *"), function (el) {
    var st = getComputedStyle(el);
    if (!(st.overflowX === "auto" || st.overflowX === "scroll") || el.scrollWidth <= el.clientWidth + 1) return;
    if (el.tabIndex < 0 || el.getAttribute("role") !== "region" || !(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")))
      say(describe(el) + " scrolls sideways but is not a focusable, labelled region");
    var frozen = 0;
    Array.prototype.forEach.call(el.querySelectorAll("tr:first-child > *, tr:last-child > *"), function (c) {
      var cs = getComputedStyle(c);
      if (cs.position === "sticky" && cs.left !== "auto") frozen = Math.max(frozen, c.getBoundingClientRect().width);
    });
    if (frozen > el.clientWidth * 0.45) say(describe(el) + ": frozen columns take " + round(frozen) + " of " + el.clientWidth + " px");
  });

  // A drawing's text stays readable: never drawn under 8 px.
  Array.prototype.forEach.call(document.querySelectorAll("main svg"), function (svg) {
    var m = svg.getScreenCTM(), text = svg.querySelector("text");
    if (!m || !text || !shown(svg)) return;
    var px = parseFloat(getComputedStyle(text).fontSize) * Math.abs(m.a);
    if (px < 8) say(describe(svg) + " draws its text at " + px.toFixed(1) + " px");
  });

  if (print) {
    // On paper: no navigation or sidebar before the document, nothing wider
    // than the printable width, nothing unbreakable taller than a page.
    Array.prototype.forEach.call(document.querySelectorAll(".site-header nav, .quick-search, .doc-side, .toc"), function (el) {
      if (shown(el) && !(el.classList.contains("doc-side") && el.querySelector(".metadata") && isAfterMain(el)))
        say(describe(el) + " is printed before the document");
    });
    Array.prototype.forEach.call(document.querySelectorAll("table, figure, svg, img, pre"), function (el) {
      if (!shown(el)) return;
      var r = el.getBoundingClientRect();
      if (r.right > pageWidth + 1) say(describe(el) + " ends at " + round(r.right) + " px, past the printable width " + pageWidth);
      var st = getComputedStyle(el);
      var whole = el.tagName === "svg" || el.tagName === "IMG" || st.breakInside === "avoid" || st.breakInside === "avoid-page";
      if (whole && r.height > pageHeight) say(describe(el) + " cannot break and is " + round(r.height) + " px tall, taller than a page (" + pageHeight + ")");
      var top = r.top + window.scrollY;
      if (whole && top < pageHeight && top + r.height > pageHeight && top < pageHeight / 3)
        say(describe(el) + " cannot break and does not fit below what comes before it: page 1 would hold little but that");
    });
    Array.prototype.forEach.call(document.querySelectorAll("main h1, main h2, main h3, main h4"), function (h) {
      var st = getComputedStyle(h);
      if (shown(h) && st.breakAfter !== "avoid" && st.breakAfter !== "avoid-page") say(describe(h) + " may be left alone at the foot of a page");
    });
  }
  function isAfterMain(side) {
    var main = side.parentElement.querySelector(".doc-main");
    return main && main.getBoundingClientRect().top < side.getBoundingClientRect().top;
  }
  return problems;
})
