/**
 * The console's only script (progressive: every page works without it): a block copied from
 * Excel and pasted into a cell of an editable grid is spread over the cells to its right and below.
 */
export const CONSOLE_JS = `
document.addEventListener("paste", function (event) {
  var input = event.target;
  if (!(input instanceof HTMLInputElement)) return;
  var table = input.closest("table[data-paste-grid]");
  if (!table) return;
  var text = (event.clipboardData || window.clipboardData).getData("text");
  if (text.indexOf("\\t") < 0 && text.replace(/\\r?\\n$/, "").indexOf("\\n") < 0) return;
  event.preventDefault();
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var cell = input.closest("td");
  var rowIndex = rows.indexOf(cell.parentElement);
  var inputsOf = function (row) { return Array.prototype.slice.call(row.querySelectorAll("input")); };
  var colIndex = inputsOf(rows[rowIndex]).indexOf(input);
  text.replace(/\\r/g, "").replace(/\\n$/, "").split("\\n").forEach(function (line, r) {
    var row = rows[rowIndex + r];
    if (!row) return;
    var inputs = inputsOf(row);
    line.split("\\t").forEach(function (value, c) {
      var target = inputs[colIndex + c];
      if (target) target.value = value.trim();
    });
  });
});
`;
