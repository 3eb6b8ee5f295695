// stancegraph: small progressive enhancements (the pages work without them).
// Served from /static like the CSS: the Content-Security-Policy allows no inline script.
"use strict";

// <input class="filter" data-filter="TABLE-ID">: hide the table rows that do not contain the text.
function setUpFilters() {
  for (const input of document.querySelectorAll("input.filter[data-filter]")) {
    const table = document.getElementById(input.dataset.filter);
    if (!table) continue;
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      for (const row of table.tBodies[0].rows) {
        row.classList.toggle("hidden", needle !== "" && !row.textContent.toLowerCase().includes(needle));
      }
    });
  }
}

document.addEventListener("DOMContentLoaded", setUpFilters);
