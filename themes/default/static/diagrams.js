// archfolio default theme: draws fenced mermaid blocks (pre.mermaid, whose text
// is the diagram's source) with the mermaid library embedded in the theme
// (assets/vendor/mermaid/). Only pages with such a block load this script and
// mermaid. A block mermaid cannot draw keeps its source on show, with mermaid's
// error above it; without JavaScript the source is all there is.
(function () {
  "use strict";
  var blocks = Array.prototype.slice.call(document.querySelectorAll("pre.mermaid"));
  if (!blocks.length || !window.mermaid) return;
  var sources = blocks.map(function (pre) { return pre.textContent; });
  var drawn = blocks.map(function (pre) {
    var out = document.createElement("div");
    out.className = "mermaid-diagram";
    pre.parentNode.insertBefore(out, pre);
    return out;
  });
  var run = 0;

  function theme() {
    return window.archfolioTheme ? window.archfolioTheme() :
      (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }

  // showError puts mermaid's message above the block's source.
  function showError(i, err) {
    var box = drawn[i];
    box.className = "mermaid-error";
    box.setAttribute("role", "note");
    var p = document.createElement("p");
    p.textContent = "This diagram could not be drawn; its source is below. Mermaid says:";
    var msg = document.createElement("pre");
    msg.textContent = String((err && err.message) || err);
    box.replaceChildren(p, msg);
    blocks[i].hidden = false;
  }

  // keepReadable stops a drawing from shrinking, on a narrow screen, below
  // the width at which its text is 11 px: its box scrolls sideways instead,
  // as a region keyboard users can reach and scroll.
  function keepReadable(box) {
    var svg = box.querySelector("svg"), text = box.querySelector("svg text, svg foreignObject *");
    var vb = svg && svg.viewBox && svg.viewBox.baseVal;
    if (!text || !vb || !vb.width) return;
    var size = parseFloat(getComputedStyle(text).fontSize);
    if (size > 11) box.style.setProperty("--readable-width", Math.ceil(vb.width * 11 / size) + "px");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Diagram (scroll sideways to see all of it)");
  }

  // draw renders every block in the theme in force; a later call (the reader
  // switched themes) makes the results of an earlier one void.
  function draw() {
    var me = ++run;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict",
      theme: theme() === "dark" ? "dark" : "default" });
    blocks.reduce(function (done, pre, i) {
      return done.then(function () {
        return window.mermaid.parse(sources[i]).then(function () {
          return window.mermaid.render("diagram-" + me + "-" + i, sources[i]);
        }).then(function (result) {
          if (me !== run) return;
          drawn[i].className = "mermaid-diagram";
          drawn[i].removeAttribute("role");
          drawn[i].innerHTML = result.svg; // mermaid's own SVG, sanitised at securityLevel strict
          keepReadable(drawn[i]);
          pre.hidden = true;
        }, function (err) {
          if (me === run) showError(i, err);
        });
      });
    }, Promise.resolve());
  }

  draw();
  document.addEventListener("archfolio:theme", draw);
})();
