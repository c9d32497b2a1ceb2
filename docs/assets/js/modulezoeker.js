/* Module finder: progressive enhancement of the full list on /modulezoeker/.
 * Without JavaScript the page shows every module grouped by function; with it, the form appears
 * and filters act at once. Data: data/modules.json, generated from the catalogue at build time. */
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("amw-finder");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    fetch(form.dataset.json)
      .then(function (r) { return r.json(); })
      .then(function (data) { enable(form, data); })
      .catch(function () { /* keep the full list */ });
  }

  function enable(form, data) {
    var modules = {};
    data.catalog.modules.forEach(function (m) { modules[m.id] = m; });
    var items = Array.prototype.slice.call(document.querySelectorAll("#amw-finder-results li[data-module]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll("#amw-finder-results section"));
    var count = document.getElementById("amw-finder-count");

    function matches(m, f) {
      var facets = data.finder[m.id];
      return (!f.function || m.functions.indexOf(f.function) >= 0) &&
        (!f.veld || m.prestatievelden.indexOf(Number(f.veld)) >= 0) &&
        (!f.group || m.target_groups.indexOf(f.group) >= 0) &&
        (!f.setting || facets.settings.indexOf(f.setting) >= 0) &&
        (!f.duration || facets.duration_class === f.duration);
    }

    function update() {
      var f = {};
      ["function", "veld", "group", "setting", "duration"].forEach(function (name) {
        f[name] = form.elements[name].value;
      });
      var shown = 0;
      items.forEach(function (li) {
        var ok = matches(modules[li.dataset.module], f);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (section) {
        section.hidden = !section.querySelector("li:not([hidden])");
      });
      count.textContent = shown === 1 ? "1 module gevonden" : shown + " modules gevonden";
    }

    // Filters can come from the address, e.g. modulezoeker/?function=begeleiding&veld=5
    var params = new URLSearchParams(window.location.search);
    ["function", "veld", "group", "setting", "duration"].forEach(function (name) {
      var value = params.get(name);
      if (value && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) {
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
