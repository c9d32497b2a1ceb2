/* Trajectbouwer: build a traject from modules in steps, see its indicative duration, functions,
 * prestatievelden and partners, share it by its address and print it as a trajectplan.
 * Progressive enhancement of /trajectbouwer/: without JavaScript the page lists the programmes.
 * The data comes as a script (data/trajectbouwer.js), so the offline build works from disk too;
 * the duration rule lives in plan-duration.js, a port of macros/catalogue/durations.py.
 * The free-text note is printed only: never stored, never put in the address, never sent. */
(function () {
  "use strict";

  var MAX_RESULTS = 12;
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december"];

  var dom = window.AMW_DOM, load = dom.load, el = dom.el, fold = dom.fold;  // assets/js/dom.js

  function srOnly(text) { return el("span", { className: "amw-sr-only", text: text }); }

  function dutchDate(d) { return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear(); }

  // --- the plan in the address: ?plan=aanmelding,intake,budgetbegeleiding+schuldhulpverlening
  // Steps are separated by commas (a semicolon works too), modules side by side by a plus.

  function rawParam(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(window.location.search);
    return match ? match[1] : null;
  }

  function parsePlan(raw, known) {
    return raw.split(/,|;|%2C|%3B/i).map(function (step) {
      return step.split(/\+|%2B|%20|\s/i).map(function (id) {
        try { return decodeURIComponent(id); } catch (e) { return ""; }
      }).filter(function (id) { return known[id]; });
    }).filter(function (step) { return step.length; });
  }

  function formatPlan(plan) {
    return plan.map(function (step) { return step.join("+"); }).join(",");
  }

  function init() {
    var app = document.getElementById("amw-tb");
    if (!app || app.dataset.ready) return;
    app.dataset.ready = "1";
    Promise.all([window.AMWPlanDuration ? null : load(app.dataset.duration),
                 window.AMW_TRAJECT ? null : load(app.dataset.src)])
      .then(function () { start(app, window.AMW_TRAJECT, window.AMWPlanDuration); })
      .catch(function () { /* keep the programme list the page already shows */ });
  }

  function start(app, data, rule) {
    var root = app.dataset.root;
    var byId = {}, functions = {}, groups = {}, velden = {}, partners = {}, programmes = {};
    data.modules.forEach(function (m) { byId[m.id] = m; });
    data.functions.forEach(function (f) { functions[f.id] = f; });
    data.groups.forEach(function (g) { groups[g.id] = g; });
    data.velden.forEach(function (v) { velden[v.number] = v; });
    data.partners.forEach(function (p) { partners[p.id] = p; });
    data.programmes.forEach(function (p) { programmes[p.id] = p; });
    data.modules.forEach(function (m) {
      m._haystack = fold([m.name].concat(
        m.functions.map(function (f) { return functions[f].name; }),
        m.groups.map(function (g) { return groups[g] ? groups[g].name : g; })).join(" | "));
    });

    var $ = function (id) { return document.getElementById(id); };
    var stepsList = $("tb-steps"), summary = $("tb-summary"), printView = $("tb-printview");
    var search = $("tb-search"), results = $("tb-results"), count = $("tb-count"), target = $("tb-target");
    var note = $("tb-note"), optional = $("tb-optional");
    var plan = [];
    var focusAfter = null;
    var last = null;  // the figures and facts of the plan as last rendered

    // --- starting points ------------------------------------------------------------------------

    function programmePlan(p) {
      return p.steps.map(function (step) {
        return step.filter(function (e) { return e[1] === "kern" && byId[e[0]]; }).map(function (e) { return e[0]; });
      }).filter(function (step) { return step.length; });
    }

    function showOptional(p) {
      optional.textContent = "";
      var extra = [];
      p.steps.forEach(function (step) {
        step.forEach(function (e) { if (e[1] !== "kern" && byId[e[0]] && extra.indexOf(e[0]) < 0) extra.push(e[0]); });
      });
      optional.hidden = !extra.length;
      if (!extra.length) return;
      optional.appendChild(document.createTextNode("Optioneel bij " + p.name + ": "));
      extra.forEach(function (id, i) {
        if (i) optional.appendChild(document.createTextNode(" "));
        optional.appendChild(el("button", { type: "button", className: "amw-tb__btn", "data-add": id },
                                ["Voeg toe: " + byId[id].name]));
      });
      optional.appendChild(document.createTextNode(" (aan de stap die je kiest bij ‘Voeg toe aan’)."));
    }

    function loadProgramme(id) {
      var p = programmes[id];
      if (!p) return;
      plan = programmePlan(p);
      showOptional(p);
      $("tb-programme").value = id;
      render();
    }

    var fromAddress = rawParam("plan"), programme = rawParam("programma"), single = rawParam("module");
    if (fromAddress) {
      plan = parsePlan(fromAddress, byId);
    } else if (programme && programmes[decodeURIComponent(programme)]) {
      loadProgramme(decodeURIComponent(programme));
    } else if (single && byId[decodeURIComponent(single)]) {
      plan = [[decodeURIComponent(single)]];
    }

    // --- changing the plan ----------------------------------------------------------------------

    function addModule(id) {
      var where = target.value;
      if (where === "new" || !plan[Number(where)]) plan.push([id]);
      else plan[Number(where)].push(id);
      render();
    }

    function act(action, s, i) {
      var step = plan[s], id = step ? step[i] : null;
      switch (action) {
        case "step-up":
          plan.splice(s - 1, 0, plan.splice(s, 1)[0]);
          focusAfter = '[data-act="step-up"][data-step="' + (s - 1) + '"]';
          break;
        case "step-down":
          plan.splice(s + 1, 0, plan.splice(s, 1)[0]);
          focusAfter = '[data-act="step-down"][data-step="' + (s + 1) + '"]';
          break;
        case "step-remove":
          plan.splice(s, 1);
          focusAfter = '[data-act="step-remove"][data-step="' + Math.min(s, plan.length - 1) + '"]';
          break;
        case "remove":
          step.splice(i, 1);
          focusAfter = '[data-act="remove"][data-step="' + s + '"]';
          break;
        case "prev": case "next": case "own": {
          step.splice(i, 1);
          var to;
          if (action === "own") {
            plan.splice(s + 1, 0, [id]);
            to = s + 1;
          } else if (action === "prev") {
            if (s === 0) { plan.unshift([id]); to = 0; } else { plan[s - 1].push(id); to = s - 1; }
          } else if (s === plan.length - 1) {
            plan.push([id]); to = plan.length - 1;
          } else {
            plan[s + 1].push(id); to = s + 1;
          }
          if (!step.length) {
            plan.splice(plan.indexOf(step), 1);
            if (to > s) to -= 1;
          }
          focusAfter = '[data-act="' + action + '"][data-step="' + to + '"][data-module="' + id + '"]';
          break;
        }
      }
      plan = plan.filter(function (st) { return st.length; });
      render();
    }

    // --- rendering ------------------------------------------------------------------------------

    function button(text, context, attrs) {
      attrs.type = "button";
      attrs.className = "amw-tb__btn";
      return el("button", attrs, [text, srOnly(context)]);
    }

    function renderSteps() {
      stepsList.textContent = "";
      $("tb-empty").hidden = plan.length > 0;
      plan.forEach(function (step, s) {
        var n = s + 1, side = step.length > 1;
        var head = el("div", { className: "amw-tb__stephead" }, [
          el("h3", { text: "Stap " + n + (side ? " (naast elkaar)" : "") }),
          el("span", { className: "amw-tb__tools" }, [
            button("Stap omhoog", ": stap " + n, { "data-act": "step-up", "data-step": s, disabled: s === 0 ? "" : null }),
            button("Stap omlaag", ": stap " + n, { "data-act": "step-down", "data-step": s, disabled: s === plan.length - 1 ? "" : null }),
            button("Verwijder stap", " " + n, { "data-act": "step-remove", "data-step": s })])]);
        var list = el("ul", { className: "amw-tb__modules" });
        step.forEach(function (id, i) {
          var m = byId[id];
          var fig = m.weeks ? rule.spanText(m.weeks, "weken") : "geen weken bekend";
          if (m.origin === "groepswerk" && (m.weeks || m.contacts)) fig += " (richtlijn groepswerk)";
          var alone = step.length === 1;
          var ctx = ": " + m.name;
          list.appendChild(el("li", { "data-module": id }, [
            el("a", { href: root + m.url, text: m.name }), " ", el("span", { className: "amw-tb__fig", text: fig }),
            el("span", { className: "amw-tb__tools" }, [
              button(alone ? "Naast vorige stap" : "Naar vorige stap", ctx,
                     { "data-act": "prev", "data-step": s, "data-index": i, "data-module": id, disabled: alone && s === 0 ? "" : null }),
              button(alone ? "Naast volgende stap" : "Naar volgende stap", ctx,
                     { "data-act": "next", "data-step": s, "data-index": i, "data-module": id, disabled: alone && s === plan.length - 1 ? "" : null }),
              alone ? null : button("Aparte stap", ctx, { "data-act": "own", "data-step": s, "data-index": i, "data-module": id }),
              button("Verwijder", ctx, { "data-act": "remove", "data-step": s, "data-index": i, "data-module": id })])]));
        });
        stepsList.appendChild(el("li", { className: "amw-tb__step" }, [head, list]));
      });
      var chosen = target.value;
      target.textContent = "";
      target.appendChild(el("option", { value: "new", text: plan.length ? "Een nieuwe stap na stap " + plan.length : "Stap 1" }));
      plan.forEach(function (step, s) {
        target.appendChild(el("option", { value: String(s), text: "Stap " + (s + 1) + ", naast " + rule.names(step.map(function (id) { return byId[id]; })) }));
      });
      target.value = chosen && target.querySelector('option[value="' + chosen + '"]') ? chosen : "new";
    }

    function link(href, text) { return el("a", { href: root + href, text: text }); }

    function joinNodes(parent, nodes) {
      nodes.forEach(function (node, i) {
        if (i) parent.appendChild(document.createTextNode(i === nodes.length - 1 ? " en " : ", "));
        parent.appendChild(node);
      });
      return parent;
    }

    function facts() {
      var ids = [].concat.apply([], plan), fs = [], named = [], via = [], ps = [];
      ids.forEach(function (id) {
        var m = byId[id];
        m.functions.forEach(function (f) { if (fs.indexOf(f) < 0) fs.push(f); });
        m.velden.forEach(function (v) { if (named.indexOf(v) < 0) named.push(v); });
        m.partners.forEach(function (p) { if (ps.indexOf(p) < 0) ps.push(p); });
      });
      ids.forEach(function (id) {
        byId[id].via.forEach(function (v) { if (named.indexOf(v) < 0 && via.indexOf(v) < 0) via.push(v); });
      });
      var kinds = fs.map(function (f) { return functions[f].kind; });
      var missing = ["toegang", "uitvoering"].filter(function (k) { return kinds.indexOf(k) < 0; });
      named.sort(function (a, b) { return a - b; });
      via.sort(function (a, b) { return a - b; });
      return { functions: fs, missing: missing, named: named, via: via, partners: ps };
    }

    function figuresPlan() {
      return plan.map(function (step) { return step.map(function (id) { return rule.figures(byId[id]); }); });
    }

    function renderSummary(t, words, f) {
      summary.textContent = "";
      if (!plan.length) {
        summary.appendChild(el("p", { text: "Nog geen modules gekozen." }));
        return;
      }
      var attrs = { className: "amw-duration" };
      if (t.weeks) {
        attrs["data-min-weeks"] = t.weeks[0]; attrs["data-max-weeks"] = t.weeks[1];
        attrs["data-open"] = t.weeksOpen ? "true" : "false";
      }
      if (t.contacts) { attrs["data-min-contacts"] = t.contacts[0]; attrs["data-max-contacts"] = t.contacts[1]; }
      summary.appendChild(el("p", attrs, [el("strong", { text: words.headline })]));
      if (words.openNote) summary.appendChild(el("p", { text: words.openNote }));
      if (words.borrowedNote) summary.appendChild(el("p", { text: words.borrowedNote }));
      var lines = el("ul", {}, words.steps.map(function (line) { return el("li", { text: line }); }));
      summary.appendChild(el("details", { className: "info" }, [
        el("summary", { text: "Zo is gerekend" }), el("p", { text: data.texts.rule }), lines,
        words.sumLine ? el("p", { text: words.sumLine }) : null]));
      if (f.missing.length) {
        summary.appendChild(el("div", { className: "admonition warning amw-tb__warning" }, [
          el("p", { className: "admonition-title", text: data.texts.incomplete_title }),
          el("p", { text: rule.incompleteText(f.missing, "Dit traject") })]));
      }
      summary.appendChild(el("h3", { text: "Functies" }));
      summary.appendChild(joinNodes(el("p", { className: "amw-tb__functions" }), f.functions.map(function (id) {
        return el("span", {}, [functions[id].name + " (" + functions[id].kind + ")"]);
      })));
      summary.appendChild(el("h3", { text: "Wmo-prestatievelden" }));
      var pv = el("p", { className: "amw-tb__velden" });
      if (f.named.length) joinNodes(pv, f.named.map(function (n) { return link(velden[n].url, velden[n].short); }));
      else pv.appendChild(document.createTextNode("Geen genoemd"));
      if (f.via.length) {
        pv.appendChild(document.createTextNode("; via de functie ook "));
        joinNodes(pv, f.via.map(function (n) { return link(velden[n].url, velden[n].short); }));
      }
      summary.appendChild(pv);
      summary.appendChild(el("h3", { text: "Ketenpartners" }));
      summary.appendChild(f.partners.length
        ? el("ul", { className: "amw-tb__partners" }, f.partners.map(function (id) {
            return el("li", {}, [partners[id] ? link(partners[id].url, partners[id].name) : id]);
          }))
        : el("p", { text: "Geen ketenpartners genoemd." }));
      summary.appendChild(el("p", {}, [el("em", { text: data.texts.caveat })]));
    }

    function renderPrint(t, words, f) {
      printView.textContent = "";
      printView.appendChild(el("h2", { className: "amw-tb-print__title", text: "Trajectplan" }));
      if (!plan.length) {
        printView.appendChild(el("p", { text: "Dit traject heeft nog geen modules." }));
      }
      plan.forEach(function (step, s) {
        var section = el("section", { className: "amw-tb-print__step" }, [
          el("h3", { text: "Stap " + (s + 1) + (step.length > 1 ? " (naast elkaar)" : "") })]);
        step.forEach(function (id) {
          var m = byId[id];
          section.appendChild(el("h4", { text: m.name }));
          section.appendChild(el("p", { text: "Duur: " + (m.figures || "geen cijfers bekend") + "." }));
          if (m.goals.length) {
            section.appendChild(el("p", { text: "Doelen:" }));
            section.appendChild(el("ul", {}, m.goals.map(function (g) { return el("li", { text: g }); })));
          }
        });
        printView.appendChild(section);
      });
      printView.appendChild(el("h3", { text: "Indicatieve duur" }));
      [words.headline, words.openNote, words.borrowedNote].forEach(function (line) {
        if (line) printView.appendChild(el("p", { text: line }));
      });
      if (f.missing.length) printView.appendChild(el("p", { text: data.texts.incomplete_title + ": " + rule.incompleteText(f.missing, "Dit traject") }));
      printView.appendChild(el("p", {}, [el("em", { text: data.texts.caveat })]));
      printView.appendChild(el("h3", { text: "Ketenpartners" }));
      printView.appendChild(el("p", { text: f.partners.length ? f.partners.map(function (id) {
        return partners[id] ? partners[id].name : id; }).join(", ") : "Geen ketenpartners genoemd." }));
      var text = note.value.trim();
      if (text) {
        printView.appendChild(el("h3", { text: "Notitie" }));
        printView.appendChild(el("p", { className: "amw-tb-print__note", text: text }));
      }
      printView.appendChild(el("h3", { text: "Bron" }));
      var catalogue = "Gegevens: AMW kennisbank" + (data.meta.version ? ", versie " + data.meta.version : "") +
        (data.meta.date_text ? ", bijgewerkt op " + data.meta.date_text : "") + ". ";
      printView.appendChild(el("p", { text: "Samengesteld met de trajectbouwer van de AMW kennisbank: " +
        window.location.href + ". " + catalogue + "Afgedrukt op " + dutchDate(new Date()) + "." }));
    }

    function writeAddress() {
      var url = window.location.pathname + (plan.length ? "?plan=" + formatPlan(plan) : "");
      try { window.history.replaceState(window.history.state, "", url); } catch (e) { /* file:// */ }
      var ids = [];
      [].concat.apply([], plan).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
      var compare = $("tb-compare");
      compare.href = app.dataset.compare + (ids.length ? "?modules=" + ids.slice(0, 4).join(",") : "");
    }

    function render() {
      renderSteps();
      var t = rule.total(figuresPlan()), words = rule.planWording(t), f = facts();
      writeAddress();
      last = { t: t, words: words, f: f };
      renderSummary(t, words, f);
      renderPrint(t, words, f);
      if (focusAfter) {
        var next = stepsList.querySelector(focusAfter + ":not([disabled])");
        (next || $("tb-plan-h")).focus();
        focusAfter = null;
      }
    }

    // --- searching ------------------------------------------------------------------------------

    // Regional variants: only modules that an organisation (or the organisations of a gemeente) offers.
    function offeringOrganisations() {
      var choice = $("tb-org") ? $("tb-org").value : "";
      if (!choice) return null;
      if (choice.indexOf("gemeente:") !== 0) return [choice];
      var gemeente = choice.slice("gemeente:".length);
      return (data.organisations || []).filter(function (o) { return o.gemeenten.indexOf(gemeente) >= 0; })
        .map(function (o) { return o.id; });
    }

    function renderResults() {
      var q = fold(search.value.trim());
      var words = q.split(/\s+/).filter(Boolean);
      var offeredBy = offeringOrganisations();
      var found = data.modules.filter(function (m) {
        return words.every(function (w) { return m._haystack.indexOf(w) >= 0; }) &&
          (!offeredBy || offeredBy.some(function (id) { return m.orgs.indexOf(id) >= 0; }));
      });
      results.textContent = "";
      found.slice(0, MAX_RESULTS).forEach(function (m) {
        var meta = m.functions.map(function (f) { return functions[f].name; }).join(", ");
        results.appendChild(el("li", {}, [
          el("button", { type: "button", className: "md-button amw-tb__pick", "data-add": m.id }, ["Voeg toe: " + m.name]),
          " ", el("span", { className: "amw-tb__meta", text: meta })]));
      });
      var n = found.length;
      count.textContent = (n === 1 ? "1 module gevonden" : n + " modules gevonden") +
        (n > MAX_RESULTS ? "; de eerste " + MAX_RESULTS + " staan hieronder, typ verder om te verfijnen." : ".");
    }

    // --- events ---------------------------------------------------------------------------------

    stepsList.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (b && !b.disabled) act(b.dataset.act, Number(b.dataset.step), Number(b.dataset.index));
    });
    app.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-add]");
      if (b) addModule(b.dataset.add);
    });
    search.addEventListener("input", renderResults);
    if ($("tb-org")) $("tb-org").addEventListener("change", renderResults);
    search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    $("tb-load").addEventListener("click", function () { loadProgramme($("tb-programme").value); });
    $("tb-clear").addEventListener("click", function () {
      plan = [];
      optional.hidden = true;
      $("tb-programme").value = "";
      render();
    });
    function refreshPrint() { renderPrint(last.t, last.words, last.f); }
    note.addEventListener("input", refreshPrint);
    $("tb-print").addEventListener("click", function () { refreshPrint(); window.print(); });
    window.addEventListener("beforeprint", function () { if (document.body.contains(app)) refreshPrint(); });

    $("tb-plan-h").setAttribute("tabindex", "-1");
    // On paper only the plan shows: mark the element that holds the page's content (the article,
    // or the search index's wrapper inside it) so print CSS can hide the plan's siblings.
    if (app.parentElement) app.parentElement.classList.add("amw-tb-article");
    $("tb-nojs").hidden = true;
    app.hidden = false;
    renderResults();
    render();
  }

  init();
})();
