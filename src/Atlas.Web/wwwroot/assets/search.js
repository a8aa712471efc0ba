// The search of a static export of the atlas, in the browser: the search forms go to this language's search page,
// which answers from /search/index-LANG.json (names, aliases and facts, folded as the atlas folds them). Without
// JavaScript the forms go where the page says: the live atlas, when the export was given one. No HTML is built from
// text: results are made with textContent only.
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'fr';
  var page = '/' + lang + '/search';
  var forms = document.querySelectorAll('form[role=search]');
  for (var i = 0; i < forms.length; i++) forms[i].setAttribute('action', page);
  if (location.pathname !== page) return;
  var query = new URLSearchParams(location.search).get('q');
  if (!query) return;

  function fold(text) {
    return text.replace(/[\u2019\u2018\u02bc`]/g, "'").normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/\u0153/g, 'o').replace(/\u00e6/g, 'a').replace(/\u00df/g, 's');
  }
  var words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  var inputs = document.querySelectorAll('input[name=q]');
  for (var j = 0; j < inputs.length; j++) inputs[j].value = query;

  function matches(tokens, word) {
    for (var k = 0; k < tokens.length; k++) if (tokens[k].lastIndexOf(word, 0) === 0) return true;
    return false;
  }

  fetch('/search/index-' + lang + '.json').then(function (r) { return r.json(); }).then(function (index) {
    var folded = words.join(' ');
    var hits = [];
    index.entries.forEach(function (e, order) {
      var names = e.n.split(' '), facts = e.f.split(' '), score = 0;
      if (words.every(function (w) { return matches(names, w); })) score = (e.n + ' ').indexOf(folded + ' ') >= 0 ? 3 : 2;
      else if (words.every(function (w) { return matches(names, w) || matches(facts, w); })) score = 1;
      if (score > 0) hits.push({ e: e, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var section = document.createElement('section');
    section.setAttribute('aria-live', 'polite');
    var title = document.createElement('h2');
    title.textContent = '\u00ab ' + query + ' \u00bb \u2014 ' + hits.length;
    section.appendChild(title);
    var list = document.createElement('ol');
    list.className = 'results';
    hits.slice(0, 50).forEach(function (h) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = h.e.u;
      var strong = document.createElement('strong');
      strong.textContent = h.e.l;
      link.appendChild(strong);
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = ' ' + h.e.k;
      item.appendChild(link);
      item.appendChild(kind);
      list.appendChild(item);
    });
    section.appendChild(list);
    document.getElementById('main').appendChild(section);
  });
})();
