// Material's search overlay is a role="dialog" without a name (axe aria-dialog-name): screen readers
// would announce an unnamed dialog. Name it after the search field's own label.
document$.subscribe(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }
});
