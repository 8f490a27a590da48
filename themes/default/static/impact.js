// The complete list of an impact page's dependents. The page lists the ones
// most at stake; on request this script loads the dependency graph
// (dependencies/edges.js, by a script element, which works from disk too),
// walks it breadth-first from the blueprint against the direction of its
// dependencies, as `archfolio impact` does, and lists every dependent in the
// page's order: criticality, open critical risks, shortest path, id.
(function () {
  "use strict";
  var box = document.querySelector("[data-all-dependents]");
  if (!box) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var root = box.getAttribute("data-root");
  var ID = 0, TITLE = 1, URL = 2, CRIT = 3, LIFE = 4, OWNER = 5, RISKS = 6, RANK = 7, CYCLE = 8;

  function humanize(s) {
    if (!s) return "";
    s = s.replace(/-/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  function cell(tr, text, cls) {
    var td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }
  // Opened from disk, a folder has no index: link its index.html, as site.js does.
  var index = location.protocol === "file:" ? "index.html" : "";
  function link(td, node) {
    var a = document.createElement("a");
    a.setAttribute("href", root + node[URL] + (/\/$/.test(node[URL]) ? index : ""));
    a.textContent = node[TITLE];
    td.appendChild(a);
  }
  // dependents walks the graph from the node with the id: each dependent with
  // its shortest path length and the node it depends on the start through.
  function dependents(graph, id) {
    var nodes = graph.nodes, edges = graph.edges, n = nodes.length, start = -1, i;
    var users = [];
    for (i = 0; i < n; i++) {
      users.push([]);
      if (nodes[i][ID] === id) start = i;
    }
    if (start < 0) return [];
    for (i = 0; i < edges.length; i += 2) users[edges[i + 1]].push(edges[i]);
    var depth = new Int32Array(n).fill(-1), via = new Int32Array(n).fill(-1);
    depth[start] = 0;
    var queue = [start], out = [];
    for (var q = 0; q < queue.length; q++) {
      var v = queue[q];
      users[v].forEach(function (w) {
        if (depth[w] >= 0) return;
        depth[w] = depth[v] + 1;
        via[w] = v;
        queue.push(w);
        out.push({ node: nodes[w], depth: depth[w], via: depth[w] > 1 ? nodes[v] : null });
      });
    }
    out.sort(function (a, b) {
      return (b.node[RANK] - a.node[RANK]) || (b.node[RISKS] - a.node[RISKS]) || (a.depth - b.depth) ||
        (a.node[ID] < b.node[ID] ? -1 : a.node[ID] > b.node[ID] ? 1 : 0);
    });
    return out;
  }
  function show() {
    var graph = window.archfolioEdges;
    if (!graph) {
      status.textContent = "The dependency graph did not load.";
      button.disabled = false;
      return;
    }
    var list = dependents(graph, box.getAttribute("data-id"));
    var table = document.createElement("table");
    table.className = "data all-dependents-table";
    table.createTHead().innerHTML = "<tr><th scope=\"col\">Blueprint</th><th scope=\"col\" class=\"num\">Path length</th><th scope=\"col\">Criticality</th><th scope=\"col\">Lifecycle</th><th scope=\"col\">Owner</th><th scope=\"col\" class=\"num\">Open critical risks</th><th scope=\"col\">Through</th></tr>";
    var body = table.createTBody();
    list.forEach(function (e) {
      var tr = body.insertRow();
      tr.setAttribute("data-id", e.node[ID]);
      link(cell(tr, ""), e.node);
      cell(tr, String(e.depth), "num");
      cell(tr, humanize(e.node[CRIT]));
      cell(tr, humanize(e.node[LIFE]));
      cell(tr, e.node[OWNER]);
      cell(tr, String(e.node[RISKS]), "num");
      var through = cell(tr, e.via ? "" : "directly", "impact-path");
      if (e.via) link(through, e.via);
      if (e.node[CYCLE]) through.appendChild(document.createTextNode(" ↺ in a cycle"));
    });
    var scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.appendChild(table);
    box.appendChild(scroll);
    status.textContent = list.length + " blueprints depend on it, directly or through others.";
    button.hidden = true;
  }
  button.addEventListener("click", function () {
    button.disabled = true;
    if (window.archfolioEdges) return show();
    status.textContent = "Loading the dependency graph…";
    var script = document.createElement("script");
    script.src = box.getAttribute("data-edges");
    script.onload = show;
    script.onerror = function () {
      status.textContent = "Could not load " + box.getAttribute("data-edges") + ".";
      button.disabled = false;
    };
    document.head.appendChild(script);
  });
})();
