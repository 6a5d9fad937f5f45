// Sortable tables (Material for MkDocs' tablesort recipe): every plain Markdown table in a page's
// content sorts on a click of its header. document$ emits on every page load, instant navigation too.
document$.subscribe(function () {
  var tables = document.querySelectorAll("article table:not([class])");
  tables.forEach(function (table) {
    new Tablesort(table);
  });
});
