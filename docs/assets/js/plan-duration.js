/* The indicative duration of a plan, and its Dutch wording: a literal port of
 * macros/catalogue/durations.py (total) and macros/site/wording.py (plan_wording and friends).
 * Pure functions, no page needed: tests/test_trajectbouwer.py feeds this file and the Python rule
 * the same random plans. Keep the two in step.
 *
 * A figure is {id, name, weeks: [min, max] | null, contacts: [min, max] | null, origin}, origin
 * 'eigen', 'groepswerk' or null. A plan is a list of steps; a step lists the modules side by side. */
(function (root) {
  "use strict";

  var GROUP_WORK = "groepswerk";
  var GROUP_WORK_LABEL = "algemene richtlijn groepswerk, geen eigen cijfers";

  // --- durations.py ----------------------------------------------------------------------------

  function sideBySide(spans) {
    if (!spans.length) return null;
    var lo = 0, hi = 0;
    spans.forEach(function (s) { lo = Math.max(lo, s[0]); hi += s[1]; });
    return [lo, hi];
  }

  function sum(spans) {
    var result = null;
    spans.forEach(function (s) {
      if (s) result = result ? [result[0] + s[0], result[1] + s[1]] : [s[0], s[1]];
    });
    return result;
  }

  function unique(modules) {
    var seen = {}, out = [];
    modules.forEach(function (m) {
      if (!seen[m.id]) { seen[m.id] = true; out.push(m); }
    });
    return out;
  }

  function total(plan) {
    var steps = plan.map(function (modules) {
      return {
        modules: modules,
        weeks: sideBySide(modules.filter(function (m) { return m.weeks; }).map(function (m) { return m.weeks; })),
        contacts: sideBySide(modules.filter(function (m) { return m.contacts; }).map(function (m) { return m.contacts; }))
      };
    });
    var everything = [].concat.apply([], plan);
    var t = {
      steps: steps,
      weeks: sum(steps.map(function (s) { return s.weeks; })),
      contacts: sum(steps.map(function (s) { return s.contacts; })),
      withoutWeeks: unique(everything.filter(function (m) { return !m.weeks; })),
      withoutContacts: unique(everything.filter(function (m) { return !m.contacts; })),
      borrowed: unique(everything.filter(function (m) { return m.origin === GROUP_WORK; }))
    };
    t.weeksOpen = t.withoutWeeks.length > 0;
    t.contactsOpen = t.withoutContacts.length > 0;
    return t;
  }

  // The figures of module entries in data/trajectbouwer.js.
  function figures(m) {
    return { id: m.id, name: m.name, weeks: m.weeks || null, contacts: m.contacts || null,
             origin: (m.weeks || m.contacts) ? (m.origin || null) : null };
  }

  // --- wording.py ------------------------------------------------------------------------------

  var SINGULAR = {"weken": "week", "contacten": "contact", "minuten per contact": "minuut per contact"};

  function counted(n, unit) {
    return n + " " + (n === 1 && SINGULAR[unit] ? SINGULAR[unit] : unit);
  }

  function spanText(span, unit) {
    if (!span) return "";
    if (span[0] === span[1]) return counted(span[0], unit);
    return span[0] + " tot " + span[1] + " " + unit;
  }

  function names(modules) {
    var items = modules.map(function (m) { return m.name; });
    if (items.length <= 1) return items.join("");
    return items.slice(0, -1).join(", ") + " en " + items[items.length - 1];
  }

  function weeksPhrase(t) {
    if (!t.weeks) return "";
    if (t.weeksOpen) return "ten minste " + counted(t.weeks[0], "weken");
    return spanText(t.weeks, "weken");
  }

  function contactsPhrase(t) {
    if (!t.contacts) return "";
    if (t.contactsOpen) return "ten minste " + counted(t.contacts[0], "contacten");
    return spanText(t.contacts, "contacten");
  }

  function planWording(t, lead) {
    lead = lead || "Dit traject duurt";
    var weeks = weeksPhrase(t), contacts = contactsPhrase(t), headline;
    if (weeks) {
      headline = lead + " naar schatting " + weeks;
      headline += contacts ? ", met " + contacts + "." : ".";
    } else if (contacts) {
      headline = "Een looptijd in weken is niet te geven; samen omvatten de modules naar schatting " + contacts + ".";
    } else {
      headline = "Voor deze modules is geen duur in cijfers te geven.";
    }
    var openNote = "";
    if (t.withoutWeeks.length && t.weeks) {
      openNote = "Geen looptijd in weken bekend voor " + names(t.withoutWeeks) + "; daarom is er " +
        "geen bovengrens. De ondergrens telt alleen de modules met cijfers.";
    } else if (t.withoutWeeks.length) {
      openNote = "Geen looptijd in weken bekend voor " + names(t.withoutWeeks) + ".";
    }
    var borrowedNote = "";
    if (t.borrowed.length) {
      borrowedNote = "Voor " + names(t.borrowed) + " gelden de cijfers van de " + GROUP_WORK_LABEL + ".";
    }
    var steps = [], sums = [];
    t.steps.forEach(function (step, i) {
      var parts = step.modules.map(function (m) {
        return m.name + " " + (m.weeks ? spanText(m.weeks, "weken") : "(geen weken bekend)") +
          (m.origin === GROUP_WORK ? " (richtlijn groepswerk)" : "");
      });
      var counted = step.modules.filter(function (m) { return m.weeks; });
      var result;
      if (!step.weeks) {
        result = "geen weken bekend";
      } else if (counted.length > 1) {
        result = "naast elkaar: van de langste (" + step.weeks[0] + ") tot de som (" + step.weeks[1] + ") = " +
          spanText(step.weeks, "weken");
      } else {
        result = spanText(step.weeks, "weken");
      }
      if (step.weeks) sums.push(step.weeks);
      steps.push("Stap " + (i + 1) + ": " + parts.join("; ") + " → " + result);
    });
    var sumLine = "";
    if (sums.length) {
      sumLine = "Totaal: " + sums.map(function (s) { return spanText(s, "").trim(); }).join(" + ") +
        " = " + spanText(t.weeks, "weken") + (t.weeksOpen ? " (zonder de modules zonder weken)" : "");
    }
    return { headline: headline, openNote: openNote, borrowedNote: borrowedNote, steps: steps, sumLine: sumLine };
  }

  function incompleteText(missing, subject) {
    return (subject || "Dit programma") + " heeft geen " + missing.join(" en geen ") + "smodule. Volgens de " +
      "notitie over AMW en BMW heeft een traject ten minste één toegangs- en één uitvoeringsmodule.";
  }

  root.AMWPlanDuration = {
    total: total, figures: figures, spanText: spanText, names: names, weeksPhrase: weeksPhrase,
    contactsPhrase: contactsPhrase, planWording: planWording, incompleteText: incompleteText,
    GROUP_WORK_LABEL: GROUP_WORK_LABEL
  };
})(typeof window !== "undefined" ? window : this);
