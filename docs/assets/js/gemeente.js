/* Gemeente lookup on /gemeenten/: filters the table of gemeenten as you type. Without
 * JavaScript the whole table shows. Known other names ("Den Haag") find the official one. */
(function () {
  "use strict";

  function normal(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/^'s-/, "").trim();
  }

  function init() {
    var input = document.getElementById("amw-gemeente");
    var table = document.querySelector("#amw-gemeenten table");
    if (!input || !table || input.dataset.ready) return;
    input.dataset.ready = "1";
    input.closest(".amw-municipality").hidden = false;
    var aliases = JSON.parse(input.dataset.aliases || "{}");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var status = document.getElementById("amw-gemeente-count");

    function update() {
      var query = normal(input.value);
      Object.keys(aliases).forEach(function (alias) {
        if (query && normal(alias) === query) query = normal(aliases[alias]);
      });
      var shown = 0;
      rows.forEach(function (row) {
        var match = !query || normal(row.cells[0].textContent).indexOf(query) === 0;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = !query ? "" : shown === 0
        ? "Voor deze gemeente heeft nog geen organisatie haar aanbod vastgelegd."
        : shown === 1 ? "1 gemeente gevonden." : shown + " gemeenten gevonden.";
    }
    input.addEventListener("input", update);
    var asked = new URLSearchParams(window.location.search).get("gemeente");
    if (asked) { input.value = asked; update(); }
  }

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
