/* Module finder: progressive enhancement of /modulezoeker/.
 * Without JavaScript the page lists the modules grouped by function (for a very large catalogue:
 * links to the function pages). With it, the form appears and filters act at once on the data in
 * data/modulezoeker.json, generated from the catalogue at build time. */
(function () {
  "use strict";

  var FILTERS = ["function", "veld", "group", "setting", "duration", "organisation", "gemeente"];

  function init() {
    var form = document.getElementById("amw-finder");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    fetch(form.dataset.json)
      .then(function (r) { return r.json(); })
      .then(function (data) { enable(form, data); })
      .catch(function () { /* keep the list the page already shows */ });
  }

  // For a large catalogue the page carries no full list: build it from the data.
  function buildList(results, data, root) {
    results.textContent = "";
    data.functions.forEach(function (f) {
      var modules = data.modules.filter(function (m) { return m.function === f.id; });
      if (!modules.length) return;
      var section = document.createElement("section");
      section.className = "amw-finder__group";
      var h2 = document.createElement("h2");
      h2.id = "functie-" + f.id;
      h2.textContent = f.name;
      var ul = document.createElement("ul");
      modules.forEach(function (m) {
        var li = document.createElement("li");
        li.dataset.module = m.id;
        var a = document.createElement("a");
        a.href = root + m.url;
        a.textContent = m.name;
        li.appendChild(a);
        li.appendChild(document.createTextNode(": " + m.summary));
        ul.appendChild(li);
      });
      section.appendChild(h2);
      section.appendChild(ul);
      results.appendChild(section);
    });
  }

  function enable(form, data) {
    var results = document.getElementById("amw-finder-results");
    if (results.dataset.complete !== "true") buildList(results, data, form.dataset.root);
    var modules = {};
    data.modules.forEach(function (m) { modules[m.id] = m; });
    var items = Array.prototype.slice.call(results.querySelectorAll("li[data-module]"));
    var groups = Array.prototype.slice.call(results.querySelectorAll("section"));
    var count = document.getElementById("amw-finder-count");

    // gemeente -> organisations that serve it (regional variants)
    var serving = {};
    (data.organisations || []).forEach(function (o) {
      o.gemeenten.forEach(function (g) { (serving[g] = serving[g] || []).push(o.id); });
    });

    function offeredIn(m, gemeente) {
      return (serving[gemeente] || []).some(function (id) { return m.orgs.indexOf(id) >= 0; });
    }

    function matches(m, f) {
      return (!f.function || m.functions.indexOf(f.function) >= 0) &&
        (!f.veld || m.velden.indexOf(Number(f.veld)) >= 0 || m.via.indexOf(Number(f.veld)) >= 0) &&
        (!f.organisation || m.orgs.indexOf(f.organisation) >= 0) &&
        (!f.gemeente || offeredIn(m, f.gemeente)) &&
        (!f.group || m.groups.indexOf(f.group) >= 0) &&
        (!f.setting || m.settings.indexOf(f.setting) >= 0) &&
        (!f.duration || m.duration === f.duration);
    }

    function update() {
      var f = {};
      FILTERS.forEach(function (name) { f[name] = form.elements[name] ? form.elements[name].value : ""; });
      var shown = 0;
      items.forEach(function (li) {
        var m = modules[li.dataset.module];
        var ok = matches(m, f);
        li.hidden = !ok;
        if (ok) shown += 1;
        // A field that takes the module in through its function, not by name: say so.
        var via = f.veld && m.velden.indexOf(Number(f.veld)) < 0;
        var mark = li.querySelector(".amw-via__mark");
        if (via && !mark) {
          mark = document.createElement("span");
          mark.className = "amw-via__mark";
          mark.textContent = " (via functie)";
          li.firstChild.after(mark);
        } else if (!via && mark) {
          mark.remove();
        }
      });
      groups.forEach(function (section) {
        section.hidden = !section.querySelector("li:not([hidden])");
      });
      count.textContent = shown === 1 ? "1 module gevonden" : shown + " modules gevonden";
    }

    // Filters can come from the address, e.g. modulezoeker/?function=begeleiding&veld=5
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var value = params.get(name);
      if (value && form.elements[name] && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) {
        form.elements[name].value = value;
      }
    });

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    update();
  }

  // Material's instant navigation swaps pages without a reload: listen to its document$ stream.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
