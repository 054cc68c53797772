// The class report's script: draws its two charts with Chart.js from the
// data the grader embedded, and marks the page ready (data-report="ready",
// data-errors="N") for the browser test.
(function () {
  "use strict";
  let errors = 0;
  window.addEventListener("error", function () {
    errors += 1;
    if (document.body) document.body.dataset.errors = String(errors);
  }, true);

  const colours = { passed: "#1f7a3d", partial: "#d68910", failed: "#b3261e", compile_error: "#7b241c",
                    rejected: "#5d6d7e", not_attempted: "#c8ccd4" };

  function draw() {
    const data = JSON.parse(document.getElementById("report-data").textContent);
    const scores = document.querySelector("#scores");
    const labels = data.histogram.map(function (_, k) { return (k * 10) + "–" + (k * 10 + 10) + " %"; });
    new Chart(scores.querySelector("canvas"), {
      type: "bar",
      data: { labels: labels, datasets: [{ label: "students", data: data.histogram, backgroundColor: "#2457a6" }] },
      options: { animation: false, plugins: { legend: { display: false } },
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "students" } } } }
    });
    scores.dataset.points = String(data.histogram.reduce(function (a, b) { return a + b; }, 0));
    const exercises = document.querySelector("#exercises");
    const datasets = Object.keys(data.statuses).map(function (status) {
      return { label: status.replace("_", " "), data: data.statuses[status], backgroundColor: colours[status] };
    });
    const frame = document.createElement("div");  // one row per exercise, however many there are
    frame.style.position = "relative";
    frame.style.height = (data.exercises.length * 26 + 90) + "px";
    const canvas = exercises.querySelector("canvas");
    canvas.replaceWith(frame);
    frame.appendChild(canvas);
    new Chart(canvas, {
      type: "bar",
      data: { labels: data.exercises, datasets: datasets },
      options: { animation: false, indexAxis: "y", maintainAspectRatio: false,
                 scales: { x: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: "students" } },
                           y: { stacked: true, ticks: { autoSkip: false } } } }
    });
    exercises.dataset.points = String(data.exercises.length);
  }

  // A table of class "sortable": a click on a header with data-sort sorts
  // its rows by that column's cells' data-value (numbers or text), a second
  // click the other way round.
  function sortable(table) {
    const headers = table.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      const kind = header.dataset.sort;
      if (!kind) return;
      header.style.cursor = "pointer";
      header.title = "sort by " + header.textContent;
      header.addEventListener("click", function () {
        const ascending = header.dataset.order !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { delete h.dataset.order; });
        header.dataset.order = ascending ? "ascending" : "descending";
        const rows = Array.prototype.slice.call(table.rows, 1);
        const value = function (row) {
          const v = row.cells[column].dataset.value;
          return kind === "number" ? parseFloat(v) : v;
        };
        rows.sort(function (a, b) {
          const x = value(a), y = value(b);
          const order = kind === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { row.parentNode.appendChild(row); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    try {
      document.querySelectorAll("table.sortable").forEach(sortable);
      // report.html#sort=score opens sorted by that column (a link to share, and the browser test's way in).
      const wanted = /^#sort=(.+)$/.exec(window.location.hash);
      if (wanted) {
        document.querySelectorAll("table.sortable th[data-sort]").forEach(function (header) {
          if (header.textContent === decodeURIComponent(wanted[1])) header.click();
        });
      }
      draw();
    } catch (error) {
      errors += 1;
      console.error(error);
    }
    document.body.dataset.errors = String(errors);
    document.body.dataset.report = "ready";
  });
})();
