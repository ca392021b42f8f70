/* isocheck serve: the few things the page does in the browser, without a build step.
   - remove a row of a list (then the check runs again);
   - untick a list's "none" box when a row is added, and count the rows;
   - on a new file, keep the first check quiet until something is typed;
   - fill a TTHC row's name and field from the province catalogue when its code (or name) is chosen;
   - show a refused request (e.g. an expired CSRF token) in the status area.
   Everything else (checking, adding rows, saving) is htmx talking to the server. */
(function () {
  "use strict";
  function form() { return document.getElementById("facts"); }
  function changed() { var f = form(); if (f) f.dispatchEvent(new Event("isocheck:changed", { bubbles: true })); }

  function count(list) {
    var rows = list.querySelectorAll(":scope > .table-wrap > table > tbody > .row, :scope > .items > .row").length;
    var none = list.querySelector(":scope > .list-actions .none-list");
    var label = list.querySelector(":scope > h3 .count");
    if (label) label.textContent = rows ? "(" + rows + ")" : "";
    if (none) { if (rows) none.checked = false; none.closest("label").hidden = rows > 0; }
  }
  function countAll() { document.querySelectorAll(".list").forEach(count); }

  // a new file: no "required field is missing" before the user has typed anything
  function typed() { var quiet = document.getElementById("quiet"); if (quiet) quiet.remove(); }
  document.addEventListener("input", typed, true);
  document.addEventListener("change", typed, true);

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-remove-row]");
    if (!button) return;
    var row = button.closest(".row"), list = row.closest(".list");
    row.remove();
    if (list) count(list);
    changed();
  });

  var catalogue = null;
  function entries() {
    if (catalogue === null) {
      var node = document.getElementById("catalogue");
      catalogue = node ? JSON.parse(node.textContent) : [];
    }
    return catalogue;
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("[data-catalogue]")) return;
    var key = input.getAttribute("data-catalogue");
    var entry = entries().find(function (e) { return e[key] === input.value.trim(); });
    if (!entry) return;
    var row = input.closest(".row");
    ["code", "name", "field"].forEach(function (k) {
      var cell = row.querySelector("[name$='." + k + "']");
      if (cell && cell !== input && !cell.value) cell.value = entry[k];
    });
    changed();
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.target.closest && event.target.closest(".list");
    if (list) { count(list); var first = event.target.lastElementChild && event.target.lastElementChild.querySelector("input, select"); if (first) first.focus(); }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var status = document.getElementById("status");
    if (status) { status.className = "status bad"; status.textContent = event.detail.xhr.responseText; }
  });
  document.addEventListener("DOMContentLoaded", countAll);
})();
