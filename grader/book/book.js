// The lesson book's only script: typesets the formulas md4c left as
// <x-equation> elements with KaTeX, highlights code with highlight.js, and
// marks the page ready (data-book="ready", data-errors="N") for the
// browser test. Everything it uses lies in assets/: no network.
(function () {
  "use strict";
  let errors = 0;
  // Capturing: a script or font that failed to load counts too.
  window.addEventListener(
    "error",
    function () {
      errors += 1;
      if (document.body) document.body.dataset.errors = String(errors);
    },
    true
  );

  function typeset() {
    document.querySelectorAll("x-equation").forEach(function (equation) {
      const display = equation.getAttribute("type") === "display";
      const target = document.createElement(display ? "div" : "span");
      target.className = display ? "math display" : "math";
      katex.render(equation.textContent, target, { displayMode: display, throwOnError: false });
      equation.replaceWith(target);
    });
  }

  function highlight() {
    document.querySelectorAll("pre code").forEach(function (block) {
      if (block.classList.contains("language-output")) {
        block.parentElement.classList.add("output");  // what an example prints: not code
        return;
      }
      hljs.highlightBlock(block);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    for (const step of [typeset, highlight]) {
      try {
        step();
      } catch (error) {
        errors += 1;
        console.error(error);
      }
    }
    document.body.dataset.errors = String(errors);
    document.body.dataset.book = "ready";
  });
})();
