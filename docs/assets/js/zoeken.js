/* Search with Pagefind's JavaScript API and a small dialog of our own (overrides/partials/amw-search.html).
 *
 * Nothing search-related is fetched when a page loads: pagefind.js, its WebAssembly and the index
 * chunks load on the first query. Each result says what it is (Module, Programma, ...) and, for a
 * module the sources only name, its status; the snippet is the record's one-line summary with the
 * query marked. Ranking: Pagefind's score, then among the best hits a page whose title, a part of
 * its title or one of its own search terms is exactly the query comes first (in that order), and
 * among those programmes and described modules before modules the sources only name. Filters
 * come from the catalogue facets indexed with each page.
 *
 * The offline copy (file://, where Pagefind cannot fetch) searches Material's index instead, in
 * the same dialog, without filters: see loadOffline below.
 */
(function () {
  "use strict";

  var FILTERS = [["type", "Soort"], ["status", "Status"], ["functie", "Functie"],
                 ["prestatieveld", "Prestatieveld"], ["doelgroep", "Doelgroep"],
                 ["organisatie", "Organisatie"], ["gemeente", "Gemeente"]];
  var SHOWN = 10;       // results shown
  var RERANK = 20;      // best Pagefind hits whose summaries are loaded and re-ranked
  var KIND_ORDER = {"Programma": 0, "Module": 1};

  var dialog = document.getElementById("amw-search");
  var opener = document.querySelector(".amw-search-open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  var input = dialog.querySelector("#amw-search-input");
  var list = dialog.querySelector(".amw-search__results");
  var status = dialog.querySelector(".amw-search__status");
  var fieldset = dialog.querySelector(".amw-search__filters");
  var root = siteRoot();
  var loading = null, timer = null, seq = 0, selects = {};

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function load() {
    if (window.location.protocol === "file:") return loadOffline();
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({baseUrl: root.pathname}).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // --- the offline copy (file://): Pagefind cannot fetch there, so search Material's index ----------
  // (search/search_index.js, loaded as a script) with the same dialog, without filters.

  var FOLDERS = {modules: "Module", programmas: "Programma", doelgroepen: "Doelgroep", functies: "Functie",
                 wmo: "Wmo-veld", ketenpartners: "Ketenpartner", casussen: "Casus", bronnen: "Bron"};

  function loadOffline() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("search/search_index.js", root).href;
        script.onload = function () { resolve(offlineIndex(window.__index || {docs: []})); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function plain(text) {
    return String(text || "").replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
  }

  function fold(text) {
    return normal(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function offlineIndex(index) {
    var pages = {}, order = [];
    (index.docs || []).forEach(function (doc) {
      var path = doc.location.split("#")[0];
      if (!pages[path]) { pages[path] = {path: path, title: "", summary: "", text: ""}; order.push(path); }
      var page = pages[path];
      if (doc.location === path) { page.title = plain(doc.title); page.summary = plain(doc.text).slice(0, 220); }
      page.text += " " + fold(plain(doc.title)) + " " + fold(plain(doc.text));
    });
    order.forEach(function (path) { pages[path].folded = fold(pages[path].title); });
    function kindOf(path) {
      var parts = path.split("/");
      if (parts.length > 1 && FOLDERS[parts[0]]) return /index\.html$/.test(path) && parts.length === 2 ? "Overzicht" : FOLDERS[parts[0]];
      return "Artikel";
    }
    return {
      filters: function () { return Promise.resolve({}); },
      search: function (query) {
        var words = fold(query || "").split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
        var hits = [];
        order.forEach(function (path, i) {
          var page = pages[path], score = 0;
          for (var n = 0; n < words.length; n++) {
            var count = page.text.split(words[n]).length - 1;
            if (!count) return;
            score += Math.min(count, 5) + (page.folded.indexOf(words[n]) >= 0 ? 10 : 0);
          }
          if (page.folded === fold(query)) score += 50;
          hits.push({page: page, score: score, i: i});
        });
        hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
        return Promise.resolve({results: hits.map(function (hit) {
          var page = hit.page;
          return {data: function () {
            return Promise.resolve({url: new URL(page.path, root).href, excerpt: "",
                                    meta: {title: page.title || page.path, kind: kindOf(page.path), summary: page.summary}});
          }};
        })});
      }
    };
  }

  // --- the dialog ---------------------------------------------------------------------------------

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  dialog.querySelector("[data-amw-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();             // a click on the backdrop
    if (event.target.closest && event.target.closest("a[href]")) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    event.preventDefault();
    event.stopPropagation();
    open();
  }, true);

  input.addEventListener("input", schedule);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { focusResult(0); event.preventDefault(); }
    if (event.key === "Enter") { var first = list.querySelector("a"); if (first) first.click(); }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (event.key === "ArrowDown") { focusResult(i + 1); event.preventDefault(); }
    if (event.key === "ArrowUp") { if (i === 0) input.focus(); else focusResult(i - 1); event.preventDefault(); }
  });

  function focusResult(i) {
    var links = list.querySelectorAll("a");
    if (links.length) links[Math.min(i, links.length - 1)].focus();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  // --- filters ------------------------------------------------------------------------------------

  function buildFilters(available) {
    if (fieldset.dataset.built) return;
    fieldset.dataset.built = "1";
    FILTERS.forEach(function (pair) {
      var values = Object.keys(available[pair[0]] || {}).sort(function (a, b) { return a.localeCompare(b, "nl"); });
      if (!values.length) return;
      var id = "amw-search-f-" + pair[0];
      var wrap = document.createElement("div");
      wrap.className = "amw-search__filter";
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = pair[1];
      var select = document.createElement("select");
      select.id = id;
      select.name = pair[0];
      select.add(new Option("Alle", ""));
      values.forEach(function (v) { select.add(new Option(v, v)); });
      select.addEventListener("change", run);
      selects[pair[0]] = select;
      wrap.appendChild(label);
      wrap.appendChild(select);
      fieldset.appendChild(wrap);
    });
    fieldset.hidden = !Object.keys(selects).length;
  }

  function chosenFilters() {
    var chosen = {};
    Object.keys(selects).forEach(function (name) {
      if (selects[name].value) chosen[name] = selects[name].value;
    });
    return chosen;
  }

  // Only organisation pages name their gemeenten (a module offered everywhere would otherwise
  // carry them all). A gemeente therefore stands for the organisations whose pages name it;
  // null when no page can match.
  function pagefindFilters(pagefind, chosen) {
    if (!chosen.gemeente) return Promise.resolve(chosen);
    var gemeente = chosen.gemeente;
    return pagefind.search(null, {filters: {gemeente: gemeente}}).then(function (search) {
      return Promise.all(search.results.map(function (hit) { return hit.data(); }));
    }).then(function (pages) {
      var serving = [];
      pages.forEach(function (page) { serving = serving.concat((page.filters || {}).organisatie || []); });
      var filters = {};
      Object.keys(chosen).forEach(function (name) { if (name !== "gemeente") filters[name] = chosen[name]; });
      if (filters.organisatie) return serving.indexOf(filters.organisatie) < 0 ? null : filters;
      if (!serving.length) return null;
      filters.organisatie = {any: serving};
      return filters;
    });
  }

  // --- searching ----------------------------------------------------------------------------------

  function normal(text) {
    return String(text || "").toLocaleLowerCase("nl").replace(/\s+/g, " ").trim();
  }

  function exactness(query, meta) {
    var q = normal(query);
    if (normal(meta.title) === q) return 3;
    // A part of the title: "Bedrijfsarts en arbodienst", "Prestatieveld 7: Maatschappelijke opvang".
    var parts = normal(meta.title).split(/\s+en\s+|[:(),\/]/).map(normal);
    if (parts.indexOf(q) >= 0) return 2;
    var terms = (meta.terms || "").split("|").map(normal);
    return terms.indexOf(q) >= 0 ? 1 : 0;
  }

  function rank(meta) {
    if (meta.kind in KIND_ORDER) return meta.status && meta.status !== "Beschreven" ? 3 : KIND_ORDER[meta.kind];
    return 2;
  }

  function run() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var mine = ++seq;
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      list.dataset.query = "";
      status.textContent = "";
      return;
    }
    load().then(function (pagefind) {
      return pagefind.filters().then(function (available) {
        buildFilters(available);
        return pagefindFilters(pagefind, chosenFilters());
      }).then(function (filters) {
        // null: no page can match (the chosen organisation does not work in the chosen gemeente)
        return filters ? pagefind.search(query || null, {filters: filters}) : {results: []};
      }).then(function (search) {
        if (mine !== seq) return null;
        var hits = search.results;
        // Without a query there is nothing to re-rank: load only the results shown.
        return Promise.all(hits.slice(0, query ? RERANK : SHOWN).map(function (hit) { return hit.data(); }))
          .then(function (pages) { return {total: hits.length, hits: hits, pages: pages}; });
      });
    }).then(function (found) {
      if (!found || mine !== seq) return;
      var rows = found.pages.map(function (page, i) {
        return {page: page, exact: query ? exactness(query, page.meta) : 0, rank: rank(page.meta), order: i};
      });
      rows.sort(function (a, b) {
        if (a.exact !== b.exact) return b.exact - a.exact;
        if (a.exact > 0 && a.rank !== b.rank) return a.rank - b.rank;
        return a.order - b.order;
      });
      render(rows.slice(0, SHOWN).map(function (r) { return r.page; }), found.total, query);
    }).catch(function () {
      if (mine !== seq) return;
      list.replaceChildren();
      status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
    });
  }

  // --- results ------------------------------------------------------------------------------------

  function stems(query) {
    return normal(query).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; })
      .map(function (w) { return w.length > 5 ? w.slice(0, w.length - 2) : w; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
  }

  function marked(text, query) {
    var fragment = document.createDocumentFragment();
    var words = stems(query);
    if (!words.length) { fragment.append(text); return fragment; }
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}])((?:" + words.join("|") + ")[\\p{L}\\p{N}]*)", "giu");
    var last = 0, match;
    while ((match = pattern.exec(text))) {
      var start = match.index + match[1].length;
      fragment.append(text.slice(last, start));
      var mark = document.createElement("mark");
      mark.textContent = match[2];
      fragment.append(mark);
      last = start + match[2].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  function render(pages, total, query) {
    list.replaceChildren();
    list.dataset.query = query;  // which query the list shows (tests wait for it)
    pages.forEach(function (page) {
      var meta = page.meta || {};
      var item = document.createElement("li");
      item.className = "amw-search__result";
      var link = document.createElement("a");
      link.href = page.url;
      var head = document.createElement("span");
      head.className = "amw-search__head";
      var kind = document.createElement("span");
      kind.className = "amw-search__kind";
      kind.textContent = meta.kind || "Pagina";
      head.append(kind);
      if (meta.status && meta.status !== "Beschreven") {
        var state = document.createElement("span");
        state.className = "amw-search__state";
        state.textContent = meta.status.toLocaleLowerCase("nl");
        head.append(" ", state);
      }
      var title = document.createElement("span");
      title.className = "amw-search__name";
      title.textContent = meta.title || page.url;
      var summary = document.createElement("span");
      summary.className = "amw-search__summary";
      if (meta.summary) summary.append(marked(meta.summary, query));
      else summary.innerHTML = page.excerpt;  // Pagefind's excerpt: escaped text with <mark>
      link.append(head, title, summary);
      item.append(link);
      list.append(item);
    });
    status.textContent = total === 0 ? "Geen resultaten." :
      total === 1 ? "1 resultaat." :
      total > SHOWN ? total + " resultaten; de beste " + SHOWN + " staan hieronder." : total + " resultaten.";
  }
})();
