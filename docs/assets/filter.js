// Filters for the home page's table of every model: by size and by licence. Plain JavaScript over the
// complete static table (which works, and sorts, without it): it only hides rows. The sizes are read
// from the table's own Parameters cells, the licences from its License cells, so the filters can offer
// nothing the table does not show.
(function () {
  "use strict";

  var heading = document.getElementById("models");
  var table = heading && heading.parentNode.querySelector("#models ~ .md-typeset__scrollwrap table, #models ~ table");
  if (!table) {
    return;
  }
  var SIZES = [
    { label: "Any size", test: function () { return true; } },
    { label: "Up to 4B", test: function (b) { return b <= 4; } },
    { label: "4B to 15B", test: function (b) { return b > 4 && b <= 15; } },
    { label: "15B to 40B", test: function (b) { return b > 15 && b <= 40; } },
    { label: "Over 40B", test: function (b) { return b > 40; } },
  ];
  var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
    return th.textContent.trim();
  });
  var sizeAt = headers.indexOf("Parameters");
  var licenseAt = headers.indexOf("License");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  // "30B (3B active)", "~1.2T": the first size the cell states, in billions; NaN when none.
  function billions(text) {
    var found = /([\d.,]+)\s*([BT])/.exec(text);
    if (!found) {
      return NaN;
    }
    var value = parseFloat(found[1].replace(/,/g, ""));
    return found[2] === "T" ? value * 1000 : value;
  }

  function cellText(row, at) {
    var cell = row.cells[at];
    if (!cell) {
      return "";
    }
    var copy = cell.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("sup"), function (sup) {
      sup.remove(); // citation marks are not part of the value
    });
    return copy.textContent.trim();
  }

  function select(label, options) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    var field = document.createElement("select");
    options.forEach(function (text, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = text;
      field.appendChild(option);
    });
    wrap.appendChild(field);
    return { wrap: wrap, field: field };
  }

  var licenses = [];
  rows.forEach(function (row) {
    var text = cellText(row, licenseAt);
    if (text && licenses.indexOf(text) === -1) {
      licenses.push(text);
    }
  });
  licenses.sort();

  var bar = document.createElement("form");
  bar.className = "omc-pick";
  bar.setAttribute("aria-label", "Filter the models");
  var size = select("Size", SIZES.map(function (s) { return s.label; }));
  var license = select("License", ["Any license"].concat(licenses));
  var count = document.createElement("output");
  bar.appendChild(size.wrap);
  bar.appendChild(license.wrap);
  bar.appendChild(count);
  var wrapper = table.closest(".md-typeset__scrollwrap") || table;
  wrapper.parentNode.insertBefore(bar, wrapper);

  function apply() {
    var bucket = SIZES[Number(size.field.value)];
    var wanted = Number(license.field.value) ? licenses[Number(license.field.value) - 1] : null;
    var shown = 0;
    rows.forEach(function (row) {
      var b = billions(cellText(row, sizeAt));
      var ok = (Number(size.field.value) === 0 || (!isNaN(b) && bucket.test(b))) &&
        (wanted === null || cellText(row, licenseAt) === wanted);
      row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    count.textContent = shown + " of " + rows.length + " models";
  }
  size.field.addEventListener("change", apply);
  license.field.addEventListener("change", apply);
  bar.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  apply();
})();
