/**
 * The page's script, inlined into every HTML file (no network, no library): pan and zoom, the
 * details panel of the selected node or edge (source link, properties, findings, neighbours),
 * search, and the list of findings. Plain ES2017, no build step.
 */
export const HTML_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var svg = document.querySelector('#canvas svg');
  var canvas = document.getElementById('canvas');
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  var nodes = {}, edges = {}, outgoing = {}, incoming = {};
  data.nodes.forEach(function (n) { nodes[n.id] = n; outgoing[n.id] = []; incoming[n.id] = []; });
  data.edges.forEach(function (e) {
    edges[e.id] = e;
    if (outgoing[e.from]) outgoing[e.from].push(e);
    if (incoming[e.to]) incoming[e.to].push(e);
  });
  var full = { w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
  var view = { x: 0, y: 0, scale: 1 };
  svg.removeAttribute('width');
  svg.removeAttribute('height');

  function apply() {
    var w = canvas.clientWidth / view.scale, h = canvas.clientHeight / view.scale;
    svg.setAttribute('viewBox', [view.x, view.y, w, h].join(' '));
    document.getElementById('zoom').textContent = Math.round(view.scale * 100) + '%';
  }
  function fit() {
    var scale = Math.min(canvas.clientWidth / full.w, canvas.clientHeight / full.h, 1);
    view.scale = scale;
    view.x = -(canvas.clientWidth / scale - full.w) / 2;
    view.y = -Math.max(0, canvas.clientHeight / scale - full.h) / 2;
    apply();
  }
  function zoomAt(factor, cx, cy) {
    var s = Math.max(0.1, Math.min(4, view.scale * factor));
    var px = view.x + cx / view.scale, py = view.y + cy / view.scale;
    view.scale = s;
    view.x = px - cx / s;
    view.y = py - cy / s;
    apply();
  }
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect();
    // The wheel (and a pinch) zooms at the pointer; Shift+wheel and sideways scrolling pan.
    var sideways = Math.abs(ev.deltaX) > Math.abs(ev.deltaY);
    if (ev.ctrlKey || (!ev.shiftKey && !sideways)) {
      zoomAt(Math.exp(-ev.deltaY / 400), ev.clientX - r.left, ev.clientY - r.top);
    } else {
      view.x += ev.deltaX / view.scale;
      view.y += ev.deltaY / view.scale;
      apply();
    }
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) {
      view.x = drag.vx - dx / view.scale;
      view.y = drag.vy - dy / view.scale;
      apply();
      canvas.classList.add('panning');
    }
  });
  window.addEventListener('pointerup', function (ev) {
    var d = drag;
    drag = null;
    canvas.classList.remove('panning');
    if (d && !d.moved && canvas.contains(ev.target)) click(ev.target);
  });

  function click(target) {
    var el = target.closest ? target.closest('[data-id]') : null;
    if (!el) { clearSelection(); return; }
    if (el.classList.contains('edge')) selectEdge(el.getAttribute('data-id'));
    else select(el.getAttribute('data-id'));
  }
  function elementsOf(id) {
    return Array.prototype.filter.call(svg.querySelectorAll('[data-id]'), function (el) { return el.getAttribute('data-id') === id; });
  }
  function boxOf(id) {
    var el = elementsOf(id)[0];
    return el && !el.classList.contains('edge') ? el : null;
  }
  function clearSelection() {
    svg.classList.remove('focused');
    Array.prototype.forEach.call(svg.querySelectorAll('.selected, .near'), function (el) { el.classList.remove('selected', 'near'); });
    panel.classList.remove('open');
    showOverview();
  }
  function mark(id, cls) {
    elementsOf(id).forEach(function (el) { el.classList.add(cls); });
    var n = nodes[id];
    if (n && n.parent) elementsOf(n.parent).forEach(function (el) { if (!el.classList.contains('edge')) el.classList.add('near'); });
  }
  function highlight(id) {
    svg.classList.add('focused');
    Array.prototype.forEach.call(svg.querySelectorAll('.selected, .near'), function (el) { el.classList.remove('selected', 'near'); });
    mark(id, 'selected');
    outgoing[id].concat(incoming[id]).forEach(function (e) {
      mark(e.id, 'near');
      mark(e.from === id ? e.to : e.from, 'near');
    });
  }
  function reveal(id) {
    var el = boxOf(id);
    if (!el || !el.getBBox) return;
    var b = el.getBBox(), m = el.getCTM(), root = svg.getCTM();
    if (!m || !root) return;
    var p = svg.createSVGPoint();
    p.x = b.x; p.y = b.y;
    var tl = p.matrixTransform(root.inverse().multiply(m));
    // The panel covers the right of the canvas: keep the node in the part left of it.
    var covered = panel.classList.contains('open') ? panel.offsetWidth : 0;
    var w = Math.max(100, canvas.clientWidth - covered) / view.scale, h = canvas.clientHeight / view.scale;
    if (tl.x < view.x || tl.y < view.y || tl.x + b.width > view.x + w || tl.y + b.height > view.y + h) {
      view.x = tl.x + b.width / 2 - w / 2;
      view.y = tl.y + b.height / 2 - h / 2;
      apply();
    }
  }
  function text(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }
  function sourceLink(source) {
    if (!source || !source.file) return '';
    var label = text(source.file + ':' + (source.line || 1));
    return source.href ? '<a class="source" href="' + text(source.href) + '">' + label + '</a>' : '<span class="source">' + label + '</span>';
  }
  function findingsHtml(list) {
    if (!list.length) return '';
    return '<h3>Findings</h3><ul class="findings">' + list.map(function (f) {
      return '<li class="' + f.severity + '"><b>' + f.severity + ' ' + text(f.ruleId) + '</b> <code>' + text(f.path || '(object)') + '</code> '
        + sourceLink(f) + '<div>' + text(f.message) + '</div></li>';
    }).join('') + '</ul>';
  }
  function nodeRef(id) {
    var n = nodes[id];
    if (!n) return text(id);
    var parent = n.parent && nodes[n.parent] ? nodes[n.parent].name + '/' : '';
    return '<a href="#" data-select="' + text(id) + '" class="ref' + (n.missing ? ' missing' : '') + '">' + text(n.kind + ' ' + parent + n.name) + '</a>';
  }
  function edgeLine(e, other) {
    return '<li' + (e.missing ? ' class="missing"' : '') + '><span class="edge-kind">' + text(e.kindText + (e.label ? ' (' + e.label + ')' : '')) + '</span> ' + nodeRef(other)
      + (e.missing && e.message ? '<div class="why">' + text(e.message) + '</div>' : '') + '</li>';
  }
  function select(id) {
    var n = nodes[id];
    if (!n) return;
    highlight(id);
    var html = '<div class="kind" style="color:' + n.color + '">' + text(n.kind) + (n.missing ? ' · missing from the manifests' : '') + '</div>'
      + '<h2>' + text(n.name) + '</h2>'
      + (n.parent && nodes[n.parent] ? '<div class="in">in ' + nodeRef(n.parent) + '</div>' : '')
      + (n.namespace ? '<div class="in">namespace ' + text(n.namespace) + '</div>' : '')
      + (n.source ? '<div class="in">' + sourceLink(n.source) + (n.source.path ? ' <code>' + text(n.source.path) + '</code>' : '') + '</div>' : '')
      + (n.roles.length ? '<div class="roles">' + n.roles.map(text).join(', ') + '</div>' : '')
      + (n.details.length ? '<ul class="details">' + n.details.map(function (d) { return '<li>' + text(d) + '</li>'; }).join('') + '</ul>' : '');
    if (n.properties.length) {
      html += '<table class="props">' + n.properties.map(function (p) { return '<tr><th>' + text(p[0]) + '</th><td>' + text(p[1]) + '</td></tr>'; }).join('') + '</table>';
    }
    html += findingsHtml(n.findings);
    var out = outgoing[id], inc = incoming[id];
    if (inc.length) html += '<h3>From</h3><ul class="links">' + inc.map(function (e) { return edgeLine(e, e.from); }).join('') + '</ul>';
    if (out.length) html += '<h3>To</h3><ul class="links">' + out.map(function (e) { return edgeLine(e, e.to); }).join('') + '</ul>';
    var parts = data.nodes.filter(function (c) { return c.parent === id; });
    if (parts.length) html += '<h3>Parts</h3><ul class="links">' + parts.map(function (c) { return '<li>' + nodeRef(c.id) + '</li>'; }).join('') + '</ul>';
    body.innerHTML = html;
    panel.classList.add('open');
    reveal(id);
    if (location.hash !== '#' + encodeURIComponent(id)) history.replaceState(null, '', '#' + encodeURIComponent(id));
  }
  function selectEdge(id) {
    var e = edges[id];
    if (!e) return;
    highlight(e.from);
    mark(id, 'selected');
    mark(e.to, 'selected');
    body.innerHTML = '<div class="kind">edge · ' + text(e.kindText) + (e.missing ? ' · missing reference' : '') + '</div>'
      + '<h2>' + (e.label ? text(e.label) : text(e.kindText)) + '</h2>'
      + '<div class="in">from ' + nodeRef(e.from) + '</div><div class="in">to ' + nodeRef(e.to) + '</div>'
      + (e.source ? '<div class="in">' + sourceLink(e.source) + ' <code>' + text(e.source.path) + '</code></div>' : '')
      + (e.message ? '<p class="why">' + text(e.message) + '</p>' : '')
      + findingsHtml(e.findings.filter(function (f) { return f.message !== e.message; }));
    panel.classList.add('open');
  }
  function showOverview() {
    var all = [];
    data.nodes.forEach(function (n) { n.findings.forEach(function (f) { all.push({ f: f, id: n.id }); }); });
    var seen = {};
    var list = all.filter(function (x) {
      var key = x.f.manifestIndex + '|' + x.f.path + '|' + x.f.ruleId + '|' + x.f.message;
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    list.sort(function (a, b) { return (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1); });
    var html = '<h2>Findings</h2>';
    if (!list.length && !data.otherFindings.length) html += '<p>No lint findings.</p>';
    html += '<ul class="findings">' + list.map(function (x) {
      return '<li class="' + x.f.severity + '"><b>' + x.f.severity + ' ' + text(x.f.ruleId) + '</b> ' + nodeRef(x.id) + ' ' + sourceLink(x.f)
        + '<div>' + text(x.f.message) + '</div></li>';
    }).join('') + '</ul>';
    if (data.otherFindings.length) html += '<h3>On objects not drawn</h3>' + findingsHtml(data.otherFindings).replace('<h3>Findings</h3>', '');
    body.innerHTML = html;
  }
  body.addEventListener('click', function (ev) {
    var a = ev.target.closest('[data-select]');
    if (!a) return;
    ev.preventDefault();
    select(a.getAttribute('data-select'));
  });
  document.getElementById('close').addEventListener('click', clearSelection);
  document.getElementById('show-findings').addEventListener('click', function () { clearSelection(); panel.classList.add('open'); });
  document.getElementById('fit').addEventListener('click', fit);
  document.getElementById('actual').addEventListener('click', function () { zoomAt(1 / view.scale, canvas.clientWidth / 2, canvas.clientHeight / 2); });
  var search = document.getElementById('search');
  function matches(q) {
    q = q.toLowerCase();
    return data.nodes.filter(function (n) { return q && (n.name.toLowerCase().indexOf(q) >= 0 || n.kind.toLowerCase() === q); });
  }
  search.addEventListener('input', function () {
    Array.prototype.forEach.call(svg.querySelectorAll('.match'), function (el) { el.classList.remove('match'); });
    matches(search.value).forEach(function (n) { elementsOf(n.id).forEach(function (el) { el.classList.add('match'); }); });
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      var found = matches(search.value)[0];
      if (found) select(found.id);
    }
  });
  window.addEventListener('keydown', function (ev) {
    if (ev.target === search) return;
    if (ev.key === 'Escape') clearSelection();
    if (ev.key === '0') fit();
    if (ev.key === '+' || ev.key === '=') zoomAt(1.2, canvas.clientWidth / 2, canvas.clientHeight / 2);
    if (ev.key === '-') zoomAt(1 / 1.2, canvas.clientWidth / 2, canvas.clientHeight / 2);
    if (ev.key === '/') { ev.preventDefault(); search.focus(); }
  });
  window.addEventListener('resize', apply);
  showOverview();
  fit();
  var initial = decodeURIComponent(location.hash.slice(1));
  if (initial && nodes[initial]) select(initial);
  document.body.setAttribute('data-ready', 'true');
})();
`;
