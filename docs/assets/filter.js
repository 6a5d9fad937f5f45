// Size and licence filters over the tables of a page: home's table of every model, the leaderboards,
// the rankings and the hardware guide. Plain JavaScript over complete static tables (which work, and
// sort, without it): it only hides rows. The generator writes a marker, <div class="omc-filters"
// data-size-classes="4 15 40" data-size-labels="Up to 4B;4B to 15B;15B to 40B;Over 40B">, before the
// tables: its bounds (billions of parameters) are data/site.yaml's size classes, and their names, one
// more than the bounds, are the generator's (render/format.py's size_class_labels). Each table after
// the marker with Parameters and License columns is filtered: a row's size is the figure its
// Parameters cell carries as data (<span data-size-b="32">, the model's total parameters in billions,
// a mixture of experts by its total, written by the generator beside the text it shows) and its
// licence is the License cell's text, so the filters offer nothing the tables do not show and never
// read a figure out of the words.
(function () {
  "use strict";

  var marker = document.querySelector(".omc-filters[data-size-classes]");
  if (!marker) {
    return;
  }
  var bounds = marker.getAttribute("data-size-classes").split(" ").map(Number);
  var labels = marker.getAttribute("data-size-labels").split(";");

  // [4, 15, 40] -> up to 4B, 4B to 15B, 15B to 40B, over 40B (as the generator names them).
  function sizeClasses() {
    var classes = [{ label: "Any size", test: function () { return true; } }];
    bounds.forEach(function (high, i) {
      var low = i ? bounds[i - 1] : 0;
      classes.push({ label: labels[i], test: function (b) { return b > low && b <= high; } });
    });
    var top = bounds[bounds.length - 1];
    classes.push({ label: labels[bounds.length], test: function (b) { return b > top; } });
    return classes;
  }

  function headerIndex(table, name) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) {
      return -1;
    }
    return Array.prototype.map.call(head.cells, function (th) {
      return th.textContent.trim();
    }).indexOf(name);
  }

  // The tables after the marker (in document order) that have both columns.
  var tables = Array.prototype.filter.call(document.querySelectorAll("article table"), function (table) {
    return (marker.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      headerIndex(table, "Parameters") >= 0 && headerIndex(table, "License") >= 0;
  });
  if (!tables.length) {
    return;
  }

  // The total size the Parameters cell carries, in billions; NaN when it carries none.
  function billions(row, at) {
    var cell = row.cells[at];
    var figure = cell && cell.querySelector("[data-size-b]");
    return figure ? Number(figure.getAttribute("data-size-b")) : NaN;
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

  var entries = []; // one per row: its row, size in billions and licence
  var licenses = [];
  tables.forEach(function (table) {
    var sizeAt = headerIndex(table, "Parameters");
    var licenseAt = headerIndex(table, "License");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var license = cellText(row, licenseAt);
      entries.push({ table: table, row: row, size: billions(row, sizeAt), license: license });
      if (license && license !== "—" && licenses.indexOf(license) === -1) {
        licenses.push(license);
      }
    });
  });
  licenses.sort();

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

  var classes = sizeClasses();
  var bar = document.createElement("form");
  bar.className = "omc-pick";
  bar.setAttribute("aria-label", "Filter the tables by size and license");
  var size = select("Size", classes.map(function (c) { return c.label; }));
  var license = select("License", ["Any license"].concat(licenses));
  var count = document.createElement("output");
  count.setAttribute("aria-live", "polite");
  bar.appendChild(size.wrap);
  bar.appendChild(license.wrap);
  bar.appendChild(count);
  marker.appendChild(bar);

  // A table whose every row is filtered out says so, rather than leaving a header with no rows.
  var empties = tables.map(function (table) {
    var note = document.createElement("p");
    note.className = "omc-filters__empty";
    note.textContent = "No model in this table matches the filters.";
    note.hidden = true;
    var wrapper = table.closest(".md-typeset__scrollwrap") || table;
    wrapper.parentNode.insertBefore(note, wrapper.nextSibling);
    return { table: table, wrapper: wrapper, note: note };
  });

  function apply() {
    var sizeClass = classes[Number(size.field.value)];
    var wanted = Number(license.field.value) ? licenses[Number(license.field.value) - 1] : null;
    var shown = 0;
    entries.forEach(function (e) {
      var ok = (Number(size.field.value) === 0 || (!isNaN(e.size) && sizeClass.test(e.size))) &&
        (wanted === null || e.license === wanted);
      e.row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    empties.forEach(function (t) {
      var any = Array.prototype.some.call(t.table.tBodies[0].rows, function (row) { return !row.hidden; });
      t.wrapper.hidden = !any;
      t.note.hidden = any;
    });
    count.textContent = "Showing " + shown + " of " + entries.length + " rows";
  }
  size.field.addEventListener("change", apply);
  license.field.addEventListener("change", apply);
  bar.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  apply();
})();
