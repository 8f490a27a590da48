// archfolio default theme: pan and zoom for the inline SVG dependency maps. Without
// this script each map is a plain scrollable picture; with it, a toolbar zooms,
// dragging pans, Ctrl/⌘ + wheel zooms at the pointer, and +, -, 0 and the arrow
// keys work while the map has focus. A map opens at its actual size; Fit shows
// all of it at once. Nothing is loaded from elsewhere.
(function () {
  "use strict";
  var frames = document.querySelectorAll("[data-panzoom]");
  Array.prototype.forEach.call(frames, function (frame) {
    if (frame.getAttribute("data-panzoom-on")) return;
    var box = frame.querySelector(".depmap-scroll");
    var svg = box && box.querySelector("svg");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
    frame.setAttribute("data-panzoom-on", "1");
    var full = { x: 0, y: 0, w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
    if (!full.w || !full.h) return;
    var view = { x: 0, y: 0, w: full.w, h: full.h };

    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return Math.round(n * 10) / 10; }).join(" "));
    }
    function fit() {
      var width = box.clientWidth || full.w;
      var height = Math.min(full.h * width / full.w, window.innerHeight * 0.75);
      svg.setAttribute("width", "100%");
      svg.setAttribute("height", Math.max(height, 200));
      var aspect = width / Math.max(height, 200);
      view.w = Math.max(full.w, full.h * aspect);
      view.h = view.w / aspect;
      view.x = (full.w - view.w) / 2;
      view.y = (full.h - view.h) / 2;
      apply();
    }
    // actual draws the map at its own size, one SVG unit a CSS pixel, so that its
    // text reads at the size it was written (never under 11 px): as wide as the
    // map or the frame and as tall as the map or three quarters of the window,
    // the rest reached by dragging, the arrow keys or the frame's scroll bars.
    function actual() {
      var width = Math.min(full.w, box.clientWidth || full.w);
      var height = Math.min(full.h, Math.max(window.innerHeight * 0.75, 200));
      svg.setAttribute("width", width);
      svg.setAttribute("height", height);
      view = { x: 0, y: 0, w: width, h: height };
      apply();
    }
    function zoom(factor, cx, cy) {
      var w = Math.min(Math.max(view.w * factor, full.w / 20), full.w * 4);
      var f = w / view.w;
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      view.x = cx - (cx - view.x) * f;
      view.y = cy - (cy - view.y) * f;
      view.w *= f;
      view.h *= f;
      apply();
    }
    function pan(dx, dy) { view.x += dx; view.y += dy; apply(); }
    function toSVG(evt) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (evt.clientX - r.left) * view.w / r.width, y: view.y + (evt.clientY - r.top) * view.h / r.height };
    }

    var bar = document.createElement("div");
    bar.className = "pz-toolbar";
    [["Zoom in", function () { zoom(1 / 1.4); }], ["Zoom out", function () { zoom(1.4); }],
     ["Fit", fit], ["Actual size", actual]
    ].forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b[0];
      btn.addEventListener("click", b[1]);
      bar.appendChild(btn);
    });
    frame.insertBefore(bar, frame.firstChild);
    frame.classList.add("pz-on");

    box.addEventListener("wheel", function (evt) {
      if (!evt.ctrlKey && !evt.metaKey) return; // a plain wheel scrolls the page
      evt.preventDefault();
      var p = toSVG(evt);
      zoom(evt.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }, { passive: false });

    var drag = null, moved = false;
    box.addEventListener("pointerdown", function (evt) {
      if (evt.button !== 0) return;
      drag = { x: evt.clientX, y: evt.clientY };
      moved = false;
    });
    box.addEventListener("pointermove", function (evt) {
      if (!drag) return;
      var dx = evt.clientX - drag.x, dy = evt.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 5) return;
      if (!moved) { box.setPointerCapture(evt.pointerId); box.classList.add("pz-dragging"); }
      moved = true;
      var r = svg.getBoundingClientRect();
      pan(-dx * view.w / r.width, -dy * view.h / r.height);
      drag = { x: evt.clientX, y: evt.clientY };
    });
    function end() { drag = null; box.classList.remove("pz-dragging"); }
    box.addEventListener("pointerup", end);
    box.addEventListener("pointercancel", end);
    // A drag must not follow the link it started on.
    box.addEventListener("click", function (evt) {
      if (moved) { evt.preventDefault(); moved = false; }
    }, true);

    box.addEventListener("keydown", function (evt) {
      if (evt.target !== box) return;
      var step = view.w / 10, keys = {
        "+": function () { zoom(1 / 1.4); }, "=": function () { zoom(1 / 1.4); }, "-": function () { zoom(1.4); }, "0": actual,
        ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
        ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); }
      };
      if (keys[evt.key]) { evt.preventDefault(); keys[evt.key](); }
    });
    actual();
    // Paper shows the whole map, whatever part of it the screen showed.
    window.addEventListener("beforeprint", function () {
      svg.setAttribute("viewBox", [0, 0, full.w, full.h].join(" "));
    });
    window.addEventListener("afterprint", function () { apply(); });
  });
})();
