/* Modules vergelijken: two to four modules side by side, field by field, in one table with the
 * field names as row headers. Progressive enhancement of /vergelijken/?modules=a,b,c.
 * Data as scripts (data/trajectbouwer.js for names and search, data/vergelijken.js for the
 * fields), so the offline build works from disk too. */
(function () {
  "use strict";

  var MAX = 4, MAX_RESULTS = 12;
  var LISTS = ["functions", "target_groups", "partners"];  // fields where shared items are marked

  var dom = window.AMW_DOM, load = dom.load, el = dom.el, fold = dom.fold;  // assets/js/dom.js

  function init() {
    var app = document.getElementById("amw-compare");
    if (!app || app.dataset.ready) return;
    app.dataset.ready = "1";
    Promise.all([window.AMW_TRAJECT ? null : load(app.dataset.src),
                 window.AMW_VERGELIJKEN ? null : load(app.dataset.fields)])
      .then(function () { start(app, window.AMW_TRAJECT, window.AMW_VERGELIJKEN); })
      .catch(function () { /* keep the explanation the page already shows */ });
  }

  function start(app, index, data) {
    var root = app.dataset.root;
    var $ = function (id) { return document.getElementById(id); };
    var byId = {}, functions = {}, groups = {};
    index.modules.forEach(function (m) { byId[m.id] = m; });
    index.functions.forEach(function (f) { functions[f.id] = f; });
    index.groups.forEach(function (g) { groups[g.id] = g; });
    var haystack = {};
    index.modules.forEach(function (m) {
      haystack[m.id] = fold([m.name].concat(
        m.functions.map(function (f) { return functions[f].name; }),
        m.groups.map(function (g) { return groups[g] ? groups[g].name : g; })).join(" | "));
    });

    var chosen = [];
    var match = /[?&]modules=([^&#]*)/.exec(window.location.search);
    if (match) {
      match[1].split(/,|%2C|\+|%2B/i).forEach(function (id) {
        try { id = decodeURIComponent(id); } catch (e) { return; }
        if (byId[id] && data.modules[id] && chosen.indexOf(id) < 0 && chosen.length < MAX) chosen.push(id);
      });
    }

    var search = $("cmp-search"), results = $("cmp-results"), count = $("cmp-count");

    function renderChosen() {
      var list = $("cmp-chosen");
      list.textContent = "";
      chosen.forEach(function (id) {
        list.appendChild(el("li", {}, [
          el("a", { href: root + byId[id].url, text: byId[id].name }), " ",
          el("button", { type: "button", className: "amw-tb__btn", "data-remove": id }, ["Haal weg: " + byId[id].name])]));
      });
      var n = chosen.length;
      $("cmp-chosen-text").textContent = n === 0 ? "Kies twee tot vier modules." :
        n === 1 ? "Je hebt één module gekozen; kies er nog minstens één." :
        n < MAX ? "Je hebt " + n + " modules gekozen; je kunt er nog " + (MAX - n) + " bij zetten." :
        "Je hebt vier modules gekozen, het maximum. Haal er een weg om een andere te kiezen.";
    }

    function cell(field, value, shared) {
      var td = el("td");
      if (!value || (Array.isArray(value) && !value.length)) {
        td.appendChild(el("span", { className: "amw-compare__none", text: "Niet beschreven" }));
      } else if (LISTS.indexOf(field) >= 0) {
        td.appendChild(el("ul", {}, value.map(function (item) {
          return el("li", {}, [shared.indexOf(item) >= 0 ? item
            : el("strong", { className: "amw-compare__diff" }, [el("span", { "aria-hidden": "true", text: "≠ " }), item])]);
        })));
      } else if (Array.isArray(value) && field === "duration") {
        value.forEach(function (line) { td.appendChild(el("p", { text: line })); });
      } else if (Array.isArray(value)) {
        td.appendChild(el("ul", {}, value.map(function (item) { return el("li", { text: item }); })));
      } else {
        td.appendChild(el("p", { text: value }));
      }
      return td;
    }

    function renderTable() {
      var wrap = $("cmp-table");
      wrap.textContent = "";
      if (!chosen.length) {
        wrap.appendChild(el("p", { text: "Nog geen modules gekozen." }));
        return;
      }
      var names = chosen.map(function (id) { return byId[id].name; });
      var caption = names.length > 1 ? "Vergelijking van " + names.slice(0, -1).join(", ") + " en " + names[names.length - 1]
        : names[0] + ": kies nog een module om te vergelijken";
      var head = el("tr", {}, [el("th", { scope: "col", text: "Veld" })].concat(chosen.map(function (id) {
        return el("th", { scope: "col" }, [el("a", { href: root + byId[id].url, text: byId[id].name })]);
      })));
      var body = el("tbody");
      data.fields.forEach(function (pair) {
        var field = pair[0], label = pair[1];
        var values = chosen.map(function (id) { return data.modules[id][field]; });
        var same = chosen.length > 1 && values.every(function (v) { return JSON.stringify(v) === JSON.stringify(values[0]); });
        var shared = LISTS.indexOf(field) >= 0 ? values[0].filter(function (item) {
          return values.every(function (v) { return v.indexOf(item) >= 0; });
        }) : [];
        var th = el("th", { scope: "row" }, [label, same ? el("span", { className: "amw-compare__same", text: " (gelijk)" }) : null]);
        body.appendChild(el("tr", { className: same ? "amw-compare__row--same" : null, "data-field": field },
                            [th].concat(values.map(function (v) { return cell(field, v, shared); }))));
      });
      wrap.appendChild(el("table", { className: "amw-compare__table" }, [
        el("caption", { text: caption }), el("thead", {}, [head]), body]));
    }

    function renderResults() {
      var words = fold(search.value.trim()).split(/\s+/).filter(Boolean);
      var found = index.modules.filter(function (m) {
        return data.modules[m.id] && words.every(function (w) { return haystack[m.id].indexOf(w) >= 0; });
      });
      results.textContent = "";
      var full = chosen.length >= MAX;
      found.slice(0, MAX_RESULTS).forEach(function (m) {
        var taken = chosen.indexOf(m.id) >= 0;
        results.appendChild(el("li", {}, [
          el("button", { type: "button", className: "md-button amw-tb__pick", "data-add": m.id,
                         disabled: taken || full ? "" : null }, [(taken ? "Gekozen: " : "Zet erbij: ") + m.name]),
          " ", el("span", { className: "amw-tb__meta", text: m.functions.map(function (f) { return functions[f].name; }).join(", ") })]));
      });
      var n = found.length;
      count.textContent = (n === 1 ? "1 module gevonden" : n + " modules gevonden") +
        (n > MAX_RESULTS ? "; de eerste " + MAX_RESULTS + " staan hieronder, typ verder om te verfijnen." : ".");
    }

    function render() {
      renderChosen();
      renderTable();
      renderResults();
      var url = window.location.pathname + (chosen.length ? "?modules=" + chosen.join(",") : "");
      try { window.history.replaceState(window.history.state, "", url); } catch (e) { /* file:// */ }
      $("cmp-planner").href = app.dataset.planner + (chosen.length ? "?plan=" + chosen.join(",") : "");
    }

    app.addEventListener("click", function (e) {
      var add = e.target.closest("button[data-add]"), remove = e.target.closest("button[data-remove]");
      if (add && !add.disabled && chosen.length < MAX && chosen.indexOf(add.dataset.add) < 0) {
        chosen.push(add.dataset.add);
        render();
        search.focus();
      } else if (remove) {
        chosen.splice(chosen.indexOf(remove.dataset.remove), 1);
        render();
        search.focus();
      }
    });
    search.addEventListener("input", renderResults);
    search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    $("cmp-print").addEventListener("click", function () { window.print(); });

    var article = app.closest("article");
    if (article) article.classList.add("amw-compare-article");
    $("cmp-nojs").hidden = true;
    app.hidden = false;
    render();
  }

  init();
})();
