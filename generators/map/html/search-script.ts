/**
 * The search box's script, inlined into every page: filters the inlined
 * index (no fetch, so the site works from `file://`) and builds results with
 * DOM text nodes only (never innerHTML), so contract text cannot inject markup.
 */
export const SEARCH_SCRIPT = `(function () {
  var data = document.getElementById('search-index');
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  if (!data || !input || !list) return;
  var root = data.getAttribute('data-root') || './';
  var index = JSON.parse(data.textContent || '[]');
  function show() {
    var q = input.value.trim().toLowerCase();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) { list.hidden = true; return; }
    var words = q.split(/\\s+/);
    var hits = index.filter(function (e) {
      var text = (e.title + ' ' + e.kind + ' ' + e.terms).toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    }).slice(0, 30);
    hits.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.path;
      a.textContent = e.title;
      var k = document.createElement('span');
      k.className = 'kind';
      k.textContent = e.kind;
      li.appendChild(k);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'No match';
      list.appendChild(none);
    }
    list.hidden = false;
  }
  input.addEventListener('input', show);
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; show(); }
})();`;
