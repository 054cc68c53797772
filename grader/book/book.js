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

  // Figures: data computed by the reference solutions when the book was
  // built (a JSON script beside each canvas), drawn by Chart.js.
  const palette = ["#2457a6", "#c0392b", "#1f7a3d", "#8e44ad", "#d68910", "#5d6d7e"];
  function draw() {
    document.querySelectorAll("figure.chart").forEach(function (figure) {
      const spec = JSON.parse(figure.querySelector("script").textContent);
      let points = 0;
      const colours = {};  // a learner's series takes the colour of the reference's it retraces
      const datasets = spec.series.map(function (series, k) {
        points += series.points.length;
        const own = series.yours ? series.label.replace(/^yours: /, "") : series.label;
        if (!(own in colours)) colours[own] = palette[Object.keys(colours).length % palette.length];
        const colour = colours[own];
        return {
          label: series.label,
          data: series.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          showLine: series.style !== "points",
          spanGaps: false,  // a null point separates segments (residuals)
          fill: series.style === "area" ? "origin" : false,
          borderColor: colour,
          backgroundColor: series.style === "area" ? colour + "55" : colour,
          pointRadius: series.style === "points" ? (series.yours ? 3 : 4) : 0,
          pointStyle: series.yours ? "crossRot" : "circle",
          borderDash: series.yours ? [6, 4] : [],
          borderWidth: series.yours ? 2.5 : 2
        };
      });
      const scales = {
        x: { type: "linear", title: { display: spec.x !== "", text: spec.x } },
        y: { type: spec.log_y ? "logarithmic" : "linear", title: { display: spec.y !== "", text: spec.y } }
      };
      // Equal axes: ranges around the reference's points (a learner's wild
      // answer must not shrink the drawing), then, once the plot area is
      // laid out, widened so that one unit is as many pixels on both axes.
      let centre = null;
      if (spec.equal_axes) {
        const finite = spec.series.filter(function (s) { return !s.yours; })
          .flatMap(function (s) { return s.points; })
          .filter(function (p) { return Number.isFinite(p[0]) && Number.isFinite(p[1]); });
        if (finite.length > 0) {
          const xs = finite.map(function (p) { return p[0]; }), ys = finite.map(function (p) { return p[1]; });
          centre = {
            x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2,
            half: 0.55 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9)
          };
          Object.assign(scales.x, { min: centre.x - centre.half, max: centre.x + centre.half });
          Object.assign(scales.y, { min: centre.y - centre.half, max: centre.y + centre.half });
        }
      }
      const chart = new Chart(figure.querySelector("canvas"), {
        type: "scatter",
        data: { datasets: datasets },
        options: {
          animation: false,
          aspectRatio: spec.equal_axes ? 1 : 2,
          scales: scales,
          plugins: { legend: { position: "bottom" } }
        }
      });
      if (centre && chart.chartArea) {
        const area = chart.chartArea, pixels = Math.min(area.width, area.height) / (2 * centre.half);
        Object.assign(chart.options.scales.x, { min: centre.x - area.width / pixels / 2, max: centre.x + area.width / pixels / 2 });
        Object.assign(chart.options.scales.y, { min: centre.y - area.height / pixels / 2, max: centre.y + area.height / pixels / 2 });
        chart.update("none");
      }
      figure.dataset.series = String(spec.series.length);
      figure.dataset.yours = String(spec.series.filter(function (s) { return s.yours; }).length);
      figure.dataset.points = String(points);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    for (const step of [typeset, highlight, draw]) {
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
