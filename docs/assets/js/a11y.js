/* Accessibility fixes on every page (Material's instant navigation: run on each document$). */
(function () {
  "use strict";

  // A table too wide for the screen scrolls sideways; keyboard users must be able to reach it
  // (WCAG 2.1.1), so the scrolling wrapper gets focus and a name.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabel, schuif opzij voor meer kolommen");
      }
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(focusableScrollers);
  } else {
    document.addEventListener("DOMContentLoaded", focusableScrollers);
  }
  window.addEventListener("resize", focusableScrollers);
})();
