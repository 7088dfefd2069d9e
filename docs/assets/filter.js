// A category filter for tables whose first column is 信息类别 (the catalog edition pages). Plain DOM, no network.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("article table").forEach(function (table) {
    var head = table.querySelector("thead th");
    if (!head || head.textContent.trim() !== "信息类别") return;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var names = [];
    rows.forEach(function (row) {
      var name = row.cells[0].textContent.trim();
      if (names.indexOf(name) < 0) names.push(name);
    });
    var select = document.createElement("select");
    select.setAttribute("aria-label", "按信息类别筛选");
    select.className = "benxi-filter";
    [["", "全部类别（" + rows.length + "）"]].concat(names.map(function (n) { return [n, n]; }))
      .forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        select.appendChild(option);
      });
    select.addEventListener("change", function () {
      rows.forEach(function (row) {
        row.hidden = select.value !== "" && row.cells[0].textContent.trim() !== select.value;
      });
    });
    var wrap = table.closest(".md-typeset__scrollwrap") || table;
    wrap.parentNode.insertBefore(select, wrap);
  });
});
