// The memory calculator of model pages and the hardware guide. Plain JavaScript, no framework, no
// server: it reads api/v1/memory.json (written by the generator from the same derivation as the
// pages' tables) and computes, for the format, context and cache type the reader picks, the memory a
// model needs and the fastest its decoding can be on each hardware profile, exactly as
// generator/derive/memory.py does, rounding as the site's tables round. The page is complete
// without it: the static tables show the same figures for the usual settings. Text from the data
// reaches the page through textContent only.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("memory-calculator");
  if (!root || !script) {
    return;
  }
  var dataUrl = new URL("../api/v1/memory.json", script.src);

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    return node;
  }

  // Python's round(value, digits) for the positive numbers shown here: the nearest decimal, and on
  // an exact tie (only possible for binary fractions such as 1.25) the even one. toFixed alone
  // breaks ties upwards.
  function rounded(value, digits) {
    var text = value.toFixed(digits);
    var tie = value * Math.pow(2, digits + 1);
    if (Number.isInteger(tie) && tie % 2 === 1) {
      var last = Number(text.charAt(text.length - 1));
      if (last % 2 === 1) {
        text = (Number(text) - Math.pow(10, -digits)).toFixed(digits);
      }
    }
    return text;
  }

  // generator/render/format.py number(): no trailing zeros, thousands separated by commas.
  function number(value, digits) {
    var text = rounded(value, digits);
    if (text.indexOf(".") >= 0) {
      text = text.replace(/0+$/, "").replace(/\.$/, "");
    }
    var parts = text.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.join(".");
  }

  // generator/render/format.py gb(): a size too small for two decimals reads "<0.01 GB", never zero.
  function gb(value) {
    if (value > 0 && number(value, 2) === "0") {
      return "<0.01 GB";
    }
    return number(value, value < 1 ? 2 : 1) + " GB";
  }

  function tps(value) {
    return number(value, 1) + " tok/s";
  }

  function tokens(value) {
    var units = [[1000000, "M"], [1048576, "M"], [1000, "K"], [1024, "K"]];
    for (var i = 0; i < units.length; i++) {
      if (value >= units[i][0] && value % units[i][0] === 0) {
        return value / units[i][0] + units[i][1];
      }
    }
    return value >= 1000 ? number(value / 1024, 1) + "K" : String(value);
  }

  // derive/memory.py: weights + key-value cache + overhead, and bandwidth / bytes read per token.
  function estimate(model, quant, context, kv, assumptions) {
    var bits = quant.bits_per_weight.value;
    var values = 0;
    model.kv_groups.forEach(function (g) {
      values += g.layers * Math.min(context, g.window || context) * g.values_per_token;
    });
    var weights = model.total_params_b * bits / 8;
    var cache = values * kv.bits_per_value.value / 8 / 1e9;
    var overhead = assumptions.overhead_gb.value;
    return {
      weights: weights,
      cache: cache,
      overhead: overhead,
      total: weights + cache + overhead,
      // null: a mixture of experts whose active parameters no source states (no speed bound)
      perToken: model.active_params_b === null ? null : model.active_params_b * bits / 8 + cache
    };
  }

  function select(id, label, options, chosen) {
    var field = el("p", null, { "class": "calculator-field" });
    field.appendChild(el("label", label, { "for": id }));
    var box = el("select", null, { id: id });
    options.forEach(function (o) {
      var option = el("option", o.label, { value: o.value });
      if (o.value === chosen) {
        option.selected = true;
      }
      box.appendChild(option);
    });
    field.appendChild(box);
    return { field: field, input: box };
  }

  function build(data) {
    var assumptions = data.assumptions;
    var models = data.memory;
    var fixed = root.getAttribute("data-model");
    var first = fixed || root.getAttribute("data-default");
    var model = models.find(function (m) { return m.id === first; }) || models[0];
    if (!assumptions || !model) {
      return;
    }
    var quants = assumptions.quantisations.filter(function (q) { return q.bits_per_weight; });
    var form = el("form", null, { "class": "calculator-form", "aria-label": "Memory calculator" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var modelBox = null;
    if (!fixed) {
      modelBox = select("calculator-model", "Model", models.map(function (m) {
        return { value: m.id, label: m.name };
      }), model.id);
      form.appendChild(modelBox.field);
    }
    var quantBox = select("calculator-format", "Format", quants.map(function (q) {
      return { value: q.id, label: q.name };
    }), model.default.quantisation);
    var kvBox = select("calculator-cache", "Key-value cache", assumptions.kv_types.map(function (k) {
      return { value: k.id, label: k.name };
    }), model.default.kv_type);
    var contextField = el("p", null, { "class": "calculator-field" });
    contextField.appendChild(el("label", "Context (tokens)", { "for": "calculator-context" }));
    var contextBox = el("input", null, {
      id: "calculator-context", type: "number", min: "1", step: "1", value: String(model.default.context)
    });
    contextField.appendChild(contextBox);
    form.appendChild(quantBox.field);
    form.appendChild(contextField);
    form.appendChild(kvBox.field);

    var output = el("div", null, { "class": "calculator-output", "aria-live": "polite" });
    root.textContent = "";  // the note for readers without JavaScript
    root.appendChild(form);
    root.appendChild(output);

    function show() {
      if (modelBox) {
        model = models.find(function (m) { return m.id === modelBox.input.value; }) || model;
      }
      var quant = quants.find(function (q) { return q.id === quantBox.input.value; });
      var kv = assumptions.kv_types.find(function (k) { return k.id === kvBox.input.value; });
      var context = Math.floor(Number(contextBox.value));
      contextBox.max = model.max_context ? String(model.max_context) : "";
      output.textContent = "";
      if (!quant || !kv || !(context >= 1)) {
        output.appendChild(el("p", "Enter a context of at least one token."));
        return;
      }
      if (model.max_context && context > model.max_context) {
        output.appendChild(el("p", model.name + " takes at most " + tokens(model.max_context) + " tokens of context."));
        return;
      }
      var e = estimate(model, quant, context, kv, assumptions);
      var summary = el("table");
      summary.appendChild(el("caption", "Estimated memory, " + model.name + ", " + quant.name + ", " +
        tokens(context) + " tokens, " + kv.name + " cache"));
      [["Weights", e.weights], ["Key-value cache", e.cache], ["Runtime overhead", e.overhead], ["Total", e.total]]
        .forEach(function (row) {
          var tr = el("tr");
          tr.appendChild(el("th", row[0], { scope: "row" }));
          tr.appendChild(el("td", gb(row[1]), { "data-part": row[0] }));
          summary.appendChild(tr);
        });
      output.appendChild(summary);

      var speeds = el("table");
      speeds.appendChild(el("caption", "Speed bound by hardware (estimated)"));
      var head = el("tr");
      ["Hardware", "Memory", "Fits", "Speed bound"].forEach(function (name) {
        head.appendChild(el("th", name, { scope: "col" }));
      });
      speeds.appendChild(head);
      assumptions.profiles.forEach(function (p) {
        var fits = p.capacity_gb && e.total <= p.capacity_gb.value;
        var bound = fits && p.bandwidth_gb_s && e.perToken ? p.bandwidth_gb_s.value / e.perToken : null;
        var tr = el("tr", null, { "data-profile": p.id });
        tr.appendChild(el("th", p.name, { scope: "row" }));
        tr.appendChild(el("td", gb(p.capacity_gb.value)));
        tr.appendChild(el("td", fits ? "yes" : "no"));
        tr.appendChild(el("td", bound === null ? "—" : "≤ " + tps(bound)));
        speeds.appendChild(tr);
      });
      output.appendChild(speeds);
    }

    [quantBox.input, kvBox.input, contextBox].concat(modelBox ? [modelBox.input] : []).forEach(function (input) {
      input.addEventListener("input", show);
      input.addEventListener("change", show);
    });
    show();
  }

  fetch(dataUrl)
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(build)
    .catch(function () {
      // The static tables stay: the page says as much under the calculator's place.
    });
}());
