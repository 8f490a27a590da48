// archfolio default theme: the light/dark switch. Loaded in <head>, before the
// page is drawn, so that a reader's stored choice applies with no flash of the
// other theme. Without a stored choice (or without JavaScript) the system's
// preference decides, through the stylesheet alone.
(function () {
  "use strict";
  var root = document.documentElement, key = "archfolio-theme";
  var system = window.matchMedia("(prefers-color-scheme: dark)");
  // The stylesheet knows that scripts run: site.js will give each wide table
  // its scroll box (without scripts, the table scrolls inside itself).
  root.classList.add("js");

  try {
    var stored = localStorage.getItem(key);
    if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);
  } catch (e) { /* storage refused (privacy settings): the system decides */ }

  // The theme in force: the reader's choice, else the system's.
  function current() {
    return root.getAttribute("data-theme") || (system.matches ? "dark" : "light");
  }
  function changed() {
    document.dispatchEvent(new CustomEvent("archfolio:theme", { detail: current() }));
  }
  window.archfolioTheme = current;

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() { button.setAttribute("aria-pressed", current() === "dark" ? "true" : "false"); }
    show();
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(key, next); } catch (e) { /* kept for this page only */ }
      show();
      changed();
    });
    system.addEventListener("change", function () {
      if (root.getAttribute("data-theme")) return;
      show();
      changed();
    });
  });
})();
